package io.github.relayai.autoconfigure;

import io.github.relayai.resilience.Resilience4jPolicy;

/**
 * Customizes the auto-configured {@link Resilience4jPolicy} before it is built, for
 * example to add a failure listener; applied in
 * {@link org.springframework.core.annotation.Order} order.
 */
@FunctionalInterface
public interface RelayResilienceCustomizer {

	/**
	 * Customizes the policy.
	 * @param builder the builder, with the settings from
	 * {@code spring.ai.relay.resilience.*} applied
	 */
	void customize(Resilience4jPolicy.Builder builder);

}
