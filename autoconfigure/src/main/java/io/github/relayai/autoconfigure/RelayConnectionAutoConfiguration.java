package io.github.relayai.autoconfigure;

import io.github.relayai.error.ProviderErrorClassifier;
import io.github.relayai.http.RelayHttpClient;
import io.github.relayai.upstream.UpstreamPool;
import org.springframework.ai.model.SpringAIModelProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

/**
 * Auto-configures how Relay reaches its gateways from {@code spring.ai.relay.*}: the
 * {@link RelayHttpClient} the chat and image models share (to
 * {@code spring.ai.relay.base-url}, or to the first upstream when only
 * {@code spring.ai.relay.upstreams} are set). Active when the Relay chat model or the
 * Relay image model is; it also fails fast on a renamed property
 * ({@link RelayRenamedProperties}).
 */
@AutoConfiguration(after = RelayErrorAutoConfiguration.class)
@EnableConfigurationProperties(RelayConnectionProperties.class)
@Conditional(RelayConnectionAutoConfiguration.RelayModelConfigured.class)
public class RelayConnectionAutoConfiguration {

	@Bean
	RelayRenamedProperties relayRenamedProperties(Environment environment) {
		return new RelayRenamedProperties(environment);
	}

	@Bean
	@ConditionalOnMissingBean
	RelayHttpClients relayHttpClients(RelayConnectionProperties properties,
			ObjectProvider<ProviderErrorClassifier> classifier) {
		return new RelayHttpClients(properties, classifier.getIfAvailable(ProviderErrorClassifier::new));
	}

	@Bean
	@ConditionalOnMissingBean
	RelayHttpClient relayHttpClient(RelayConnectionProperties properties, RelayHttpClients clients,
			ObjectProvider<UpstreamPool> upstreams) {
		UpstreamPool pool = upstreams.getIfAvailable();
		if (pool != null && (properties.getBaseUrl() == null || properties.getBaseUrl().isBlank())) {
			return clients.upstream(pool.upstreams().get(0));
		}
		return clients.gateway();
	}

	/**
	 * Matches when the Relay chat model or the Relay image model is configured.
	 */
	static class RelayModelConfigured extends AnyNestedCondition {

		RelayModelConfigured() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty(name = SpringAIModelProperties.CHAT_MODEL,
				havingValue = RelayChatAutoConfiguration.MODEL_ID, matchIfMissing = true)
		@ConditionalOnProperty(prefix = RelayChatProperties.PREFIX, name = "enabled", havingValue = "true",
				matchIfMissing = true)
		static class Chat {

		}

		@ConditionalOnProperty(name = SpringAIModelProperties.IMAGE_MODEL,
				havingValue = RelayChatAutoConfiguration.MODEL_ID, matchIfMissing = true)
		@ConditionalOnProperty(prefix = RelayImageProperties.PREFIX + ".options", name = "model")
		static class Image {

		}

	}

}
