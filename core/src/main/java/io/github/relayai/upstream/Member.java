package io.github.relayai.upstream;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * An upstream with what its pool knows about it: its circuit breaker, its concurrency
 * limit, its cooldown and the moving average of its time to first token.
 */
final class Member {

	/** The weight of the newest sample in the moving average. */
	static final double EWMA_ALPHA = 0.3;

	private final Upstream upstream;

	private final CircuitBreaker breaker;

	private final Bulkhead bulkhead;

	private final AtomicReference<Instant> coolUntil = new AtomicReference<>(Instant.MIN);

	private final AtomicLong latencyNanos = new AtomicLong();

	Member(Upstream upstream, CircuitBreaker breaker, Bulkhead bulkhead) {
		this.upstream = upstream;
		this.breaker = breaker;
		this.bulkhead = bulkhead;
	}

	Upstream upstream() {
		return this.upstream;
	}

	CircuitBreaker breaker() {
		return this.breaker;
	}

	Bulkhead bulkhead() {
		return this.bulkhead;
	}

	/** Requests in flight to this upstream now. */
	long inFlight() {
		return this.bulkhead.getBulkheadConfig().getMaxConcurrentCalls()
				- this.bulkhead.getMetrics().getAvailableConcurrentCalls();
	}

	/**
	 * The moving average of the time to first token, {@code 0} before the first sample.
	 */
	long latencyNanos() {
		return this.latencyNanos.get();
	}

	void sampleLatency(Duration sample) {
		long nanos = Math.max(1, sample.toNanos());
		this.latencyNanos
			.updateAndGet(old -> (old == 0) ? nanos : Math.round(EWMA_ALPHA * nanos + (1 - EWMA_ALPHA) * old));
	}

	boolean coolingAt(Instant now) {
		return now.isBefore(this.coolUntil.get());
	}

	Instant coolUntil() {
		return this.coolUntil.get();
	}

	void coolUntil(Instant until) {
		this.coolUntil.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
	}

}
