package io.github.relayai.resilience;

import io.github.relayai.error.ProviderError;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;

/**
 * How Relay retries a failed request ({@code spring.ai.relay.resilience.retry.*}): only
 * failures whose {@link io.github.relayai.error.ProviderError#retryable()} is true, with
 * exponential backoff and random jitter, or after the server-directed delay when the
 * gateway sends one no longer than {@code maxRetryAfter}.
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
			throw new IllegalArgumentException("RetrySettings multiplier must be at least 1.0, but was " + multiplier);
		}
		Settings.positive(maxBackoff, "RetrySettings maxBackoff");
		Settings.notNegative(maxRetryAfter, "RetrySettings maxRetryAfter");
	}

	/**
	 * The Resilience4j configuration: {@link RetryableFailure} decides what is retried,
	 * and the wait is the server-directed delay when there is one, else exponential
	 * backoff with jitter.
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
