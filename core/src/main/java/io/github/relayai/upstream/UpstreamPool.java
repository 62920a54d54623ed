package io.github.relayai.upstream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.RelayAiException;
import io.github.relayai.resilience.Resilience4jPolicy.CircuitBreakerSettings;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The upstreams of one chat model and their health: a Resilience4j circuit breaker per
 * upstream (opened by {@link CircuitBreakerSettings#FAILURES}), a cooldown after
 * {@link ErrorCategory#AUTHENTICATION} or {@link ErrorCategory#INSUFFICIENT_QUOTA} (which
 * retrying will not heal) or after a {@code Retry-After} on
 * {@link ErrorCategory#RATE_LIMITED}, a Resilience4j bulkhead for
 * {@code max-concurrent-calls}, and the balancing strategy that picks among the upstreams
 * able to take a request.
 * <p>
 * The circuit breakers and bulkheads are named after their upstreams, in registries of
 * their own ({@link #circuitBreakers()}, {@link #bulkheads()}), so that Resilience4j's
 * Micrometer binders tag their metrics with the upstream name.
 */
public final class UpstreamPool {

	/** The default cooldown after an authentication or quota failure. */
	public static final Duration DEFAULT_COOLDOWN = Duration.ofMinutes(5);

	/** The categories that take an upstream out for the cooldown. */
	public static final Set<ErrorCategory> COOLDOWN_CATEGORIES = Set.of(ErrorCategory.AUTHENTICATION,
			ErrorCategory.INSUFFICIENT_QUOTA);

	private final Map<String, Member> members;

	private final List<Member> order;

	private final BalancingStrategy strategy;

	private final Clock clock;

	private final Duration cooldown;

	private final CircuitBreakerRegistry circuitBreakers;

	private final BulkheadRegistry bulkheads;

	private UpstreamPool(Builder builder) {
		if (builder.upstreams.isEmpty()) {
			throw new IllegalArgumentException("An upstream pool needs at least one upstream");
		}
		this.clock = builder.clock;
		this.cooldown = builder.cooldown;
		this.strategy = builder.balancing.strategy(builder.random);
		CircuitBreakerConfig breakerConfig = CircuitBreakerConfig.from(builder.circuitBreaker.toCircuitBreakerConfig())
			.clock(this.clock)
			.build();
		this.circuitBreakers = CircuitBreakerRegistry.of(breakerConfig);
		this.bulkheads = BulkheadRegistry.ofDefaults();
		Map<String, Member> byName = new LinkedHashMap<>();
		for (Upstream upstream : builder.upstreams) {
			int limit = (upstream.maxConcurrentCalls() > 0) ? upstream.maxConcurrentCalls() : Integer.MAX_VALUE;
			BulkheadConfig bulkhead = BulkheadConfig.custom()
				.maxConcurrentCalls(limit)
				.maxWaitDuration(Duration.ZERO)
				.build();
			Member member = new Member(upstream, this.circuitBreakers.circuitBreaker(upstream.name()),
					this.bulkheads.bulkhead(upstream.name(), bulkhead));
			if (byName.put(upstream.name(), member) != null) {
				throw new IllegalArgumentException("Two upstreams are named '" + upstream.name() + "'");
			}
		}
		this.members = Map.copyOf(byName);
		this.order = List.copyOf(byName.values());
	}

	/**
	 * Creates a builder.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The upstreams, in configuration order.
	 * @return the upstreams
	 */
	public List<Upstream> upstreams() {
		return this.order.stream().map(Member::upstream).toList();
	}

	/**
	 * Picks an upstream for a request and takes a permit from its circuit breaker and
	 * concurrency limit; the lease must be ended exactly once.
	 * @param model the requested model
	 * @param excluded names of upstreams not to pick (those this request already tried)
	 * @return the lease, or empty when no enabled, healthy upstream with a free slot
	 * serves the model
	 */
	public Optional<Lease> acquire(String model, Set<String> excluded) {
		Instant now = this.clock.instant();
		List<Member> candidates = new ArrayList<>(this.order.size());
		for (Member member : this.order) {
			Upstream upstream = member.upstream();
			if (upstream.enabled() && upstream.serves(model) && !excluded.contains(upstream.name())
					&& !member.coolingAt(now) && member.bulkhead().getMetrics().getAvailableConcurrentCalls() > 0) {
				candidates.add(member);
			}
		}
		while (!candidates.isEmpty()) {
			Member member = this.strategy.choose(candidates);
			if (member.breaker().tryAcquirePermission()) {
				if (member.bulkhead().tryAcquirePermission()) {
					return Optional.of(new Lease(this, member, model, now));
				}
				member.breaker().releasePermission();
			}
			candidates.remove(member);
		}
		return Optional.empty();
	}

	/**
	 * Whether an upstream takes requests now.
	 * @param name the upstream's name
	 * @return its status
	 * @throws IllegalArgumentException when no upstream has that name
	 */
	public UpstreamStatus status(String name) {
		Member member = this.members.get(name);
		if (member == null) {
			throw new IllegalArgumentException("No upstream is named '" + name + "'");
		}
		if (!member.upstream().enabled()) {
			return UpstreamStatus.DISABLED;
		}
		if (member.coolingAt(this.clock.instant())) {
			return UpstreamStatus.COOLING_DOWN;
		}
		CircuitBreaker.State state = member.breaker().getState();
		return (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN)
				? UpstreamStatus.CIRCUIT_OPEN : UpstreamStatus.UP;
	}

	/**
	 * Until when an upstream cools down.
	 * @param name the upstream's name
	 * @return the end of its cooldown, or empty when it is not cooling down
	 */
	public Optional<Instant> coolingUntil(String name) {
		Member member = this.members.get(name);
		return (member != null && member.coolingAt(this.clock.instant())) ? Optional.of(member.coolUntil())
				: Optional.empty();
	}

	/**
	 * The moving average of an upstream's time to first token.
	 * @param name the upstream's name
	 * @return the average, or empty before its first answer
	 */
	public Optional<Duration> latency(String name) {
		Member member = this.members.get(name);
		return (member != null && member.latencyNanos() > 0) ? Optional.of(Duration.ofNanos(member.latencyNanos()))
				: Optional.empty();
	}

	/**
	 * The per-upstream circuit breakers, each named after its upstream.
	 * @return the registry
	 */
	public CircuitBreakerRegistry circuitBreakers() {
		return this.circuitBreakers;
	}

	/**
	 * The per-upstream concurrency limits, each named after its upstream.
	 * @return the registry
	 */
	public BulkheadRegistry bulkheads() {
		return this.bulkheads;
	}

	Instant now() {
		return this.clock.instant();
	}

	void failed(Member member, Throwable failure, Instant started) {
		Instant now = this.clock.instant();
		member.breaker().onError(Duration.between(started, now).toNanos(), TimeUnit.NANOSECONDS, failure);
		if (failure instanceof RelayAiException relay) {
			ErrorCategory category = relay.error().category();
			if (COOLDOWN_CATEGORIES.contains(category)) {
				member.coolUntil(now.plus(this.cooldown));
			}
			else if (category == ErrorCategory.RATE_LIMITED && relay.error().httpStatus() > 0) {
				relay.error().retryAfter().ifPresent(wait -> member.coolUntil(now.plus(wait)));
			}
		}
	}

	/** Builds an {@link UpstreamPool}. */
	public static final class Builder {

		private final List<Upstream> upstreams = new ArrayList<>();

		private Balancing balancing = Balancing.WEIGHTED;

		private RandomGenerator random = new Random();

		private Clock clock = Clock.systemUTC();

		private Duration cooldown = DEFAULT_COOLDOWN;

		private CircuitBreakerSettings circuitBreaker = CircuitBreakerSettings.DEFAULTS;

		private Builder() {
		}

		/**
		 * Adds upstreams.
		 * @param upstreams the upstreams
		 * @return this builder
		 */
		public Builder upstreams(List<Upstream> upstreams) {
			this.upstreams.addAll(upstreams);
			return this;
		}

		/**
		 * The balancing strategy (default {@link Balancing#WEIGHTED}).
		 * @param balancing the strategy
		 * @return this builder
		 */
		public Builder balancing(Balancing balancing) {
			this.balancing = Objects.requireNonNull(balancing, "balancing must not be null");
			return this;
		}

		/**
		 * The random numbers of the balancing strategies (default a new {@link Random});
		 * tests pass a seeded one. It must be safe to use from several threads.
		 * @param random the generator
		 * @return this builder
		 */
		public Builder random(RandomGenerator random) {
			this.random = Objects.requireNonNull(random, "random must not be null");
			return this;
		}

		/**
		 * The clock of cooldowns, circuit breakers and latencies (default UTC system
		 * clock).
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock must not be null");
			return this;
		}

		/**
		 * How long an upstream is left out after an authentication or quota failure
		 * (default 5 minutes).
		 * @param cooldown the cooldown
		 * @return this builder
		 */
		public Builder cooldown(Duration cooldown) {
			if (cooldown == null || cooldown.isNegative()) {
				throw new IllegalArgumentException("cooldown must not be negative, but was " + cooldown);
			}
			this.cooldown = cooldown;
			return this;
		}

		/**
		 * The thresholds of every upstream's circuit breaker (default
		 * {@link CircuitBreakerSettings#DEFAULTS}); the breakers are on whatever
		 * {@code enabled} says.
		 * @param settings the settings
		 * @return this builder
		 */
		public Builder circuitBreaker(CircuitBreakerSettings settings) {
			this.circuitBreaker = Objects.requireNonNull(settings, "settings must not be null");
			return this;
		}

		/**
		 * Builds the pool.
		 * @return the pool
		 * @throws IllegalArgumentException when there are no upstreams or two share a
		 * name
		 */
		public UpstreamPool build() {
			return new UpstreamPool(this);
		}

	}

	/** Whether an upstream takes requests now, and if not, why. */
	public enum UpstreamStatus {

		/**
		 * It takes requests (its circuit breaker is closed or letting trial requests in).
		 */
		UP,

		/** Its circuit breaker is open after repeated failures. */
		CIRCUIT_OPEN,

		/**
		 * It is cooling down after an authentication or quota failure, or a
		 * {@code Retry-After}.
		 */
		COOLING_DOWN,

		/** It is switched off in the configuration. */
		DISABLED

	}

	/**
	 * One request's hold on an upstream, from {@link UpstreamPool#acquire}: a permit of
	 * its circuit breaker and a slot of its concurrency limit, given back by exactly one
	 * of {@link #succeeded()}, {@link #failed(Throwable)} or {@link #cancelled()} (later
	 * calls do nothing).
	 */
	public static final class Lease {

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
		 * Records the first event of the answer (the whole answer of a call) for the
		 * latency average; later calls do nothing.
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
		 * Ends the lease with a failure, which the circuit breaker and the cooldown
		 * judge.
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

	/**
	 * How a request picks among the healthy upstreams that serve its model
	 * ({@code spring.ai.relay.balancing.strategy}).
	 */
	public enum Balancing {

		/**
		 * A random pick in proportion to {@code weight}, like LiteLLM's simple shuffle
		 * (equal weights spread requests evenly). The default.
		 */
		WEIGHTED,

		/** The upstream with the fewest requests in flight; ties are broken by weight. */
		LEAST_BUSY,

		/**
		 * The upstream with the lowest moving average (EWMA) of time to first token;
		 * upstreams not measured yet go first, ties are broken by weight.
		 */
		LATENCY;

		BalancingStrategy strategy(RandomGenerator random) {
			return switch (this) {
				case WEIGHTED -> candidates -> BalancingStrategy.weighted(candidates, random);
				case LEAST_BUSY -> BalancingStrategy.lowest(Member::inFlight, random);
				case LATENCY -> BalancingStrategy.lowest(Member::latencyNanos, random);
			};
		}

	}

}
