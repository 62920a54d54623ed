package io.github.relayai.resilience;

import io.github.relayai.error.RateLimitedException;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;

/**
 * Relay's rate limiter ({@code spring.ai.relay.resilience.rate-limiter.*}, off by
 * default), for gateways with a known request rate: at most {@code limitForPeriod}
 * requests are sent per {@code refreshPeriod}; a request without a permit waits up to
 * {@code maxWait}, then fails with {@link io.github.relayai.error.RateLimitedException}.
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
