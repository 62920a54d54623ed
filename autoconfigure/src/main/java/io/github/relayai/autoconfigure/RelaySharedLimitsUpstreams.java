package io.github.relayai.autoconfigure;

import java.util.Map;

import io.github.relayai.resilience.SharedLimiter;

/**
 * The shared limiter of each upstream with a {@code max-concurrent-calls}, by upstream
 * name, when shared limits are enabled: its permits are held by all instances together.
 *
 * @param limiters the limiters by upstream name
 */
record RelaySharedLimitsUpstreams(Map<String, SharedLimiter> limiters) {

	RelaySharedLimitsUpstreams {
		limiters = Map.copyOf(limiters);
	}

}
