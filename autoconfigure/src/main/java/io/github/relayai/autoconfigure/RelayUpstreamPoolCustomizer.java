package io.github.relayai.autoconfigure;

import io.github.relayai.upstream.UpstreamPool;

/**
 * Customizes the {@link UpstreamPool} that Relay auto-configures when upstreams or
 * fallbacks are set, for example to give it a seeded random generator or a clock of one's
 * own; every bean of this type is applied, in order, after the configured settings.
 */
@FunctionalInterface
public interface RelayUpstreamPoolCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder, with the configured settings applied
	 */
	void customize(UpstreamPool.Builder builder);

}
