package io.github.relayai.autoconfigure;

import io.github.relayai.routing.EndpointRouter;

/**
 * Customizes the auto-configured {@link EndpointRouter.Builder} after the settings from
 * {@code spring.ai.relay.*} are applied, for example to give it a meter registry; applied
 * in {@link org.springframework.core.annotation.Order} order.
 */
@FunctionalInterface
public interface RelayEndpointRouterCustomizer {

	/**
	 * Customizes the router builder.
	 * @param builder the builder, with the settings from {@code spring.ai.relay.*}
	 * applied
	 */
	void customize(EndpointRouter.Builder builder);

}
