package io.github.relayai.upstream;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request's hold on an upstream, from {@link UpstreamPool#acquire}: a permit of its
 * circuit breaker and a slot of its concurrency limit, given back by exactly one of
 * {@link #succeeded()}, {@link #failed(Throwable)} or {@link #cancelled()} (later calls
 * do nothing).
 */
public final class Lease {

	private final UpstreamPool pool;

	private final Member member;

	private final String model;

	private final Instant started;

	private final AtomicBoolean firstEvent = new AtomicBoolean();

	private final AtomicBoolean ended = new AtomicBoolean();

	Lease(UpstreamPool pool, Member member, String model, Instant started) {
		this.pool = pool;
		this.member = member;
		this.model = model;
		this.started = started;
	}

	/**
	 * The upstream.
	 * @return the upstream
	 */
	public Upstream upstream() {
		return this.member.upstream();
	}

	/**
	 * The requested model.
	 * @return the model as the caller named it
	 */
	public String model() {
		return this.model;
	}

	/**
	 * The model as this upstream knows it.
	 * @return the mapped name
	 */
	public String upstreamModel() {
		return this.member.upstream().modelFor(this.model);
	}

	/**
	 * Records the first event of the answer (the whole answer of a call) for the latency
	 * average; later calls do nothing.
	 */
	public void firstEvent() {
		if (this.firstEvent.compareAndSet(false, true)) {
			this.member.sampleLatency(Duration.between(this.started, this.pool.now()));
		}
	}

	/** Ends the lease with an answer. */
	public void succeeded() {
		if (this.ended.compareAndSet(false, true)) {
			firstEvent();
			this.member.breaker()
				.onSuccess(Duration.between(this.started, this.pool.now()).toNanos(), TimeUnit.NANOSECONDS);
			this.member.bulkhead().onComplete();
		}
	}

	/**
	 * Ends the lease with a failure, which the circuit breaker and the cooldown judge.
	 * @param failure the failure
	 */
	public void failed(Throwable failure) {
		if (this.ended.compareAndSet(false, true)) {
			this.pool.failed(this.member, failure, this.started);
			this.member.bulkhead().onComplete();
		}
	}

	/** Ends the lease of a request the caller cancelled: no outcome is recorded. */
	public void cancelled() {
		if (this.ended.compareAndSet(false, true)) {
			this.member.breaker().releasePermission();
			this.member.bulkhead().onComplete();
		}
	}

}
