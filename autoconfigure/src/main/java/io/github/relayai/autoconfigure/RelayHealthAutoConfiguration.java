package io.github.relayai.autoconfigure;

import io.github.relayai.chat.RelayChatModel;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
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
		try {
			return new RelayHealthIndicator(chatModel.httpClient(), chatModel.getOptions().getModel(),
					properties.getCacheTtl(), properties.getTimeout(),
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

}
