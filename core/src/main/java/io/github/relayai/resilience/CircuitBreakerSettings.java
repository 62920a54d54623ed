package io.github.relayai.resilience;

import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.RelayAiException;
import io.github.relayai.error.UnavailableException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.Set;

/**
 * Relay's circuit breaker ({@code spring.ai.relay.resilience.circuit-breaker.*}, off by
 * default): it opens when the share of {@link ErrorCategory#UNAVAILABLE},
 * {@link ErrorCategory#SERVER_ERROR} and {@link ErrorCategory#TIMEOUT} failures among the
 * last {@code slidingWindowSize} requests reaches {@code failureRateThreshold}; while
 * open, requests fail at once with {@link io.github.relayai.error.UnavailableException};
 * after {@code waitInOpenState} one trial request is let through, whose outcome closes or
 * reopens it.
 *
 * @param enabled whether the circuit breaker is used
 * @param failureRateThreshold the failure percentage (1 to 100) that opens the circuit
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
	 * The Resilience4j configuration: a count-based window that records gateway failures
	 * of the {@link #FAILURES} categories, ignores Relay's own rejections and counts
	 * every other outcome as a success.
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
			.recordException(
					failure -> failure instanceof RelayAiException relay && FAILURES.contains(relay.error().category()))
			.ignoreException(LocalRejections::isLocal)
			.build();
	}

}
