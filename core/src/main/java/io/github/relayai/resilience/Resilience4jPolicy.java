package io.github.relayai.resilience;

import io.github.relayai.error.QueueFullException;
import io.github.relayai.error.RateLimitedException;
import io.github.relayai.error.RelayAiException;
import io.github.relayai.error.UnavailableException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.ratelimiter.operator.RateLimiterOperator;
import io.github.resilience4j.retry.Retry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A {@link ResiliencePolicy} built on Resilience4j: retry with backoff, a bounded local
 * queue (bulkhead), and an optional circuit breaker and rate limiter.
 * <p>
 * From the outside in, each request passes:
 * <ol>
 * <li><b>retry</b>: outermost, so a request waiting to be retried holds no queue slot,
 * and every attempt goes through the circuit breaker and the queue again. Streams are
 * retried only until their first element has been passed on: after that a failure is
 * reported, never retried, so nothing is emitted twice;</li>
 * <li><b>circuit breaker</b>: per attempt, before the queue, so that while it is open a
 * request fails at once instead of waiting for a slot first;</li>
 * <li><b>bulkhead</b>: at most {@code max-concurrent-calls} requests in flight, up to
 * {@code max-queue-size} more waiting up to {@code max-wait}; others are rejected at
 * once. A caller on a thread that may block (a blocking {@code call()}, a servlet thread)
 * waits where it is, with no thread hand-off; on a non-blocking thread (an event loop, a
 * backoff timer) the wait moves to a scheduler dedicated to it. A stream keeps its slot
 * until it completes, fails or is cancelled;</li>
 * <li><b>rate limiter</b>: innermost, so permits are spent when a request is actually
 * sent, not while it waits in the queue.</li>
 * </ol>
 * Rejections by the queue, circuit breaker and rate limiter become
 * {@link io.github.relayai.error.QueueFullException},
 * {@link io.github.relayai.error.UnavailableException} and
 * {@link io.github.relayai.error.RateLimitedException} whose messages say the limit was
 * local; they are not retried.
 */
public final class Resilience4jPolicy implements ResiliencePolicy, AutoCloseable {

	/**
	 * The name of every Resilience4j instance Relay creates, and of the ones it looks up
	 * in registries.
	 */
	public static final String NAME = "relay";

	private final Retry retry;

	private final Bulkhead bulkhead;

	private final Bulkhead queue;

	private final Scheduler queueScheduler;

	private final CircuitBreaker circuitBreaker;

	private final RateLimiter rateLimiter;

	private final Scheduler backoffScheduler;

	private final SharedLimiter sharedLimiter;

	private final LocalRejections rejections;

	private final Consumer<RelayAiException> failureListener;

	private Resilience4jPolicy(Builder builder) {
		this.retry = (builder.retry != null) ? builder.retry : Retry.of(NAME, builder.retrySettings.toRetryConfig());
		this.bulkhead = (builder.bulkhead != null) ? builder.bulkhead
				: Bulkhead.of(NAME, builder.bulkheadSettings.toBulkheadConfig());
		BulkheadConfig limits = this.bulkhead.getBulkheadConfig();
		int maxQueueSize = builder.bulkheadSettings.maxQueueSize();
		this.queue = Bulkhead.of(NAME + "-queue",
				BulkheadConfig.custom()
					.maxConcurrentCalls(limits.getMaxConcurrentCalls() + maxQueueSize)
					.maxWaitDuration(Duration.ZERO)
					.build());
		boolean waits = maxQueueSize > 0 && !limits.getMaxWaitDuration().isZero();
		this.queueScheduler = waits ? Schedulers.newBoundedElastic(limits.getMaxConcurrentCalls() + maxQueueSize,
				Integer.MAX_VALUE, "relay-queue", 60, true) : null;
		this.circuitBreaker = (builder.circuitBreaker != null) ? builder.circuitBreaker
				: builder.circuitBreakerSettings.enabled()
						? CircuitBreaker.of(NAME, builder.circuitBreakerSettings.toCircuitBreakerConfig()) : null;
		this.rateLimiter = (builder.rateLimiter != null) ? builder.rateLimiter : builder.rateLimiterSettings.enabled()
				? RateLimiter.of(NAME, builder.rateLimiterSettings.toRateLimiterConfig()) : null;
		this.backoffScheduler = builder.backoffScheduler;
		this.sharedLimiter = builder.sharedLimiter;
		this.rejections = new LocalRejections(builder.locale);
		this.failureListener = builder.failureListener;
	}

	/**
	 * A policy with the default settings: retries and the local queue on, no circuit
	 * breaker or rate limiter.
	 * @return the policy
	 */
	public static Resilience4jPolicy ofDefaults() {
		return builder().build();
	}

	/**
	 * Creates a builder.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public <T> Mono<T> call(Mono<T> request) {
		return call(request, failure -> false);
	}

	@Override
	public <T> Flux<T> stream(Flux<T> request) {
		return stream(request, failure -> false);
	}

	@Override
	public <T> Mono<T> call(Mono<T> request, Predicate<Throwable> movedOn) {
		Mono<T> attempts = attempt(request);
		return Mono.defer(() -> {
			Budget budget = new Budget(this.retry, movedOn);
			return retried(attempts, budget).doOnSuccess(answer -> budget.context.onComplete());
		});
	}

	@Override
	public <T> Flux<T> stream(Flux<T> request, Predicate<Throwable> movedOn) {
		Flux<T> attempts = attempt(request);
		return Flux.defer(() -> {
			Budget budget = new Budget(this.retry, movedOn);
			AtomicBoolean emitted = new AtomicBoolean();
			return retried(attempts.doOnNext(element -> {
				if (!emitted.get()) {
					emitted.set(true);
				}
			}), budget, emitted).doOnComplete(budget.context::onComplete);
		});
	}

	/**
	 * Ends the threads of the local queue ({@code relay-queue}); a request that would
	 * wait in the queue afterwards is rejected. Spring calls it when the application
	 * context closes.
	 */
	@Override
	public void close() {
		if (this.queueScheduler != null) {
			this.queueScheduler.dispose();
		}
	}

	/**
	 * This policy without its retry: the circuit breaker, queue and rate limiter of one
	 * attempt, for a caller that decides about further attempts itself (such as
	 * {@code UpstreamExchange}, which fails over to other upstreams before it waits to
	 * retry).
	 * @return the policy of single attempts
	 */
	public ResiliencePolicy withoutRetry() {
		return new ResiliencePolicy() {

			@Override
			public <T> Mono<T> call(Mono<T> request) {
				return attempt(request);
			}

			@Override
			public <T> Flux<T> stream(Flux<T> request) {
				return attempt(request);
			}

		};
	}

	/** One attempt through every layer. */
	@SuppressWarnings("unchecked")
	private <T, P extends Publisher<T>> P attempt(P request) {
		Publisher<T> attempt = request;
		for (UnaryOperator<Publisher<T>> layer : this.<T>layers()) {
			attempt = layer.apply(attempt);
		}
		return (P) attempt;
	}

	/**
	 * The retry loop of one call, as Resilience4j's {@code RetryOperator} runs it, but
	 * timing the waits on the configured scheduler. A plain {@code onErrorResume} per
	 * attempt: an answer that succeeds pays for nothing else.
	 */
	private <T> Mono<T> retried(Mono<T> attempt, Budget budget) {
		return attempt
			.onErrorResume(failure -> backoff(failure, budget, false).then(Mono.defer(() -> retried(attempt, budget))));
	}

	/** The retry loop of one stream, which gives up once an element was emitted. */
	private <T> Flux<T> retried(Flux<T> attempt, Budget budget, AtomicBoolean emitted) {
		return attempt.onErrorResume(failure -> backoff(failure, budget, emitted.get())
			.thenMany(Flux.defer(() -> retried(attempt, budget, emitted))));
	}

	/** The wait before the next attempt, or the failure when there is none. */
	private Mono<Long> backoff(Throwable failure, Budget budget, boolean emitted) {
		if (emitted || failure instanceof Error) {
			return Mono.error(failure);
		}
		long waitMillis = budget.next(failure);
		if (waitMillis < 0) {
			return Mono.error(failure);
		}
		return (waitMillis == 0) ? Mono.just(0L) : Mono.delay(Duration.ofMillis(waitMillis), this.backoffScheduler);
	}

	/**
	 * The attempts of one request: at most {@code maxAttempts} of them, whether the next
	 * one retries the same request or moved on to another.
	 */
	private static final class Budget {

		private final Retry.AsyncContext<?> context;

		private final Predicate<Throwable> movedOn;

		private final int maxAttempts;

		private int sent;

		Budget(Retry retry, Predicate<Throwable> movedOn) {
			this.context = retry.asyncContext();
			this.movedOn = movedOn;
			this.maxAttempts = retry.getRetryConfig().getMaxAttempts();
		}

		/**
		 * The wait before the next attempt: none when the failed one moved on, the
		 * retry's backoff otherwise; -1 when there is no next attempt.
		 */
		long next(Throwable failure) {
			this.sent++;
			boolean moved = this.movedOn.test(failure);
			long waitMillis = this.context.onError(failure);
			if (this.sent >= this.maxAttempts) {
				return -1;
			}
			return moved ? 0 : waitMillis;
		}

	}

	/**
	 * The layers of one attempt, innermost first: rate limiter, concurrency limit, queue,
	 * circuit breaker, each followed by the translation of its rejection.
	 */
	private <T> List<UnaryOperator<Publisher<T>>> layers() {
		List<UnaryOperator<Publisher<T>>> rate = new ArrayList<>(2);
		if (this.rateLimiter != null) {
			rate.add(RateLimiterOperator.of(this.rateLimiter));
			rate.add(mapError(RequestNotPermitted.class, this::rateLimited));
		}
		List<UnaryOperator<Publisher<T>>> concurrency = new ArrayList<>(3);
		concurrency.add(BulkheadOperator.of(this.bulkhead));
		concurrency.add(mapError(BulkheadFullException.class, this::queueTimeout));
		if (this.queueScheduler != null) {
			// Waiting for a slot blocks the subscribing thread. Callers on threads that
			// may block (a
			// blocking call(), a servlet thread) wait where they are, with no thread
			// hand-off; on a
			// non-blocking thread (an event loop, a backoff timer) the wait moves to
			// relay-queue threads.
			concurrency.add(shape(
					mono -> Mono
						.defer(() -> Schedulers.isInNonBlockingThread() ? mono.subscribeOn(this.queueScheduler) : mono),
					flux -> Flux.defer(() -> Schedulers.isInNonBlockingThread()
							? flux.subscribeOn(this.queueScheduler, false) : flux)));
		}
		List<UnaryOperator<Publisher<T>>> layers = new ArrayList<>(9);
		if (this.sharedLimiter != null) {
			// limits shared by all instances take the place of the local ones, which
			// apply while Redis is down
			layers.add(this.sharedLimiter.rate(composed(rate)));
			layers.add(this.sharedLimiter.concurrency(composed(concurrency)));
		}
		else {
			layers.addAll(rate);
			layers.addAll(concurrency);
		}
		layers.add(BulkheadOperator.of(this.queue));
		layers.add(mapError(BulkheadFullException.class, this::queueFull));
		if (this.circuitBreaker != null) {
			layers.add(CircuitBreakerOperator.of(this.circuitBreaker));
			layers.add(mapError(CallNotPermittedException.class, this::circuitOpen));
		}
		layers.add(shape(mono -> mono.doOnError(RelayAiException.class, this.failureListener),
				flux -> flux.doOnError(RelayAiException.class, this.failureListener)));
		return layers;
	}

	private static <T> UnaryOperator<Publisher<T>> composed(List<UnaryOperator<Publisher<T>>> layers) {
		return publisher -> {
			Publisher<T> decorated = publisher;
			for (UnaryOperator<Publisher<T>> layer : layers) {
				decorated = layer.apply(decorated);
			}
			return decorated;
		};
	}

	private static <T, E extends Throwable> UnaryOperator<Publisher<T>> mapError(Class<E> type,
			Function<E, RelayAiException> mapper) {
		return shape(mono -> mono.onErrorMap(type, mapper), flux -> flux.onErrorMap(type, mapper));
	}

	/** A layer given as its Mono and Flux forms, like Resilience4j's own operators. */
	@SuppressWarnings("unchecked")
	private static <T> UnaryOperator<Publisher<T>> shape(UnaryOperator<Mono<T>> mono, UnaryOperator<Flux<T>> flux) {
		return publisher -> (publisher instanceof Mono) ? mono.apply((Mono<T>) publisher)
				: flux.apply((Flux<T>) publisher);
	}

	private RelayAiException rateLimited(RequestNotPermitted rejection) {
		var config = this.rateLimiter.getRateLimiterConfig();
		return this.rejections.rateLimited(rejection, config.getLimitForPeriod(), config.getLimitRefreshPeriod(),
				config.getTimeoutDuration());
	}

	private RelayAiException queueTimeout(BulkheadFullException rejection) {
		BulkheadConfig config = this.bulkhead.getBulkheadConfig();
		return this.rejections.queueTimeout(rejection, config.getMaxConcurrentCalls(), config.getMaxWaitDuration());
	}

	private RelayAiException queueFull(BulkheadFullException rejection) {
		int maxConcurrentCalls = this.bulkhead.getBulkheadConfig().getMaxConcurrentCalls();
		return this.rejections.queueFull(rejection, maxConcurrentCalls,
				this.queue.getBulkheadConfig().getMaxConcurrentCalls() - maxConcurrentCalls);
	}

	private RelayAiException circuitOpen(CallNotPermittedException rejection) {
		long openMillis = this.circuitBreaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1);
		return this.rejections.circuitOpen(rejection, Duration.ofMillis(openMillis));
	}

	/**
	 * The retry.
	 * @return the Resilience4j retry
	 */
	public Retry retry() {
		return this.retry;
	}

	/**
	 * The concurrency limit.
	 * @return the Resilience4j bulkhead
	 */
	public Bulkhead bulkhead() {
		return this.bulkhead;
	}

	/**
	 * The admission limit in front of {@link #bulkhead()}: it holds a permit for every
	 * request in flight or waiting for a slot, so
	 * {@code queue in flight - bulkhead in flight} is the number of waiting callers.
	 * @return the Resilience4j bulkhead named {@code relay-queue}
	 */
	public Bulkhead queue() {
		return this.queue;
	}

	/**
	 * The circuit breaker, if enabled.
	 * @return the Resilience4j circuit breaker, or {@code null}
	 */
	public CircuitBreaker circuitBreaker() {
		return this.circuitBreaker;
	}

	/**
	 * The rate limiter, if enabled.
	 * @return the Resilience4j rate limiter, or {@code null}
	 */
	public RateLimiter rateLimiter() {
		return this.rateLimiter;
	}

	/**
	 * The limits shared by all instances, if configured.
	 * @return the shared limiter, or {@code null}
	 */
	public SharedLimiter sharedLimiter() {
		return this.sharedLimiter;
	}

	/**
	 * Builds a {@link Resilience4jPolicy} from Relay's settings, from ready Resilience4j
	 * instances, or both (an instance wins over the settings of its kind).
	 */
	public static final class Builder {

		private RetrySettings retrySettings = RetrySettings.DEFAULTS;

		private BulkheadSettings bulkheadSettings = BulkheadSettings.DEFAULTS;

		private CircuitBreakerSettings circuitBreakerSettings = CircuitBreakerSettings.DEFAULTS;

		private RateLimiterSettings rateLimiterSettings = RateLimiterSettings.DEFAULTS;

		private Retry retry;

		private Bulkhead bulkhead;

		private CircuitBreaker circuitBreaker;

		private RateLimiter rateLimiter;

		private Scheduler backoffScheduler = Schedulers.parallel();

		private SharedLimiter sharedLimiter;

		private Locale locale = Locale.getDefault();

		private Consumer<RelayAiException> failureListener = failure -> {
		};

		private Builder() {
		}

		/**
		 * The retry settings (default {@link RetrySettings#DEFAULTS}).
		 * @param settings the settings
		 * @return this builder
		 */
		public Builder retry(RetrySettings settings) {
			this.retrySettings = Objects.requireNonNull(settings, "settings must not be null");
			return this;
		}

		/**
		 * A ready retry, used instead of the retry settings. Its exception predicate
		 * decides what is retried ({@link RetryableFailure} is Relay's rule) and its
		 * interval function how long to wait.
		 * @param retry the retry
		 * @return this builder
		 */
		public Builder retry(Retry retry) {
			this.retry = retry;
			return this;
		}

		/**
		 * The queue settings (default {@link BulkheadSettings#DEFAULTS}); with a ready
		 * bulkhead, only {@link BulkheadSettings#maxQueueSize()} is used.
		 * @param settings the settings
		 * @return this builder
		 */
		public Builder bulkhead(BulkheadSettings settings) {
			this.bulkheadSettings = Objects.requireNonNull(settings, "settings must not be null");
			return this;
		}

		/**
		 * A ready bulkhead: its {@code maxConcurrentCalls} and {@code maxWaitDuration}
		 * replace {@code max-concurrent-calls} and {@code max-wait}.
		 * @param bulkhead the bulkhead
		 * @return this builder
		 */
		public Builder bulkhead(Bulkhead bulkhead) {
			this.bulkhead = bulkhead;
			return this;
		}

		/**
		 * The circuit-breaker settings (default off).
		 * @param settings the settings
		 * @return this builder
		 */
		public Builder circuitBreaker(CircuitBreakerSettings settings) {
			this.circuitBreakerSettings = Objects.requireNonNull(settings, "settings must not be null");
			return this;
		}

		/**
		 * A ready circuit breaker, used whatever the settings say.
		 * @param circuitBreaker the circuit breaker
		 * @return this builder
		 */
		public Builder circuitBreaker(CircuitBreaker circuitBreaker) {
			this.circuitBreaker = circuitBreaker;
			return this;
		}

		/**
		 * The rate-limiter settings (default off).
		 * @param settings the settings
		 * @return this builder
		 */
		public Builder rateLimiter(RateLimiterSettings settings) {
			this.rateLimiterSettings = Objects.requireNonNull(settings, "settings must not be null");
			return this;
		}

		/**
		 * A ready rate limiter, used whatever the settings say.
		 * @param rateLimiter the rate limiter
		 * @return this builder
		 */
		public Builder rateLimiter(RateLimiter rateLimiter) {
			this.rateLimiter = rateLimiter;
			return this;
		}

		/**
		 * The scheduler that times the waits between attempts (default
		 * {@link Schedulers#parallel()}); tests pass a virtual-time one.
		 * @param scheduler the scheduler
		 * @return this builder
		 */
		public Builder backoffScheduler(Scheduler scheduler) {
			this.backoffScheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
			return this;
		}

		/**
		 * Limits shared by all instances of the application (in Redis): they take the
		 * place of the concurrency limit and the rate limiter, which apply only while the
		 * shared store is down; the local queue ({@code max-queue-size}) stays.
		 * @param sharedLimiter the shared limiter
		 * @return this builder
		 */
		public Builder sharedLimiter(SharedLimiter sharedLimiter) {
			this.sharedLimiter = sharedLimiter;
			return this;
		}

		/**
		 * The language of the hints of local rejections (default the JVM's; {@code zh*}
		 * for Simplified Chinese).
		 * @param locale the locale
		 * @return this builder
		 */
		public Builder locale(Locale locale) {
			this.locale = Objects.requireNonNull(locale, "locale must not be null");
			return this;
		}

		/**
		 * Adds a listener called with every failed attempt, local rejections included,
		 * for example to count failures by category.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder onFailure(Consumer<RelayAiException> listener) {
			Objects.requireNonNull(listener, "listener must not be null");
			this.failureListener = this.failureListener.andThen(listener);
			return this;
		}

		/**
		 * Builds the policy.
		 * @return the policy
		 */
		public Resilience4jPolicy build() {
			return new Resilience4jPolicy(this);
		}

	}

}
