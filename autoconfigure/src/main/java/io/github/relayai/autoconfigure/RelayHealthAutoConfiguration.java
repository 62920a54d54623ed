package io.github.relayai.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.relayai.chat.RelayChatModel;
import io.github.relayai.error.ProviderErrorClassifier;
import io.github.relayai.http.RelayHttpClient;
import io.github.relayai.upstream.Upstream;
import io.github.relayai.upstream.UpstreamPool;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;

/**
 * The {@code relay} {@link RelayHealthIndicator}, when Spring Boot's health module is
 * present and the Relay chat model is configured;
 * {@code management.health.relay.enabled=false} turns it off.
 */
@AutoConfiguration(after = RelayChatAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(RelayChatModel.class)
@ConditionalOnEnabledHealthIndicator("relay")
@EnableConfigurationProperties(RelayHealthProperties.class)
public class RelayHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "relayHealthIndicator")
	RelayHealthIndicator relayHealthIndicator(RelayChatModel chatModel, RelayHealthProperties properties) {
		return indicator(chatModel.httpClient(), chatModel.getOptions().getModel(), properties);
	}

	private static RelayHealthIndicator indicator(RelayHttpClient http, String model,
			RelayHealthProperties properties) {
		try {
			return new RelayHealthIndicator(http, model, properties.getCacheTtl(), properties.getTimeout(),
					new Status(properties.getModelNotListedStatus().toUpperCase(java.util.Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			throw new RelayConfigurationException(RelayHealthProperties.PREFIX, ex.getMessage(),
					"Set spring.ai.relay.health.cache-ttl and spring.ai.relay.health.timeout to positive durations "
							+ "such as 5m and 10s, and spring.ai.relay.health.model-not-listed-status to a status "
							+ "such as UP or DOWN.",
					ex);
		}
	}

	@Bean
	@ConditionalOnBean(UpstreamPool.class)
	@ConditionalOnMissingBean(name = "relayUpstreamsHealthContributor")
	CompositeHealthContributor relayUpstreamsHealthContributor(UpstreamPool pool, RelayChatModel chatModel,
			RelayConnectionProperties connection, ProviderErrorClassifier classifier,
			RelayHealthProperties properties) {
		String model = chatModel.getOptions().getModel();
		Map<String, HealthIndicator> upstreams = new LinkedHashMap<>();
		for (Upstream upstream : pool.upstreams()) {
			RelayHttpClient http = RelayChatAutoConfiguration.createHttpClient(connection, classifier, upstream);
			String served = (model != null && upstream.serves(model)) ? upstream.modelFor(model) : null;
			upstreams.put(upstream.name(),
					new RelayUpstreamHealthIndicator(pool, upstream.name(), indicator(http, served, properties)));
		}
		return CompositeHealthContributor.fromMap(upstreams);
	}

}
