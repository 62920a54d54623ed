package io.github.relayai.autoconfigure;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.relayai.chat.RelayChatModel;
import io.github.relayai.endpoint.Endpoint;
import io.github.relayai.error.NonTransientRelayException;
import io.github.relayai.routing.EndpointRouter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The routing properties. The error body is rix-api's answer for a non-chat model quoted
 * in GitHub issue 5 (source: lobehub/lobehub#7054).
 */
class RelayRoutingAutoConfigurationTest {

	static final String RIX_NOT_CHAT = "{\"error\":{\"message\":\"This is not a chat model and thus not supported in "
			+ "the v1/chat/completions endpoint. Did you mean to use v1/completions?\",\"type\":\"rix_api_error\","
			+ "\"param\":\"model\",\"code\":null}}";

	static final String COMPLETION = "{\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"model\":\"gpt-5.2-pro\","
			+ "\"choices\":[{\"text\":\"Hi\",\"index\":0,\"finish_reason\":\"stop\"}]}";

	WireMockServer gateway;

	ApplicationContextRunner runner;

	@BeforeEach
	void start() {
		this.gateway = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		this.gateway.start();
		this.gateway.stubFor(post("/v1/chat/completions").willReturn(
				aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(RIX_NOT_CHAT)));
		this.gateway.stubFor(post("/v1/completions").willReturn(okJson(COMPLETION)));
		this.runner = new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(RelayErrorAutoConfiguration.class, RelayConnectionAutoConfiguration.class,
							RelayChatAutoConfiguration.class, RelayMetricsAutoConfiguration.class))
			.withPropertyValues("spring.ai.relay.base-url=" + this.gateway.baseUrl(),
					"spring.ai.relay.chat.options.model=gpt-5.2-pro");
	}

	@AfterEach
	void stop() {
		this.gateway.stop();
	}

	@Test
	void fallsBackByDefaultAndCountsIt() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
			assertThat(context).hasSingleBean(EndpointRouter.Builder.class);
			String text = context.getBean(RelayChatModel.class)
				.call(new Prompt("hi"))
				.getResult()
				.getOutput()
				.getText();
			assertThat(text).isEqualTo("Hi");
			assertThat(context.getBean(RelayChatModel.class).rememberedEndpoint("gpt-5.2-pro"))
				.contains(Endpoint.COMPLETIONS);
			assertThat(context.getBean(MeterRegistry.class)
				.get("relay.endpoint.fallbacks")
				.tag("model", "gpt-5.2-pro")
				.tag("endpoint", "completions")
				.counter()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void disabledFallbackThrows() {
		this.runner.withPropertyValues("spring.ai.relay.chat.endpoint-fallback=false").run(context -> {
			assertThatThrownBy(() -> context.getBean(RelayChatModel.class).call(new Prompt("hi")))
				.isInstanceOf(NonTransientRelayException.NonChatModel.class)
				.hasMessageContaining("spring.ai.relay.chat.endpoint-fallback");
			assertThat(this.gateway.findAll(postRequestedFor(urlEqualTo("/v1/completions")))).isEmpty();
		});
	}

	@Test
	void pinnedModelGoesStraightToItsEndpoint() {
		this.runner.withPropertyValues("spring.ai.relay.models[gpt-5.2-pro].endpoint=completions").run(context -> {
			assertThat(context.getBean(RelayConnectionProperties.class).endpoints()).containsEntry("gpt-5.2-pro",
					Endpoint.COMPLETIONS);
			context.getBean(RelayChatModel.class).call(new Prompt("hi"));
			assertThat(this.gateway.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")))).isEmpty();
			assertThat(this.gateway.findAll(postRequestedFor(urlEqualTo("/v1/completions")))).hasSize(1);
		});
	}

	@Test
	void modelDiscoveryReadsTheModelListUnlessTurnedOff() {
		this.runner.run(context -> {
			context.getBean(RelayChatModel.class).call(new Prompt("hi"));
			assertThat(this.gateway.findAll(getRequestedFor(urlEqualTo("/v1/models")))).isNotEmpty();
		});
		this.gateway.resetRequests();
		this.runner.withPropertyValues("spring.ai.relay.chat.model-discovery=false").run(context -> {
			context.getBean(RelayChatModel.class).call(new Prompt("hi"));
			assertThat(this.gateway.findAll(getRequestedFor(urlEqualTo("/v1/models")))).isEmpty();
			assertThat(this.gateway.findAll(postRequestedFor(urlEqualTo("/v1/completions")))).hasSize(1);
		});
	}

	@Test
	void backsOffForUserRouter() {
		this.runner.withBean("myRouter", EndpointRouter.Builder.class, () -> EndpointRouter.builder().discovery(false))
			.run(context -> assertThat(context).getBeanNames(EndpointRouter.Builder.class).containsExactly("myRouter"));
	}

}
