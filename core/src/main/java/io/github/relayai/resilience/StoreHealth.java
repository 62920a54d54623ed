package io.github.relayai.resilience;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import io.github.relayai.resilience.SharedLimiter.OnStoreFailure;

/**
 * Whether the store of shared limits answers, as a Resilience4j circuit breaker around
 * every store operation: the first failure opens it (an outage, logged once at WARN),
 * while it is open operations fail at once with
 * {@link io.github.resilience4j.circuitbreaker.CallNotPermittedException} instead of
 * waiting for a dead store, and after {@code retryInterval} one operation probes the
 * store; its success closes the breaker (logged at INFO).
 */
final class StoreHealth {

	private static final Logger logger = LoggerFactory.getLogger(SharedLimiter.class);

	private final CircuitBreaker breaker;

	private final OnStoreFailure onFailure;

	private final Duration retryInterval;

	private final LongAdder failures = new LongAdder();

	private final AtomicReference<Throwable> lastFailure = new AtomicReference<>();

	StoreHealth(String name, Duration retryInterval, OnStoreFailure onFailure) {
		this.onFailure = onFailure;
		this.retryInterval = retryInterval;
		this.breaker = CircuitBreaker.of(name,
				CircuitBreakerConfig.custom()
					.slidingWindow(1, 1, SlidingWindowType.COUNT_BASED)
					.failureRateThreshold(100)
					.slowCallRateThreshold(100)
					.slowCallDurationThreshold(Duration.ofDays(1))
					.waitDurationInOpenState(retryInterval)
					.permittedNumberOfCallsInHalfOpenState(1)
					.build());
		this.breaker.getEventPublisher().onError(event -> {
			this.failures.increment();
			this.lastFailure.set(event.getThrowable());
		}).onStateTransition(this::transitioned);
	}

	/** The operation, failing at once while the store is known to be down. */
	<T> Mono<T> guard(Mono<T> operation) {
		return operation.transform(CircuitBreakerOperator.of(this.breaker));
	}

	/** Failed store operations so far. */
	long failures() {
		return this.failures.sum();
	}

	/** Whether the store answered its last operation. */
	boolean up() {
		return this.breaker.getState() == CircuitBreaker.State.CLOSED;
	}

	private void transitioned(CircuitBreakerOnStateTransitionEvent event) {
		CircuitBreaker.StateTransition transition = event.getStateTransition();
		if (transition == CircuitBreaker.StateTransition.CLOSED_TO_OPEN) {
			Throwable failure = this.lastFailure.get();
			logger.warn(
					"Redis is unreachable for Relay's shared limits ({}); {} until it answers again, tried every {}",
					(failure != null) ? failure.getClass().getSimpleName() : "unknown failure",
					(this.onFailure == OnStoreFailure.LOCAL) ? "each instance applies its local limits"
							: "calls are rejected",
					this.retryInterval);
		}
		else if (transition == CircuitBreaker.StateTransition.HALF_OPEN_TO_CLOSED) {
			logger.info("Redis answers again: Relay's shared limits apply again");
		}
	}

}
