package io.github.relayai.resilience;

import io.github.relayai.error.ProviderError;
import io.github.relayai.error.RelayAiException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import io.github.relayai.resilience.Resilience4jPolicy.RetrySettings;

/**
 * Relay's retry rule as a Resilience4j exception predicate: a failure is retried when it
 * is a {@link RelayAiException} whose
 * {@link io.github.relayai.error.ProviderError#retryable()} is true (so
 * {@code x-should-retry: false} stops retries), that was not a local rejection (Relay's
 * own queue, circuit breaker or rate limiter), and whose server-directed delay, if any,
 * is at most {@code maxRetryAfter}.
 * <p>
 * Users who configure the {@code relay} retry instance through
 * {@code resilience4j-spring-boot4} can name this class in
 * {@code resilience4j.retry.instances.relay.retry-exception-predicate}.
 */
public final class RetryableFailure implements Predicate<Throwable> {

	private final Duration maxRetryAfter;

	/** Creates the rule with the default {@code max-retry-after} of 60s. */
	public RetryableFailure() {
		this(RetrySettings.DEFAULTS.maxRetryAfter());
	}

	/**
	 * Creates the rule.
	 * @param maxRetryAfter the longest server-directed delay that is waited for
	 */
	public RetryableFailure(Duration maxRetryAfter) {
		this.maxRetryAfter = Objects.requireNonNull(maxRetryAfter, "maxRetryAfter must not be null");
	}

	@Override
	public boolean test(Throwable failure) {
		if (!(failure instanceof RelayAiException relay) || !relay.error().retryable() || Rejections.isLocal(relay)) {
			return false;
		}
		return retryAfter(relay).map(delay -> delay.compareTo(this.maxRetryAfter) <= 0).orElse(true);
	}

	/**
	 * The server-directed delay of a failure.
	 * @param failure the failure, may be {@code null}
	 * @return the delay, if the failure is a {@link RelayAiException} that carries one
	 */
	static Optional<Duration> retryAfter(Throwable failure) {
		return (failure instanceof RelayAiException relay) ? relay.error().retryAfter() : Optional.empty();
	}

}
