package io.github.relayai.autoconfigure;

import org.springframework.ai.model.openai.autoconfigure.OpenAiChatAutoConfiguration;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.relayai.chat.RelayChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

class RelayChatAutoConfigurationTest {

	@RegisterExtension
	static final WireMockExtension gateway = WireMockExtension.newInstance()
		.options(WireMockConfiguration.options().dynamicPort())
		.build();

	final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
			RelayErrorAutoConfiguration.class, RelayConnectionAutoConfiguration.class, RelayChatAutoConfiguration.class,
			ToolCallingAutoConfiguration.class, ChatClientAutoConfiguration.class));

	@Test
	void createsChatModelWhenSelectorUnset() {
		this.runner
			.withPropertyValues("spring.ai.relay.base-url=" + gateway.baseUrl(),
					"spring.ai.relay.chat.options.model=gpt-4o-mini")
			.run(context -> {
				assertThat(context).hasSingleBean(ChatModel.class).hasSingleBean(RelayChatModel.class);
				assertThat(context.getBean(RelayChatModel.class).getOptions().getModel()).isEqualTo("gpt-4o-mini");
				assertThat(context).hasSingleBean(ChatClient.Builder.class);
			});
	}

	@Test
	void streamDeltasAreMergedUnlessTurnedOff() {
		this.runner
			.withPropertyValues("spring.ai.relay.base-url=" + gateway.baseUrl(),
					"spring.ai.relay.chat.options.model=gpt-4o-mini")
			.run(context -> assertThat(context.getBean(RelayChatModel.class).getOptions().getMergeStreamDeltas())
				.isTrue());
		this.runner
			.withPropertyValues("spring.ai.relay.base-url=" + gateway.baseUrl(),
					"spring.ai.relay.chat.options.model=gpt-4o-mini",
					"spring.ai.relay.chat.options.merge-stream-deltas=false")
			.run(context -> assertThat(context.getBean(RelayChatModel.class).getOptions().getMergeStreamDeltas())
				.isFalse());
	}

	@Test
	void createsChatModelWhenRelaySelected() {
		this.runner.withPropertyValues("spring.ai.model.chat=relay", "spring.ai.relay.base-url=" + gateway.baseUrl())
			.run(context -> assertThat(context).hasSingleBean(RelayChatModel.class));
	}

	@Test
	void backsOffForAnotherSelectedModel() {
		this.runner.withPropertyValues("spring.ai.model.chat=openai", "spring.ai.relay.base-url=" + gateway.baseUrl())
			.run(context -> assertThat(context).doesNotHaveBean(RelayChatModel.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("spring.ai.relay.chat.enabled=false")
			.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RelayChatModel.class));
	}

	@Test
	void backsOffForUserChatModel() {
		this.runner.withPropertyValues("spring.ai.relay.base-url=" + gateway.baseUrl())
			.withBean("myModel", RelayChatModel.class,
					() -> RelayChatModel.builder().baseUrl("http://localhost:1").build())
			.run(context -> assertThat(context).getBeanNames(RelayChatModel.class).containsExactly("myModel"));
	}

	@Test
	void onlyRelayWhenSelectedBesideSpringAiOpenAi() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(RelayErrorAutoConfiguration.class, RelayConnectionAutoConfiguration.class,
							RelayChatAutoConfiguration.class, OpenAiChatAutoConfiguration.class,
							ToolCallingAutoConfiguration.class, ChatClientAutoConfiguration.class))
			.withPropertyValues("spring.ai.model.chat=relay", "spring.ai.relay.base-url=" + gateway.baseUrl(),
					"spring.ai.openai.api-key=unused")
			.run(context -> {
				assertThat(context).hasSingleBean(ChatModel.class);
				assertThat(context.getBean(ChatModel.class)).isInstanceOf(RelayChatModel.class);
			});
	}

	@Test
	void missingBaseUrlFailsWithActionableAnalysis() {
		this.runner.run(context -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new RelayConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("spring.ai.relay.base-url is not set");
			assertThat(analysis.getAction()).contains("base-url: https://gateway.example.com/v1");
		});
	}

	@Test
	void baseUrlWithoutSchemeFailsNamingTheProperty() {
		this.runner.withPropertyValues("spring.ai.relay.base-url=gateway.example.com/v1").run(context -> {
			FailureAnalysis analysis = new RelayConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("spring.ai.relay.base-url", "no scheme");
		});
	}

	@Test
	void negativeDurationFailsNamingTheProperty() {
		this.runner
			.withPropertyValues("spring.ai.relay.base-url=" + gateway.baseUrl(),
					"spring.ai.relay.read-idle-timeout=-5s")
			.run(context -> {
				FailureAnalysis analysis = new RelayConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("spring.ai.relay.read-idle-timeout", "positive");
			});
	}

	@Test
	void apiKeyNeverInPropertiesToString() {
		this.runner
			.withPropertyValues("spring.ai.relay.base-url=" + gateway.baseUrl(),
					"spring.ai.relay.api-key=sk-secret-value-123")
			.run(context -> assertThat(context.getBean(RelayConnectionProperties.class).toString())
				.doesNotContain("sk-secret-value-123")
				.contains("******"));
	}

}
