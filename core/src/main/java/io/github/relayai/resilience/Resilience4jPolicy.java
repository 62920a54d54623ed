package io.github.relayai.resilience;

import io.github.relayai.error.TransientRelayException;
import io.github.relayai.error.RelayAiException;
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
import io.github.relayai.error.ProviderError;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import io.github.relayai.error.ErrorCategory;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.util.Set;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

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
 * {@link TransientRelayException.QueueFull}, {@link TransientRelayException.Unavailable}
 * and {@link TransientRelayException.RateLimited} whose messages say the limit was local;
 * they are not retried.
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

	private final Rejections rejections;

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
		this.rejections = new Rejections(builder.locale);
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

	/**
	 * How Relay retries a failed request ({@code spring.ai.relay.resilience.retry.*}):
	 * only failures whose {@link io.github.relayai.error.ProviderError#retryable()} is
	 * true, with exponential backoff and random jitter, or after the server-directed
	 * delay when the gateway sends one no longer than {@code maxRetryAfter}.
	 *
	 * @param maxAttempts attempts in all, the first included ({@code 1} disables retries)
	 * @param initialBackoff the wait before the first retry, before jitter
	 * @param multiplier the factor applied to the wait after each retry
	 * @param maxBackoff the longest computed wait
	 * @param maxRetryAfter the longest server-directed wait ({@code retry-after}) Relay
	 * honours; a failure asking for longer is reported at once
	 */
	public record RetrySettings(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff,
			Duration maxRetryAfter) {

		/** The defaults: 3 attempts, 500ms doubling up to 8s, server delays up to 60s. */
		public static final RetrySettings DEFAULTS = new RetrySettings(3, Duration.ofMillis(500), 2.0,
				Duration.ofSeconds(8), Duration.ofSeconds(60));

		/**
		 * The randomization factor of the jitter: each wait is drawn from ±50% of the
		 * computed one.
		 */
		static final double JITTER = 0.5;

		public RetrySettings {
			Settings.atLeast(maxAttempts, 1, "RetrySettings maxAttempts");
			Settings.positive(initialBackoff, "RetrySettings initialBackoff");
			if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
				throw new IllegalArgumentException(
						"RetrySettings multiplier must be at least 1.0, but was " + multiplier);
			}
			Settings.positive(maxBackoff, "RetrySettings maxBackoff");
			Settings.notNegative(maxRetryAfter, "RetrySettings maxRetryAfter");
		}

		/**
		 * The Resilience4j configuration: {@link RetryableFailure} decides what is
		 * retried, and the wait is the server-directed delay when there is one, else
		 * exponential backoff with jitter.
		 * @return the configuration
		 */
		public RetryConfig toRetryConfig() {
			IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(this.initialBackoff, this.multiplier,
					JITTER, this.maxBackoff);
			return RetryConfig.custom()
				.maxAttempts(this.maxAttempts)
				.retryOnException(new RetryableFailure(this.maxRetryAfter))
				.intervalBiFunction(
						(attempt, outcome) -> RetryableFailure.retryAfter(outcome.isLeft() ? outcome.getLeft() : null)
							.map(Duration::toMillis)
							.orElseGet(() -> backoff.apply(attempt)))
				.build();
		}

	}

	/**
	 * Relay's local request queue ({@code spring.ai.relay.resilience.bulkhead.*}): at
	 * most {@code maxConcurrentCalls} requests in flight per Relay client, up to
	 * {@code maxQueueSize} further callers waiting up to {@code maxWait} for a slot, and
	 * any caller beyond that rejected at once with a
	 * {@link TransientRelayException.QueueFull}. A stream holds its slot until it
	 * completes, fails or is cancelled.
	 *
	 * @param maxConcurrentCalls requests in flight at most
	 * @param maxQueueSize callers that may wait for a slot ({@code 0}: reject at once
	 * when all are taken)
	 * @param maxWait how long a queued caller waits for a slot
	 */
	public record BulkheadSettings(int maxConcurrentCalls, int maxQueueSize, Duration maxWait) {

		/** The defaults: 16 in flight, 64 waiting up to 30s. */
		public static final BulkheadSettings DEFAULTS = new BulkheadSettings(16, 64, Duration.ofSeconds(30));

		public BulkheadSettings {
			Settings.atLeast(maxConcurrentCalls, 1, "BulkheadSettings maxConcurrentCalls");
			Settings.atLeast(maxQueueSize, 0, "BulkheadSettings maxQueueSize");
			Settings.notNegative(maxWait, "BulkheadSettings maxWait");
		}

		/**
		 * The Resilience4j configuration of the concurrency limit; the wait is zero when
		 * there is no queue.
		 * @return the configuration
		 */
		public BulkheadConfig toBulkheadConfig() {
			return BulkheadConfig.custom()
				.maxConcurrentCalls(this.maxConcurrentCalls)
				.maxWaitDuration((this.maxQueueSize > 0) ? this.maxWait : Duration.ZERO)
				.build();
		}

	}

	/**
	 * Relay's circuit breaker ({@code spring.ai.relay.resilience.circuit-breaker.*}, off
	 * by default): it opens when the share of {@link ErrorCategory#UNAVAILABLE},
	 * {@link ErrorCategory#SERVER_ERROR} and {@link ErrorCategory#TIMEOUT} failures among
	 * the last {@code slidingWindowSize} requests reaches {@code failureRateThreshold};
	 * while open, requests fail at once with {@link TransientRelayException.Unavailable};
	 * after {@code waitInOpenState} one trial request is let through, whose outcome
	 * closes or reopens it.
	 *
	 * @param enabled whether the circuit breaker is used
	 * @param failureRateThreshold the failure percentage (1 to 100) that opens the
	 * circuit
	 * @param slidingWindowSize the number of recent requests the rate is computed over
	 * @param waitInOpenState how long the circuit stays open before a trial request
	 */
	public record CircuitBreakerSettings(boolean enabled, float failureRateThreshold, int slidingWindowSize,
			Duration waitInOpenState) {

		/** The defaults: off; when enabled, 50% of the last 20 requests, open for 30s. */
		public static final CircuitBreakerSettings DEFAULTS = new CircuitBreakerSettings(false, 50, 20,
				Duration.ofSeconds(30));

		/** The categories the circuit breaker counts as failures. */
		public static final Set<ErrorCategory> FAILURES = Set.of(ErrorCategory.UNAVAILABLE, ErrorCategory.SERVER_ERROR,
				ErrorCategory.TIMEOUT);

		public CircuitBreakerSettings {
			if (!(failureRateThreshold > 0 && failureRateThreshold <= 100)) {
				throw new IllegalArgumentException(
						"CircuitBreakerSettings failureRateThreshold must be above 0 and at most 100, but was "
								+ failureRateThreshold);
			}
			Settings.atLeast(slidingWindowSize, 1, "CircuitBreakerSettings slidingWindowSize");
			Settings.positive(waitInOpenState, "CircuitBreakerSettings waitInOpenState");
		}

		/**
		 * The Resilience4j configuration: a count-based window that records gateway
		 * failures of the {@link #FAILURES} categories, ignores Relay's own rejections
		 * and counts every other outcome as a success.
		 * @return the configuration
		 */
		public CircuitBreakerConfig toCircuitBreakerConfig() {
			return CircuitBreakerConfig.custom()
				.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
				.slidingWindowSize(this.slidingWindowSize)
				.minimumNumberOfCalls(this.slidingWindowSize)
				.failureRateThreshold(this.failureRateThreshold)
				.waitDurationInOpenState(this.waitInOpenState)
				.permittedNumberOfCallsInHalfOpenState(1)
				.recordException(failure -> failure instanceof RelayAiException relay
						&& FAILURES.contains(relay.error().category()))
				.ignoreException(Rejections::isLocal)
				.build();
		}

	}

	/**
	 * Relay's rate limiter ({@code spring.ai.relay.resilience.rate-limiter.*}, off by
	 * default), for gateways with a known request rate: at most {@code limitForPeriod}
	 * requests are sent per {@code refreshPeriod}; a request without a permit waits up to
	 * {@code maxWait}, then fails with {@link TransientRelayException.RateLimited}.
	 *
	 * @param enabled whether the rate limiter is used
	 * @param limitForPeriod requests per period
	 * @param refreshPeriod the period
	 * @param maxWait how long a request waits for a permit
	 */
	public record RateLimiterSettings(boolean enabled, int limitForPeriod, Duration refreshPeriod, Duration maxWait) {

		/** The defaults: off; when enabled, 60 requests a minute, waiting up to 30s. */
		public static final RateLimiterSettings DEFAULTS = new RateLimiterSettings(false, 60, Duration.ofMinutes(1),
				Duration.ofSeconds(30));

		public RateLimiterSettings {
			Settings.atLeast(limitForPeriod, 1, "RateLimiterSettings limitForPeriod");
			Settings.positive(refreshPeriod, "RateLimiterSettings refreshPeriod");
			Settings.notNegative(maxWait, "RateLimiterSettings maxWait");
		}

		/**
		 * The Resilience4j configuration.
		 * @return the configuration
		 */
		public RateLimiterConfig toRateLimiterConfig() {
			return RateLimiterConfig.custom()
				.limitForPeriod(this.limitForPeriod)
				.limitRefreshPeriod(this.refreshPeriod)
				.timeoutDuration(this.maxWait)
				.build();
		}

	}

}
