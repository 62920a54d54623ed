package io.github.relayai.autoconfigure;

import io.github.relayai.exchange.RequestListener;
import io.github.relayai.http.RelayHttpClient;
import io.github.relayai.image.RelayImageModel;
import io.github.relayai.resilience.ResiliencePolicy;
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
 * Auto-configures a {@link RelayImageModel} (a Spring AI {@code ImageModel}) when
 * {@code spring.ai.relay.image.options.model} is set and {@code spring.ai.model.image} is
 * {@code relay} or unset. It uses the transport of
 * {@link RelayConnectionAutoConfiguration}, shared with the chat model, and the chat
 * model's {@link ResiliencePolicy} when there is one.
 */
@AutoConfiguration(after = { RelayErrorAutoConfiguration.class, RelayConnectionAutoConfiguration.class,
		RelayResilienceAutoConfiguration.class })
@EnableConfigurationProperties(RelayImageProperties.class)
@ConditionalOnProperty(name = SpringAIModelProperties.IMAGE_MODEL, havingValue = RelayChatAutoConfiguration.MODEL_ID,
		matchIfMissing = true)
@ConditionalOnProperty(prefix = RelayImageProperties.PREFIX + ".options", name = "model")
public class RelayImageAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RelayImageModel relayImageModel(RelayImageProperties image, RelayHttpClient httpClient, RelayHttpClients clients,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ChatModelObservationConvention> observationConvention,
			ObjectProvider<ResiliencePolicy> resilience, ObjectProvider<RequestListener> requestListeners) {
		RelayImageModel.Builder builder = RelayImageModel.builder()
			.httpClient(httpClient)
			.defaultOptions(image.getOptions().toOptions())
			.imageLimits(clients.imageLimits())
			.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP))
			.observationConvention(observationConvention.getIfAvailable())
			.resilience(resilience.getIfAvailable());
		requestListeners.orderedStream().forEach(builder::requestListener);
		return builder.build();
	}

}
