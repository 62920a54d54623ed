package io.github.relayai.resilience;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;
import io.github.relayai.resilience.Resilience4jPolicy.BulkheadSettings;
import io.github.relayai.resilience.Resilience4jPolicy.RateLimiterSettings;

/**
 * The concurrency limit and the rate limit of one upstream/key, shared by every instance
 * of an application through {@link SharedLimits} (Redis). It gives the request chain two
 * layers that take the place of the local bulkhead and rate limiter:
 * <ul>
 * <li>{@link #concurrency}: a request takes one of {@code max-concurrent-calls} permits
 * held in the store, waiting up to {@code max-wait}, then is rejected with a
 * {@link io.github.relayai.error.TransientRelayException.QueueFull}. The permit is given
 * back when the answer completes, fails or is cancelled, and a stream's when it ends; a
 * permit of an instance that dies comes back after the lease. While a request holds its
 * permit, the lease is renewed every third of it, so a long stream keeps its permit; a
 * permit lost all the same (Redis unreachable for a whole lease) is logged and counted
 * ({@link #lostLeases()});</li>
 * <li>{@link #rate}: a request takes one of {@code limit-for-period} permits per
 * {@code refresh-period} held in the store, waiting up to the rate limiter's
 * {@code max-wait}, then is rejected with a
 * {@link io.github.relayai.error.TransientRelayException.RateLimited}.</li>
 * </ul>
 * The local queue in front ({@code max-queue-size}) stays per instance. Every store
 * operation is bounded by its wait plus {@code store-timeout}. When the store fails, the
 * request goes through the local layer it replaces ({@link OnStoreFailure#LOCAL}) or is
 * rejected ({@link OnStoreFailure#REJECT}); after the first failure the store is left
 * alone for {@code retry-interval}, then tried again (see {@link StoreHealth}).
 */
public final class SharedLimiter {

	private static final Logger logger = LoggerFactory.getLogger(SharedLimiter.class);

	/** The wait before a failed release is tried again (doubled for the second try). */
	static final long RELEASE_BACKOFF_MILLIS = 100;

	private final SharedLimits limits;

	private final String concurrencyKey;

	private final String rateKey;

	private final BulkheadSettings bulkhead;

	private final RateLimiterSettings rateLimiter;

	private final Duration lease;

	private final Duration storeTimeout;

	private final Scheduler timer;

	private final OnStoreFailure onFailure;

	private final StoreHealth health;

	private final Rejections rejections;

	private final AtomicInteger inUse = new AtomicInteger();

	private final LongAdder waits = new LongAdder();

	private final LongAdder waitNanos = new LongAdder();

	private final LongAdder rejected = new LongAdder();

	private final LongAdder fallbacks = new LongAdder();

	private final LongAdder lostLeases = new LongAdder();

	private SharedLimiter(Builder builder) {
		this.limits = Objects.requireNonNull(builder.limits, "limits must not be null");
		Objects.requireNonNull(builder.key, "key must not be null");
		this.concurrencyKey = builder.key + ":concurrency";
		this.rateKey = builder.key + ":rate";
		this.bulkhead = builder.bulkhead;
		this.rateLimiter = builder.rateLimiter;
		this.lease = builder.lease;
		this.storeTimeout = builder.storeTimeout;
		this.timer = builder.timer;
		this.onFailure = builder.onFailure;
		this.health = new StoreHealth("relay-shared", builder.retryInterval, builder.onFailure);
		this.rejections = new Rejections(builder.locale);
	}

	/**
	 * Creates a builder.
	 * @param limits the store of the limits
	 * @return a new builder
	 */
	public static Builder builder(SharedLimits limits) {
		return new Builder(limits);
	}

	/**
	 * The shared concurrency limit as a layer of the request chain.
	 * @param <T> the element type
	 * @param local the local concurrency limit it replaces, used while the store is down
	 * with {@link OnStoreFailure#LOCAL}
	 * @return the layer, for a {@link Mono} or a {@link Flux}
	 */
	public <T> UnaryOperator<Publisher<T>> concurrency(UnaryOperator<Publisher<T>> local) {
		return publisher -> shaped(publisher, Flux.defer(() -> {
			Flux<T> request = Flux.from(publisher);
			return Flux
				.usingWhen(acquire(), permit -> request, this::release, (permit, failure) -> release(permit),
						this::release)
				.onErrorResume(StoreFailure.class,
						failure -> fallback(failure, () -> Flux.from(local.apply(publisher))));
		}));
	}

	/**
	 * The shared rate limit as a layer of the request chain; with the rate limiter
	 * disabled, the local layer unchanged.
	 * @param <T> the element type
	 * @param local the local rate limiter it replaces, used while the store is down with
	 * {@link OnStoreFailure#LOCAL}
	 * @return the layer, for a {@link Mono} or a {@link Flux}
	 */
	public <T> UnaryOperator<Publisher<T>> rate(UnaryOperator<Publisher<T>> local) {
		if (!this.rateLimiter.enabled()) {
			return local;
		}
		RateLimiterSettings rate = this.rateLimiter;
		return publisher -> shaped(publisher, Flux.defer(() -> {
			Flux<T> request = Flux.from(publisher);
			return store(
					this.limits.acquireRate(this.rateKey, rate.limitForPeriod(), rate.refreshPeriod(), rate.maxWait()),
					rate.maxWait())
				.flatMapMany(granted -> granted ? request
						: Flux.error(rejected(() -> this.rejections.sharedRateLimited(rate.limitForPeriod(),
								rate.refreshPeriod(), rate.maxWait()))))
				.onErrorResume(StoreFailure.class,
						failure -> fallback(failure, () -> Flux.from(local.apply(publisher))));
		}));
	}

	private static <T> Publisher<T> shaped(Publisher<T> original, Flux<T> limited) {
		return (original instanceof Mono) ? Mono.fromDirect(limited) : limited;
	}

	private Mono<Permit> acquire() {
		return Mono.defer(() -> {
			long start = System.nanoTime();
			Duration maxWait = (this.bulkhead.maxQueueSize() > 0) ? this.bulkhead.maxWait() : Duration.ZERO;
			return store(
					this.limits.acquire(this.concurrencyKey, this.bulkhead.maxConcurrentCalls(), maxWait, this.lease),
					maxWait)
				.switchIfEmpty(reachable().then(Mono.error(() -> rejected(
						() -> this.rejections.sharedQueueTimeout(this.bulkhead.maxConcurrentCalls(), maxWait)))))
				.map(permit -> {
					this.inUse.incrementAndGet();
					this.waits.increment();
					this.waitNanos.add(System.nanoTime() - start);
					return new Permit(permit, renewals(permit));
				});
		});
	}

	/**
	 * Renews the lease of a held permit every third of it until the permit is given back.
	 * A renewal that fails is left to the next one; a permit found gone is logged once.
	 */
	private Disposable renewals(String permit) {
		Duration period = this.lease.dividedBy(3);
		return Flux.interval(period, period, this.timer)
			// a tick while a renewal is still under way is skipped
			.onBackpressureDrop()
			.concatMap(tick -> this.limits.renew(this.concurrencyKey, permit, this.lease)
				.timeout(this.storeTimeout)
				.onErrorResume(failure -> {
					logger.debug("Renewing the lease of a shared permit failed; the next renewal tries again", failure);
					return Mono.empty();
				}))
			.filter(held -> !held)
			.next()
			.subscribe(lost -> {
				this.lostLeases.increment();
				logger.warn(
						"A shared permit of {} ran out of its lease ({}) while its request was still running; "
								+ "the shared limit may be exceeded until the request ends. Raise "
								+ "spring.ai.relay.resilience.shared.lease if Redis is often unreachable that long.",
						this.concurrencyKey, this.lease);
			});
	}

	/**
	 * Completes when the store answers, fails with {@link StoreFailure} when not: a wait
	 * for a permit that Redis dropped during an outage ends without one, and must then
	 * fall back instead of being rejected.
	 */
	private Mono<Void> reachable() {
		return store(this.limits.inUse(this.concurrencyKey), Duration.ZERO).then();
	}

	/**
	 * Gives a permit back without holding up the caller's answer. A release that fails
	 * (such as on a pooled connection that a Redis restart broke) is tried again twice,
	 * after {@value #RELEASE_BACKOFF_MILLIS} ms and about twice that, since a lost
	 * release keeps its permit for the whole lease; after that the lease frees the
	 * permit. Not held back by {@link StoreHealth}: a release skipped while the store
	 * looked down would keep its permit for the whole lease.
	 */
	private Mono<Void> release(Permit permit) {
		permit.renewals().dispose();
		this.inUse.decrementAndGet();
		this.limits.release(this.concurrencyKey, permit.id())
			.timeout(this.storeTimeout)
			.retryWhen(Retry.backoff(2, Duration.ofMillis(RELEASE_BACKOFF_MILLIS)).scheduler(this.timer))
			.subscribe(null, failure -> logger.debug("Releasing a shared permit failed; its lease frees it", failure));
		return Mono.empty();
	}

	/**
	 * A store operation, bounded, whose failures become {@link StoreFailure}. Its outcome
	 * is handed on on Reactor's parallel scheduler: the request must never run on the
	 * store's own I/O threads (Redisson's event loop), where a blocking send would stall
	 * them.
	 */
	private <R> Mono<R> store(Mono<R> operation, Duration wait) {
		return this.health.guard(operation.timeout(wait.plus(this.storeTimeout)))
			.onErrorMap(StoreFailure::new)
			.publishOn(Schedulers.parallel());
	}

	private <T> Flux<T> fallback(StoreFailure failure, Supplier<Flux<T>> local) {
		if (this.onFailure == OnStoreFailure.REJECT) {
			return Flux.error(rejected(() -> this.rejections.sharedUnavailable(failure.getCause())));
		}
		this.fallbacks.increment();
		return Flux.defer(local);
	}

	private <E extends RuntimeException> E rejected(Supplier<E> rejection) {
		this.rejected.increment();
		return rejection.get();
	}

	/**
	 * Permits of the shared concurrency limit held by this instance now.
	 * @return the number of permits
	 */
	public int localInUse() {
		return this.inUse.get();
	}

	/**
	 * Permits of the shared concurrency limit held by all instances now, read from the
	 * store within {@code store-timeout}.
	 * @return the number of permits, or empty if the store did not answer
	 */
	public Mono<Integer> clusterInUse() {
		return this.health.guard(this.limits.inUse(this.concurrencyKey).timeout(this.storeTimeout))
			.onErrorResume(failure -> Mono.empty());
	}

	/**
	 * The cluster-wide concurrency limit.
	 * @return {@code max-concurrent-calls}
	 */
	public int maxConcurrentCalls() {
		return this.bulkhead.maxConcurrentCalls();
	}

	/**
	 * Shared permits taken so far.
	 * @return the number of acquisitions
	 */
	public long waits() {
		return this.waits.sum();
	}

	/**
	 * Time spent waiting for the shared permits taken so far.
	 * @return the total wait in nanoseconds
	 */
	public long waitNanos() {
		return this.waitNanos.sum();
	}

	/**
	 * Requests rejected by a shared limit (no permit in time, or Redis unreachable with
	 * {@link OnStoreFailure#REJECT}).
	 * @return the number of rejections
	 */
	public long rejections() {
		return this.rejected.sum();
	}

	/**
	 * Requests that went through the local limits because the store failed.
	 * @return the number of fallbacks
	 */
	public long fallbacks() {
		return this.fallbacks.sum();
	}

	/**
	 * Permits whose lease ran out while their request was still running (found by a
	 * renewal): the shared limit may have been exceeded meanwhile.
	 * @return the number of lost leases
	 */
	public long lostLeases() {
		return this.lostLeases.sum();
	}

	/**
	 * Failed store operations (Redis errors and timeouts).
	 * @return the number of failures
	 */
	public long storeFailures() {
		return this.health.failures();
	}

	/**
	 * Whether the store answered its last operation: {@code false} during an outage.
	 * @return whether the shared limits apply
	 */
	public boolean storeUp() {
		return this.health.up();
	}

	/** A permit held by a request, and the renewals of its lease. */
	private record Permit(String id, Disposable renewals) {
	}

	/** A failed store operation: the request falls back or is rejected. */
	private static final class StoreFailure extends RuntimeException {

		StoreFailure(Throwable cause) {
			super(cause.getMessage(), cause, false, false);
		}

	}

	/**
	 * Builds a {@link SharedLimiter}.
	 */
	public static final class Builder {

		private final SharedLimits limits;

		private String key;

		private BulkheadSettings bulkhead = BulkheadSettings.DEFAULTS;

		private RateLimiterSettings rateLimiter = RateLimiterSettings.DEFAULTS;

		private Duration lease = Duration.ofMinutes(10);

		private Duration storeTimeout = Duration.ofSeconds(1);

		private Duration retryInterval = Duration.ofSeconds(5);

		private OnStoreFailure onFailure = OnStoreFailure.LOCAL;

		private Scheduler timer = Schedulers.parallel();

		private Locale locale = Locale.getDefault();

		private Builder(SharedLimits limits) {
			this.limits = limits;
		}

		/**
		 * The prefix of the limits' keys in the store, one per upstream/key; required.
		 * @param key the key prefix
		 * @return this builder
		 */
		public Builder key(String key) {
			this.key = key;
			return this;
		}

		/**
		 * The concurrency limit: {@code maxConcurrentCalls} across all instances, each
		 * waiting up to {@code maxWait} (none when {@code maxQueueSize} is 0).
		 * @param settings the settings
		 * @return this builder
		 */
		public Builder bulkhead(BulkheadSettings settings) {
			this.bulkhead = Objects.requireNonNull(settings, "settings must not be null");
			return this;
		}

		/**
		 * The rate limit across all instances; none when the settings are disabled.
		 * @param settings the settings
		 * @return this builder
		 */
		public Builder rateLimiter(RateLimiterSettings settings) {
			this.rateLimiter = Objects.requireNonNull(settings, "settings must not be null");
			return this;
		}

		/**
		 * How long a permit is held without a renewal (default 10 minutes). A request
		 * renews its permit's lease every third of it while it runs; a dead instance's
		 * permits come back after it.
		 * @param lease the lease
		 * @return this builder
		 */
		public Builder lease(Duration lease) {
			this.lease = positive(lease, "lease");
			return this;
		}

		/**
		 * How long a store operation may take beyond its wait (default 1 second).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder storeTimeout(Duration timeout) {
			this.storeTimeout = positive(timeout, "store timeout");
			return this;
		}

		/**
		 * How long after a store failure the store is tried again (default 5 seconds).
		 * @param interval the interval
		 * @return this builder
		 */
		public Builder retryInterval(Duration interval) {
			this.retryInterval = positive(interval, "retry interval");
			return this;
		}

		/**
		 * What requests do while the store is down (default
		 * {@link OnStoreFailure#LOCAL}).
		 * @param onFailure the behaviour
		 * @return this builder
		 */
		public Builder onStoreFailure(OnStoreFailure onFailure) {
			this.onFailure = Objects.requireNonNull(onFailure, "onFailure must not be null");
			return this;
		}

		/**
		 * The scheduler of the lease renewals (default {@link Schedulers#parallel()});
		 * tests pass a virtual-time one.
		 * @param timer the scheduler
		 * @return this builder
		 */
		public Builder timer(Scheduler timer) {
			this.timer = Objects.requireNonNull(timer, "timer must not be null");
			return this;
		}

		/**
		 * The language of the rejections' hints (default the JVM's).
		 * @param locale the locale
		 * @return this builder
		 */
		public Builder locale(Locale locale) {
			this.locale = Objects.requireNonNull(locale, "locale must not be null");
			return this;
		}

		/**
		 * Builds the limiter.
		 * @return the limiter
		 */
		public SharedLimiter build() {
			return new SharedLimiter(this);
		}

		private static Duration positive(Duration duration, String name) {
			if (duration == null || duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException(name + " must be positive, was " + duration);
			}
			return duration;
		}

	}

	/**
	 * What a call does while the store of shared limits (Redis) cannot be reached
	 * ({@code spring.ai.relay.resilience.shared.on-redis-failure}).
	 */
	public enum OnStoreFailure {

		/**
		 * Each instance applies its local limits instead, so the cluster-wide total may
		 * reach the number of instances times the limit until the store is back.
		 */
		LOCAL,

		/**
		 * Calls are rejected with an
		 * {@link io.github.relayai.error.TransientRelayException.Unavailable} until the
		 * store is back.
		 */
		REJECT

	}

}
