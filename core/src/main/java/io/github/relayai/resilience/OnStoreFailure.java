package io.github.relayai.resilience;

/**
 * What a call does while the store of shared limits (Redis) cannot be reached
 * ({@code spring.ai.relay.resilience.shared.on-redis-failure}).
 */
public enum OnStoreFailure {

	/**
	 * Each instance applies its local limits instead, so the cluster-wide total may reach
	 * the number of instances times the limit until the store is back.
	 */
	LOCAL,

	/**
	 * Calls are rejected with an {@link io.github.relayai.error.UnavailableException}
	 * until the store is back.
	 */
	REJECT

}
