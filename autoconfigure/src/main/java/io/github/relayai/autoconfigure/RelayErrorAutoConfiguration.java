package io.github.relayai.autoconfigure;

import java.util.Locale;

import io.github.relayai.error.ProviderErrorAdvisor;
import io.github.relayai.error.ProviderErrorClassifier;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientBuilderCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures Relay's error classification: the {@link ProviderErrorClassifier} from
 * {@code spring.ai.relay.errors.*} and, with Spring AI's {@code ChatClient}, the
 * {@link ProviderErrorAdvisor} on every auto-configured {@code ChatClient.Builder} — for
 * any chat model, Spring AI's OpenAI model included.
 */
@AutoConfiguration
@EnableConfigurationProperties(RelayErrorProperties.class)
public class RelayErrorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ProviderErrorClassifier relayProviderErrorClassifier(RelayErrorProperties properties) {
		return ProviderErrorClassifier.builder()
			.locale((properties.getLocale() != null) ? properties.getLocale() : Locale.getDefault())
			.rules(properties.toRules())
			.build();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ChatClient.class)
	@ConditionalOnProperty(prefix = RelayErrorProperties.PREFIX + ".advisor", name = "enabled", havingValue = "true",
			matchIfMissing = true)
	static class AdvisorConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ProviderErrorAdvisor relayProviderErrorAdvisor(ProviderErrorClassifier classifier) {
			return new ProviderErrorAdvisor(classifier);
		}

		@Bean
		@ConditionalOnMissingBean(name = "relayErrorAdvisorCustomizer")
		ChatClientBuilderCustomizer relayErrorAdvisorCustomizer(ProviderErrorAdvisor advisor) {
			return builder -> builder.defaultAdvisors(advisor);
		}

	}

}
