package io.github.relayai.autoconfigure;

import io.github.relayai.routing.EndpointRouter;
import io.github.relayai.chat.RelayChatModel;
import io.github.relayai.exchange.RequestListener;
import io.github.relayai.http.RelayHttpClient;
import io.github.relayai.resilience.ResiliencePolicy;
import io.github.relayai.upstream.UpstreamExchange;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.model.SpringAIModelProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures a Relay {@link RelayChatModel} (and so Spring AI's {@code ChatClient})
 * from {@code spring.ai.relay.chat.*}, over the transport of
 * {@link RelayConnectionAutoConfiguration}, with the {@link ResiliencePolicy} of
 * {@link RelayResilienceAutoConfiguration} or, with several upstreams, the
 * {@link UpstreamExchange} of {@link RelayUpstreamAutoConfiguration}. Active when
 * {@code spring.ai.model.chat} is {@code relay} or unset.
 */
@AutoConfiguration(after = { RelayErrorAutoConfiguration.class, RelayConnectionAutoConfiguration.class,
		RelayResilienceAutoConfiguration.class, RelayUpstreamAutoConfiguration.class })
@EnableConfigurationProperties({ RelayConnectionProperties.class, RelayChatProperties.class })
@ConditionalOnProperty(name = SpringAIModelProperties.CHAT_MODEL, havingValue = RelayChatAutoConfiguration.MODEL_ID,
		matchIfMissing = true)
@ConditionalOnProperty(prefix = RelayChatProperties.PREFIX, name = "enabled", havingValue = "true",
		matchIfMissing = true)
public class RelayChatAutoConfiguration {

	/** The id that selects Relay in {@code spring.ai.model.chat}. */
	public static final String MODEL_ID = "relay";

	@Bean
	@ConditionalOnMissingBean
	EndpointRouter.Builder relayEndpointRouter(RelayChatProperties chat, RelayConnectionProperties connection,
			ObjectProvider<RelayEndpointRouterCustomizer> customizers) {
		EndpointRouter.Builder builder = EndpointRouter.builder()
			.endpointFallback(chat.isEndpointFallback())
			.discovery(chat.isModelDiscovery())
			.pins(connection.endpoints());
		customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
		return builder;
	}

	@Bean
	@ConditionalOnMissingBean
	RelayChatModel relayChatModel(RelayHttpClient httpClient, RelayHttpClients clients, RelayChatProperties chat,
			EndpointRouter.Builder endpointRouter, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ChatModelObservationConvention> observationConvention,
			ObjectProvider<ResiliencePolicy> resilience, ObjectProvider<RequestListener> requestListeners,
			ObjectProvider<UpstreamExchange> upstreams) {
		RelayChatModel.Builder builder = RelayChatModel.builder()
			.httpClient(httpClient)
			.defaultOptions(chat.getOptions().toOptions())
			.imageLimits(clients.imageLimits())
			.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP))
			.observationConvention(observationConvention.getIfAvailable());
		UpstreamExchange upstreamExchange = upstreams.getIfAvailable();
		if (upstreamExchange != null) {
			// retries, fallbacks, the transport switch and the resilience layers act per
			// attempt, inside the upstreams
			builder.upstreams(upstreamExchange);
		}
		else {
			builder.routing(endpointRouter).resilience(resilience.getIfAvailable()).transport(chat.getTransport());
			try {
				builder.fallbackModels(chat.getFallbackModels());
			}
			catch (IllegalArgumentException ex) {
				throw new RelayConfigurationException(RelayChatProperties.PREFIX + ".fallback-models",
						"spring.ai.relay.chat.fallback-models must not contain blank names",
						"Remove the empty entry from spring.ai.relay.chat.fallback-models.", ex);
			}
		}
		requestListeners.orderedStream().forEach(builder::requestListener);
		return builder.build();
	}

}
