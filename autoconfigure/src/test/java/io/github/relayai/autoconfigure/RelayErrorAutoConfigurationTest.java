package io.github.relayai.autoconfigure;

import java.util.List;
import java.util.Map;

import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.ProviderError;
import io.github.relayai.error.ProviderErrorAdvisor;
import io.github.relayai.error.ProviderErrorClassifier;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClientBuilderCustomizer;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class RelayErrorAutoConfigurationTest {

	final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RelayErrorAutoConfiguration.class));

	@Test
	void userRulesComeFirstAndLocaleIsApplied() {
		this.runner
			.withPropertyValues("spring.ai.relay.errors.locale=zh-CN",
					"spring.ai.relay.errors.rules[0].message-pattern=(?i)maintenance",
					"spring.ai.relay.errors.rules[0].category=UNAVAILABLE",
					"spring.ai.relay.errors.rules[0].retryable=false")
			.run(context -> {
				ProviderErrorClassifier classifier = context.getBean(ProviderErrorClassifier.class);
				ProviderError error = classifier.classify(400, Map.of(),
						"{\"error\":{\"message\":\"Scheduled maintenance\",\"type\":\"new_api_error\"}}");
				assertThat(error.category()).isEqualTo(ErrorCategory.UNAVAILABLE);
				assertThat(error.retryable()).isFalse();
				ProviderError quota = classifier.classify(429, Map.of(), "{\"error\":{\"message\":\"队列已满\","
						+ "\"type\":\"rate_limit_exceeded\",\"code\":\"QUEUE_FULL\"}}");
				assertThat(quota.hint()).containsPattern("\\p{IsHan}");
			});
	}

	@Test
	void advisorIsRegisteredOnChatClientBuilders() {
		this.runner.run(context -> {
			assertThat(context).hasSingleBean(ProviderErrorAdvisor.class);
			assertThat(context).hasBean("relayErrorAdvisorCustomizer");
			assertThat(context.getBeansOfType(ChatClientBuilderCustomizer.class)).hasSize(1);
		});
	}

	@Test
	void advisorCanBeTurnedOff() {
		this.runner.withPropertyValues("spring.ai.relay.errors.advisor.enabled=false")
			.run(context -> assertThat(context).doesNotHaveBean(ProviderErrorAdvisor.class)
				.hasSingleBean(ProviderErrorClassifier.class));
	}

	@Test
	void ruleWithoutConditionsFailsNamingIt() {
		this.runner.withPropertyValues("spring.ai.relay.errors.rules[0].category=UNAVAILABLE").run(context -> {
			FailureAnalysis analysis = new RelayConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getAction()).contains("message-pattern");
		});
	}

	@Test
	void userClassifierWins() {
		ProviderErrorClassifier mine = ProviderErrorClassifier.builder().rules(List.of()).build();
		this.runner.withBean(ProviderErrorClassifier.class, () -> mine)
			.run(context -> assertThat(context.getBean(ProviderErrorClassifier.class)).isSameAs(mine));
	}

}
