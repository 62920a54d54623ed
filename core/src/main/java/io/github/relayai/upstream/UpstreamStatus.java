package io.github.relayai.upstream;

/** Whether an upstream takes requests now, and if not, why. */
public enum UpstreamStatus {

	/** It takes requests (its circuit breaker is closed or letting trial requests in). */
	UP,

	/** Its circuit breaker is open after repeated failures. */
	CIRCUIT_OPEN,

	/**
	 * It is cooling down after an authentication or quota failure, or a
	 * {@code Retry-After}.
	 */
	COOLING_DOWN,

	/** It is switched off in the configuration. */
	DISABLED

}
