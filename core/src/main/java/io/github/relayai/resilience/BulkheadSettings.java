package io.github.relayai.resilience;

import io.github.relayai.error.QueueFullException;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import java.time.Duration;

/**
 * Relay's local request queue ({@code spring.ai.relay.resilience.bulkhead.*}): at most
 * {@code maxConcurrentCalls} requests in flight per Relay client, up to
 * {@code maxQueueSize} further callers waiting up to {@code maxWait} for a slot, and any
 * caller beyond that rejected at once with a
 * {@link io.github.relayai.error.QueueFullException}. A stream holds its slot until it
 * completes, fails or is cancelled.
 *
 * @param maxConcurrentCalls requests in flight at most
 * @param maxQueueSize callers that may wait for a slot ({@code 0}: reject at once when
 * all are taken)
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
