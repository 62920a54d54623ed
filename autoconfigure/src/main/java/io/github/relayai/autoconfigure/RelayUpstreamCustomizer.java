package io.github.relayai.autoconfigure;

import io.github.relayai.upstream.UpstreamExchange;

/**
 * Customizes the {@link UpstreamExchange} that Relay auto-configures when upstreams or
 * fallbacks are set, for example to add a failure listener; every bean of this type is
 * applied, in order.
 */
@FunctionalInterface
public interface RelayUpstreamCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder, with the configured settings applied
	 */
	void customize(UpstreamExchange.Builder builder);

}
