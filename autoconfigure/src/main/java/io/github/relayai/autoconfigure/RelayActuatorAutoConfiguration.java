package io.github.relayai.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.github.relayai.chat.RelayChatModel;
import io.github.relayai.http.RelayHttpClient;
import io.github.relayai.upstream.Upstream;
import io.github.relayai.upstream.UpstreamPool;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
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
import org.springframework.context.annotation.Configuration;

/**
 * Operating Relay with Actuator: the {@code relay} {@link RelayHealthIndicator} (and one
 * per upstream) when Spring Boot's health module is present and the Relay chat model is
 * configured ({@code management.health.relay.enabled=false} turns it off), and a
 * {@link SanitizingFunction} that masks Relay's secrets in actuator endpoints. Each part
 * is active only when its library is on the class path; Relay's meters are in
 * {@link RelayMetricsAutoConfiguration}.
 */
@AutoConfiguration(after = { RelayConnectionAutoConfiguration.class, RelayUpstreamAutoConfiguration.class,
		RelayChatAutoConfiguration.class })
public class RelayActuatorAutoConfiguration {

	/** The health of the gateway (or of each upstream) behind the chat model. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnBean(RelayChatModel.class)
	@ConditionalOnEnabledHealthIndicator("relay")
	@EnableConfigurationProperties(RelayHealthProperties.class)
	static class Health {

		@Bean
		@ConditionalOnMissingBean(name = "relayHealthIndicator")
		RelayHealthIndicator relayHealthIndicator(RelayChatModel chatModel, RelayHealthProperties properties) {
			return indicator(chatModel.httpClient(), chatModel.getOptions().getModel(), properties);
		}

		@Bean
		@ConditionalOnBean(UpstreamPool.class)
		@ConditionalOnMissingBean(name = "relayUpstreamsHealthContributor")
		CompositeHealthContributor relayUpstreamsHealthContributor(UpstreamPool pool, RelayChatModel chatModel,
				RelayHttpClients clients, RelayHealthProperties properties) {
			String model = chatModel.getOptions().getModel();
			Map<String, HealthIndicator> upstreams = new LinkedHashMap<>();
			for (Upstream upstream : pool.upstreams()) {
				String served = (model != null && upstream.serves(model)) ? upstream.modelFor(model) : null;
				upstreams.put(upstream.name(), new RelayUpstreamHealthIndicator(pool, upstream.name(),
						indicator(clients.upstream(upstream), served, properties)));
			}
			return CompositeHealthContributor.fromMap(upstreams);
		}

		private static RelayHealthIndicator indicator(RelayHttpClient http, String model,
				RelayHealthProperties properties) {
			try {
				return new RelayHealthIndicator(http, model, properties.getCacheTtl(), properties.getTimeout(),
						new Status(properties.getModelNotListedStatus().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				throw new RelayConfigurationException(RelayHealthProperties.PREFIX, ex.getMessage(),
						"Set spring.ai.relay.health.cache-ttl and spring.ai.relay.health.timeout to positive "
								+ "durations such as 5m and 10s, and spring.ai.relay.health.model-not-listed-status "
								+ "to a status such as UP or DOWN.",
						ex);
			}
		}

	}

	/** Masks the API key and credential headers in actuator endpoints. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class Sanitizing {

		@Bean
		@ConditionalOnMissingBean(name = "relaySanitizingFunction")
		SanitizingFunction relaySanitizingFunction() {
			return new RelaySanitizingFunction();
		}

	}

}
