package io.github.relayai.upstream;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import io.github.relayai.exchange.ChatExchange;
import io.github.relayai.exchange.ChatRequest;
import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.ProviderError;
import io.github.relayai.error.RelayAiException;
import io.github.relayai.resilience.Resilience4jPolicy;
import io.github.relayai.resilience.ResiliencePolicy;
import io.github.relayai.resilience.Resilience4jPolicy.RetrySettings;
import io.github.relayai.resilience.SharedLimiter;
import io.github.resilience4j.retry.Retry;
import org.reactivestreams.Publisher;
import org.springframework.ai.chat.model.ChatResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import io.github.relayai.upstream.AttemptsFailedException.Attempt;
import io.github.relayai.upstream.UpstreamPool.Lease;

/**
 * Sends each attempt of a request to an upstream of an {@link UpstreamPool}:
 * <ol>
 * <li>the pool picks a healthy upstream that serves the model and has a free slot;</li>
 * <li>a retryable failure, or an authentication or quota failure (which cools that
 * upstream down), moves at once to another upstream not tried in this round, so a
 * {@code Retry-After} of one upstream does not stall the others;</li>
 * <li>when every upstream of the round has failed, the retry (Resilience4j, with Relay's
 * {@link io.github.relayai.resilience.RetryableFailure} rule and backoff) waits and
 * starts another round;</li>
 * <li>when the retries of a model are used up or its failure is not retryable, the
 * {@link Fallbacks} rule for the failure's category names the next model;</li>
 * <li>{@link AttemptBudget} bounds the attempts and the total time; a request that failed
 * after more than one attempt ends with an {@link AttemptsFailedException}.</li>
 * </ol>
 * Each attempt waits at most the upstream's {@code first-event-timeout} for its first
 * element (a call: its answer) and, once a stream has begun, at most its
 * {@code read-idle-timeout} between elements. A stream is never retried, failed over or
 * fallen back once its first element has been passed on. An upstream with a
 * {@link SharedLimiter} of its own ({@link Builder#sharedLimiter}) also needs one of its
 * {@code max-concurrent-calls} permits held by all instances together: when another
 * instance holds them all, the attempt moves to another upstream at once, unsent, as for
 * an upstream full locally. Rejections by Relay's own queue, rate limiter or global
 * circuit breaker end the request, as another upstream would meet the same limits. Every
 * answer names its model in {@value ChatExchange#MODEL_KEY} and its upstream in
 * {@value #UPSTREAM_KEY}.
 */
public final class UpstreamExchange implements ChatExchange {

	/** The response metadata key naming the upstream that answered. */
	public static final String UPSTREAM_KEY = ChatExchange.UPSTREAM_KEY;

	private final UpstreamPool pool;

	private final Map<String, ChatExchange> exchanges;

	private final Fallbacks fallbacks;

	private final AttemptBudget budget;

	private final Retry retry;

	private final ResiliencePolicy policy;

	private final Scheduler timer;

	private final UpstreamMessages messages;

	private final Consumer<Attempt> failureListener;

	private final Map<String, SharedLimiter> sharedLimiters;

	private UpstreamExchange(Builder builder) {
		this.pool = Objects.requireNonNull(builder.pool, "pool must not be null");
		Objects.requireNonNull(builder.exchanges, "exchanges must not be null");
		Map<String, ChatExchange> byName = new LinkedHashMap<>();
		this.pool.upstreams().forEach(upstream -> byName.put(upstream.name(), builder.exchanges.apply(upstream)));
		this.exchanges = Map.copyOf(byName);
		this.fallbacks = builder.fallbacks;
		this.budget = builder.budget;
		this.retry = (builder.retry != null) ? builder.retry
				: Retry.of("relay-upstreams", RetrySettings.DEFAULTS.toRetryConfig());
		this.policy = builder.policy;
		this.timer = builder.timer;
		this.messages = new UpstreamMessages(builder.locale);
		this.failureListener = builder.failureListener;
		builder.sharedLimiters.keySet().forEach(name -> {
			if (!byName.containsKey(name)) {
				throw new IllegalArgumentException("A shared limiter names no upstream: '" + name + "'");
			}
		});
		this.sharedLimiters = Map.copyOf(builder.sharedLimiters);
	}

	/**
	 * Creates a builder.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The pool attempts are sent to.
	 * @return the pool
	 */
	public UpstreamPool pool() {
		return this.pool;
	}

	@Override
	public Mono<ChatResponse> call(ChatRequest request) {
		return run(request, (exchange, attempt) -> this.policy.call(exchange.call(attempt)).flux()).next();
	}

	@Override
	public Flux<ChatResponse> stream(ChatRequest request) {
		return run(request, (exchange, attempt) -> this.policy.stream(exchange.stream(attempt)));
	}

	private Flux<ChatResponse> run(ChatRequest request,
			BiFunction<ChatExchange, ChatRequest, Flux<ChatResponse>> send) {
		return Flux
			.defer(() -> attempt(new Run(request, this.budget, this.retry, this.pool.now()), request.model(), send));
	}

	private Flux<ChatResponse> attempt(Run run, String model,
			BiFunction<ChatExchange, ChatRequest, Flux<ChatResponse>> send) {
		return Flux.defer(() -> {
			Optional<Lease> leased = this.pool.acquire(model, run.triedInRound());
			if (leased.isEmpty()) {
				Throwable failure = (run.roundFailure() != null) ? run.roundFailure()
						: this.messages.noUpstream(model, statuses(model));
				return roundOver(run, model, failure, send);
			}
			Lease lease = leased.get();
			String name = lease.upstream().name();
			run.sent(name);
			ChatRequest request = run.request();
			if (!lease.upstreamModel().equals(request.model())) {
				request = request.withOptions(request.options().mutate().model(lease.upstreamModel()).build());
			}
			AtomicBoolean emitted = new AtomicBoolean();
			Instant now = this.pool.now();
			Duration firstEvent = run.remaining(now)
				.filter(left -> left.compareTo(lease.upstream().firstEventTimeout()) < 0)
				.orElse(lease.upstream().firstEventTimeout());
			Duration stall = lease.upstream().stallTimeout();
			AtomicBoolean admitted = new AtomicBoolean();
			Flux<ChatResponse> watched = EventWatch
				.watch(send.apply(this.exchanges.get(name), request), firstEvent, stall, this.timer,
						begun -> begun ? this.messages.stalled(name, model, stall)
								: this.messages.firstEventTimeout(name, model, firstEvent))
				.map(response -> named(response, model, name))
				.doOnNext(response -> {
					if (emitted.compareAndSet(false, true)) {
						lease.firstEvent();
					}
				})
				.doOnSubscribe(subscription -> admitted.set(true));
			return Flux.from(shared(name, watched))
				.doOnComplete(() -> succeeded(lease, run))
				.doOnCancel(() -> cancelled(lease, run, emitted.get()))
				.onErrorResume(failure -> {
					if (!admitted.get()) {
						// refused unsent by the upstream's shared limit: all its permits
						// taken (try another upstream), or Redis down with
						// on-redis-failure=reject (the request ends)
						lease.cancelled();
						return isQueueFull(failure) ? attempt(run, model, send) : Flux.error(failure);
					}
					lease.failed(failure);
					return failed(run, model, name, failure, emitted.get(), send);
				});
		});
	}

	/**
	 * A call is cancelled right after its answer (a success), a stream when the caller
	 * stops (a success once it has emitted).
	 */
	private static void cancelled(Lease lease, Run run, boolean emitted) {
		if (emitted) {
			succeeded(lease, run);
		}
		else {
			lease.cancelled();
		}
	}

	/** The attempt behind the upstream's shared concurrency limit, if it has one. */
	private Publisher<ChatResponse> shared(String upstream, Flux<ChatResponse> attempt) {
		SharedLimiter limiter = this.sharedLimiters.get(upstream);
		// while the store is down, the pool's local limit of the upstream (already taken)
		// is the one that applies
		return (limiter != null) ? limiter.<ChatResponse>concurrency(UnaryOperator.identity()).apply(attempt) : attempt;
	}

	private static boolean isQueueFull(Throwable failure) {
		return failure instanceof RelayAiException relay && relay.error().category() == ErrorCategory.QUEUE_FULL;
	}

	private static void succeeded(Lease lease, Run run) {
		lease.succeeded();
		run.succeeded();
	}

	/** After a failed attempt: another upstream now, or the end of the round. */
	private Flux<ChatResponse> failed(Run run, String model, String upstream, Throwable failure, boolean emitted,
			BiFunction<ChatExchange, ChatRequest, Flux<ChatResponse>> send) {
		this.failureListener.accept(run.failed(upstream, model, failure));
		Instant now = this.pool.now();
		if (emitted || ResiliencePolicy.isLocalRejection(failure) || !(failure instanceof RelayAiException relay)
				|| run.budgetSpent(now)) {
			return Flux.error(giveUp(run, failure));
		}
		if (relay.error().retryable() || UpstreamPool.COOLDOWN_CATEGORIES.contains(relay.error().category())) {
			return attempt(run, model, send);
		}
		return roundOver(run, model, failure, send);
	}

	/** Every upstream of the round failed: retry after a wait, fall back, or give up. */
	private Flux<ChatResponse> roundOver(Run run, String model, Throwable failure,
			BiFunction<ChatExchange, ChatRequest, Flux<ChatResponse>> send) {
		Instant now = this.pool.now();
		if (run.budgetSpent(now)) {
			return Flux.error(giveUp(run, failure));
		}
		run.newRound();
		long wait = run.retryWait(failure, now);
		if (wait >= 0) {
			return Mono.delay(Duration.ofMillis(wait), this.timer).thenMany(attempt(run, model, send));
		}
		ErrorCategory category = (failure instanceof RelayAiException relay) ? relay.error().category()
				: ErrorCategory.UNKNOWN;
		Optional<String> next = this.fallbacks.next(category, run.models());
		if (next.isPresent()) {
			run.fallBackTo(next.get());
			return attempt(run, next.get(), send);
		}
		return Flux.error(giveUp(run, failure));
	}

	private Throwable giveUp(Run run, Throwable last) {
		if (run.deadlinePassed(this.pool.now())) {
			return this.messages.deadline(this.budget.deadline(), run.attempts(),
					(run.first() != null) ? run.first() : last);
		}
		if (run.attempts().size() <= 1 || !(last instanceof RelayAiException relay)) {
			return last;
		}
		ProviderError error = relay.error();
		return this.messages.failed(error, run.attempts(), run.first());
	}

	private String statuses(String model) {
		return this.pool.upstreams()
			.stream()
			.filter(upstream -> upstream.serves(model))
			.map(upstream -> upstream.name() + " " + this.pool.status(upstream.name()))
			.collect(Collectors.joining(", "));
	}

	private static ChatResponse named(ChatResponse response, String model, String upstream) {
		return ChatResponse.builder()
			.from(response)
			.metadata(ChatExchange.MODEL_KEY, model)
			.metadata(UPSTREAM_KEY, upstream)
			.build();
	}

	/** Builds an {@link UpstreamExchange}. */
	public static final class Builder {

		private UpstreamPool pool;

		private Function<Upstream, ChatExchange> exchanges;

		private Fallbacks fallbacks = Fallbacks.NONE;

		private AttemptBudget budget = AttemptBudget.DEFAULTS;

		private Retry retry;

		private ResiliencePolicy policy = ResiliencePolicy.NONE;

		private Scheduler timer = Schedulers.parallel();

		private Locale locale = Locale.getDefault();

		private Consumer<Attempt> failureListener = attempt -> {
		};

		private final Map<String, SharedLimiter> sharedLimiters = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * Adds a listener told about every failed attempt, with its upstream, model and
		 * category, for example to count failures per upstream.
		 * @param listener the listener; it must be quick and must not throw
		 * @return this builder
		 */
		public Builder onFailure(Consumer<Attempt> listener) {
			Objects.requireNonNull(listener, "listener must not be null");
			this.failureListener = this.failureListener.andThen(listener);
			return this;
		}

		/**
		 * Limits the requests in flight to one upstream across every instance of the
		 * application: an attempt takes one of the limiter's permits (without waiting) or
		 * moves on to another upstream.
		 * @param upstream the upstream's name
		 * @param limiter the limiter, keyed for this upstream
		 * @return this builder
		 */
		public Builder sharedLimiter(String upstream, SharedLimiter limiter) {
			this.sharedLimiters.put(Objects.requireNonNull(upstream, "upstream must not be null"),
					Objects.requireNonNull(limiter, "limiter must not be null"));
			return this;
		}

		/**
		 * The upstreams.
		 * @param pool the pool
		 * @return this builder
		 */
		public Builder pool(UpstreamPool pool) {
			this.pool = pool;
			return this;
		}

		/**
		 * The exchange of each upstream, created once per upstream at build time.
		 * @param exchanges creates the exchange that sends to an upstream
		 * @return this builder
		 */
		public Builder exchanges(Function<Upstream, ChatExchange> exchanges) {
			this.exchanges = exchanges;
			return this;
		}

		/**
		 * The fallback chain (default none).
		 * @param fallbacks the rules
		 * @return this builder
		 */
		public Builder fallbacks(Fallbacks fallbacks) {
			this.fallbacks = Objects.requireNonNull(fallbacks, "fallbacks must not be null");
			return this;
		}

		/**
		 * The bound on attempts and time (default {@link AttemptBudget#DEFAULTS}).
		 * @param budget the budget
		 * @return this builder
		 */
		public Builder budget(AttemptBudget budget) {
			this.budget = Objects.requireNonNull(budget, "budget must not be null");
			return this;
		}

		/**
		 * The retry whose rule and backoff decide the rounds over the upstreams (default
		 * from {@link RetrySettings#DEFAULTS}); {@code max-attempts} counts rounds per
		 * model.
		 * @param retry the retry
		 * @return this builder
		 */
		public Builder retry(Retry retry) {
			this.retry = retry;
			return this;
		}

		/**
		 * The policy around each single attempt (default none), such as
		 * {@link io.github.relayai.resilience.Resilience4jPolicy#withoutRetry()}: its
		 * rejections end the request.
		 * @param policy the policy
		 * @return this builder
		 */
		public Builder policy(ResiliencePolicy policy) {
			this.policy = Objects.requireNonNull(policy, "policy must not be null");
			return this;
		}

		/**
		 * The scheduler of backoff waits and timeouts (default
		 * {@link Schedulers#parallel()}).
		 * @param timer the scheduler
		 * @return this builder
		 */
		public Builder timer(Scheduler timer) {
			this.timer = Objects.requireNonNull(timer, "timer must not be null");
			return this;
		}

		/**
		 * The language of hints (default the JVM's).
		 * @param locale the locale
		 * @return this builder
		 */
		public Builder locale(Locale locale) {
			this.locale = Objects.requireNonNull(locale, "locale must not be null");
			return this;
		}

		/**
		 * Builds the exchange.
		 * @return the exchange
		 */
		public UpstreamExchange build() {
			return new UpstreamExchange(this);
		}

	}

	/**
	 * The bound on one request across retries, upstreams and fallback models.
	 *
	 * @param maxAttempts the most requests sent for it
	 * ({@code spring.ai.relay.chat.max-attempts})
	 * @param deadline the longest it may take in total
	 * ({@code spring.ai.relay.chat.deadline}); {@link Duration#ZERO} for none
	 */
	public record AttemptBudget(int maxAttempts, Duration deadline) {

		/** The defaults: 10 attempts and no deadline. */
		public static final AttemptBudget DEFAULTS = new AttemptBudget(10, Duration.ZERO);

		public AttemptBudget {
			if (maxAttempts < 1) {
				throw new IllegalArgumentException("maxAttempts must be at least 1, but was " + maxAttempts);
			}
			if (deadline == null || deadline.isNegative()) {
				throw new IllegalArgumentException("deadline must not be negative (0 for none), but was " + deadline);
			}
		}

		/**
		 * Whether a deadline is set.
		 * @return {@code false} for {@link Duration#ZERO}
		 */
		public boolean hasDeadline() {
			return !this.deadline.isZero();
		}

	}

}
