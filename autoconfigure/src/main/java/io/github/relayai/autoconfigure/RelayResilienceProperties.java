package io.github.relayai.autoconfigure;

import java.time.Duration;

import io.github.relayai.resilience.Resilience4jPolicy.BulkheadSettings;
import io.github.relayai.resilience.Resilience4jPolicy.CircuitBreakerSettings;
import io.github.relayai.resilience.Resilience4jPolicy.RateLimiterSettings;
import io.github.relayai.resilience.Resilience4jPolicy.RetrySettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Retries, the local request queue, the circuit breaker and the rate limiter around every
 * request Relay sends. Resilience4j instances named {@code relay} in the application's
 * Resilience4j registries (from {@code resilience4j-spring-boot4}) replace the
 * corresponding settings here.
 */
@ConfigurationProperties(RelayResilienceProperties.PREFIX)
public class RelayResilienceProperties {

	/** The prefix of these properties. */
	public static final String PREFIX = "spring.ai.relay.resilience";

	/**
	 * Whether Relay applies retries, the local queue, the circuit breaker and the rate
	 * limiter; when false every request is sent exactly once.
	 */
	private boolean enabled = true;

	/**
	 * Retries of failures the gateway marks or Relay classifies as retryable.
	 */
	private final Retry retry = new Retry();

	/**
	 * The local request queue: how many requests are in flight and waiting at most.
	 */
	private final Bulkhead bulkhead = new Bulkhead();

	/**
	 * The circuit breaker that fails fast while the gateway keeps failing.
	 */
	private final CircuitBreaker circuitBreaker = new CircuitBreaker();

	/**
	 * The client-side rate limiter, for gateways with a known request rate.
	 */
	private final RateLimiter rateLimiter = new RateLimiter();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Bulkhead getBulkhead() {
		return this.bulkhead;
	}

	public CircuitBreaker getCircuitBreaker() {
		return this.circuitBreaker;
	}

	public RateLimiter getRateLimiter() {
		return this.rateLimiter;
	}

	/**
	 * Retry settings.
	 */
	public static class Retry {

		/**
		 * Attempts in all, the first included; 1 disables retries.
		 */
		private int maxAttempts = 3;

		/**
		 * Wait before the first retry, before random jitter of plus or minus 50%.
		 */
		private Duration initialBackoff = Duration.ofMillis(500);

		/**
		 * Factor applied to the wait after each retry.
		 */
		private double multiplier = 2.0;

		/**
		 * Longest computed wait between attempts.
		 */
		private Duration maxBackoff = Duration.ofSeconds(8);

		/**
		 * Longest server-directed wait (retry-after-ms, retry-after) that is honoured
		 * instead of the computed one; a failure asking for longer is reported at once,
		 * its message saying when to try again.
		 */
		private Duration maxRetryAfter = Duration.ofSeconds(60);

		/**
		 * Converts these properties to settings.
		 * @return the settings
		 */
		public RetrySettings toSettings() {
			return new RetrySettings(this.maxAttempts, this.initialBackoff, this.multiplier, this.maxBackoff,
					this.maxRetryAfter);
		}

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		public void setMaxRetryAfter(Duration maxRetryAfter) {
			this.maxRetryAfter = maxRetryAfter;
		}

	}

	/**
	 * Local request queue settings.
	 */
	public static class Bulkhead {

		/**
		 * Requests in flight at most per Relay client; a stream counts until it
		 * completes, fails or is cancelled.
		 */
		private int maxConcurrentCalls = 16;

		/**
		 * Further callers that may wait for a free slot; beyond that a caller is rejected
		 * at once with a TransientRelayException.QueueFull.
		 */
		private int maxQueueSize = 64;

		/**
		 * How long a waiting caller waits for a free slot.
		 */
		private Duration maxWait = Duration.ofSeconds(30);

		/**
		 * Converts these properties to settings.
		 * @return the settings
		 */
		public BulkheadSettings toSettings() {
			return new BulkheadSettings(this.maxConcurrentCalls, this.maxQueueSize, this.maxWait);
		}

		public int getMaxConcurrentCalls() {
			return this.maxConcurrentCalls;
		}

		public void setMaxConcurrentCalls(int maxConcurrentCalls) {
			this.maxConcurrentCalls = maxConcurrentCalls;
		}

		public int getMaxQueueSize() {
			return this.maxQueueSize;
		}

		public void setMaxQueueSize(int maxQueueSize) {
			this.maxQueueSize = maxQueueSize;
		}

		public Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(Duration maxWait) {
			this.maxWait = maxWait;
		}

	}

	/**
	 * Circuit breaker settings.
	 */
	public static class CircuitBreaker {

		/**
		 * Whether the circuit breaker is used.
		 */
		private boolean enabled = false;

		/**
		 * Percentage of UNAVAILABLE, SERVER_ERROR and TIMEOUT failures in the sliding
		 * window that opens the circuit.
		 */
		private float failureRateThreshold = 50;

		/**
		 * Number of recent requests the failure rate is computed over.
		 */
		private int slidingWindowSize = 20;

		/**
		 * How long the circuit stays open, failing requests at once, before one trial
		 * request is let through.
		 */
		private Duration waitInOpenState = Duration.ofSeconds(30);

		/**
		 * Converts these properties to settings.
		 * @return the settings
		 */
		public CircuitBreakerSettings toSettings() {
			return new CircuitBreakerSettings(this.enabled, this.failureRateThreshold, this.slidingWindowSize,
					this.waitInOpenState);
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public float getFailureRateThreshold() {
			return this.failureRateThreshold;
		}

		public void setFailureRateThreshold(float failureRateThreshold) {
			this.failureRateThreshold = failureRateThreshold;
		}

		public int getSlidingWindowSize() {
			return this.slidingWindowSize;
		}

		public void setSlidingWindowSize(int slidingWindowSize) {
			this.slidingWindowSize = slidingWindowSize;
		}

		public Duration getWaitInOpenState() {
			return this.waitInOpenState;
		}

		public void setWaitInOpenState(Duration waitInOpenState) {
			this.waitInOpenState = waitInOpenState;
		}

	}

	/**
	 * Rate limiter settings.
	 */
	public static class RateLimiter {

		/**
		 * Whether the rate limiter is used.
		 */
		private boolean enabled = false;

		/**
		 * Requests sent at most per refresh period.
		 */
		private int limitForPeriod = 60;

		/**
		 * The period the limit applies to.
		 */
		private Duration refreshPeriod = Duration.ofMinutes(1);

		/**
		 * How long a request waits for a permit before failing with a
		 * TransientRelayException.RateLimited.
		 */
		private Duration maxWait = Duration.ofSeconds(30);

		/**
		 * Converts these properties to settings.
		 * @return the settings
		 */
		public RateLimiterSettings toSettings() {
			return new RateLimiterSettings(this.enabled, this.limitForPeriod, this.refreshPeriod, this.maxWait);
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getLimitForPeriod() {
			return this.limitForPeriod;
		}

		public void setLimitForPeriod(int limitForPeriod) {
			this.limitForPeriod = limitForPeriod;
		}

		public Duration getRefreshPeriod() {
			return this.refreshPeriod;
		}

		public void setRefreshPeriod(Duration refreshPeriod) {
			this.refreshPeriod = refreshPeriod;
		}

		public Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(Duration maxWait) {
			this.maxWait = maxWait;
		}

	}

}
