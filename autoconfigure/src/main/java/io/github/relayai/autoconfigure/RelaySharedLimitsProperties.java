package io.github.relayai.autoconfigure;

import java.time.Duration;

import io.github.relayai.resilience.SharedLimiter.OnStoreFailure;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits shared by every instance of the application, held in Redis (opt-in). When
 * enabled and a Redis connection is configured ({@code spring.data.redis.*}),
 * {@code resilience.bulkhead.max-concurrent-calls} and the rate limiter's settings are
 * totals across all instances; {@code max-queue-size} and {@code max-wait} stay per
 * instance.
 */
@ConfigurationProperties(RelaySharedLimitsProperties.PREFIX)
public class RelaySharedLimitsProperties {

	/** The prefix of these properties. */
	public static final String PREFIX = "spring.ai.relay.resilience.shared";

	/**
	 * Whether the concurrency limit and the rate limit are shared by all instances
	 * through Redis (needs org.redisson:redisson and spring.data.redis.*).
	 */
	private boolean enabled = false;

	/**
	 * What calls do while Redis cannot be reached: local (each instance applies its own
	 * limits) or reject (calls fail with UNAVAILABLE).
	 */
	private OnStoreFailure onRedisFailure = OnStoreFailure.LOCAL;

	/**
	 * How long a permit is held without a renewal; calls renew it every third of it while
	 * they run, and the permits of an instance that dies mid-call come back after it.
	 * Default: spring.ai.relay.chat.deadline plus 1 minute, or 10 minutes without a
	 * deadline.
	 */
	private Duration lease;

	/**
	 * How long one Redis operation may take beyond its wait before the call falls back
	 * (or is rejected).
	 */
	private Duration redisTimeout = Duration.ofSeconds(1);

	/**
	 * How long after a Redis failure Redis is tried again; until then calls skip it.
	 */
	private Duration retryInterval = Duration.ofSeconds(5);

	/**
	 * The prefix of the limits' keys in Redis; a hash of the base URL and API key follows
	 * it (per upstream: "upstream:", its name and that hash), so instances calling the
	 * same upstream with the same key share limits.
	 */
	private String keyPrefix = "relay:limits";

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public OnStoreFailure getOnRedisFailure() {
		return this.onRedisFailure;
	}

	public void setOnRedisFailure(OnStoreFailure onRedisFailure) {
		this.onRedisFailure = onRedisFailure;
	}

	public Duration getLease() {
		return this.lease;
	}

	public void setLease(Duration lease) {
		this.lease = lease;
	}

	public Duration getRedisTimeout() {
		return this.redisTimeout;
	}

	public void setRedisTimeout(Duration redisTimeout) {
		this.redisTimeout = redisTimeout;
	}

	public Duration getRetryInterval() {
		return this.retryInterval;
	}

	public void setRetryInterval(Duration retryInterval) {
		this.retryInterval = retryInterval;
	}

	public String getKeyPrefix() {
		return this.keyPrefix;
	}

	public void setKeyPrefix(String keyPrefix) {
		this.keyPrefix = keyPrefix;
	}

}
