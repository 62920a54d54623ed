package io.github.relayai.sample.report.narrative;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClientCustomizer;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.github.relayai.sample.report.TestData;
import io.github.relayai.sample.report.facts.Facts;
import io.github.relayai.sample.report.facts.FactsPack;
import io.github.relayai.sample.report.i18n.Lang;
import io.github.relayai.sample.report.i18n.Texts;
import tools.jackson.databind.json.JsonMapper;

/**
 * With the model switched on, the narrative goes through the application's
 * auto-configured {@code ChatClient.Builder}: an application's customizer (like Relay's
 * error advisor) sees every call.
 */
@SpringBootTest(properties = { "spring.ai.model.chat=relay", "spring.ai.relay.api-key=test-key",
		"spring.ai.relay.chat.options.model=test-model" })
class ApplicationChatClientTest {

	private static final WireMockServer GATEWAY = started();

	@Autowired
	NarrativeWriter writer;

	@Autowired
	CountingAdvisor advisor;

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		registry.add("spring.ai.relay.base-url", () -> GATEWAY.baseUrl() + "/v1");
	}

	@AfterAll
	static void stop() {
		GATEWAY.stop();
	}

	@Test
	void theModelPathUsesTheAutoConfiguredChatClientBuilder() {
		Facts facts = TestData.facts(TestData.HOSPITAL);
		Texts texts = new Texts(Lang.ZH);
		FactsPack pack = FactsPack.of(facts, texts);
		Narrative grounded = new OfflineNarrativeWriter().write(facts, pack, texts).narrative();
		GATEWAY.stubFor(post(urlEqualTo("/v1/chat/completions"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody(ModelNarrativeWriterTest.completion(JsonMapper.shared().writeValueAsString(grounded)))));

		NarrativeResult result = writer.write(facts, pack, texts);

		assertThat(writer).isInstanceOf(ModelNarrativeWriter.class);
		assertThat(result.source()).isEqualTo(NarrativeResult.Source.MODEL);
		assertThat(advisor.calls.get()).isEqualTo(1);
	}

	private static WireMockServer started() {
		WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
		server.start();
		return server;
	}

	@TestConfiguration
	static class Customizing {

		@Bean
		CountingAdvisor countingAdvisor() {
			return new CountingAdvisor();
		}

		@Bean
		ChatClientCustomizer countingCustomizer(CountingAdvisor advisor) {
			return builder -> builder.defaultAdvisors(advisor);
		}

	}

	/** Counts the calls that pass through the application's ChatClient. */
	static class CountingAdvisor implements CallAdvisor {

		final AtomicInteger calls = new AtomicInteger();

		@Override
		public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
			calls.incrementAndGet();
			return chain.nextCall(request);
		}

		@Override
		public String getName() {
			return "counting";
		}

		@Override
		public int getOrder() {
			return 0;
		}

	}

}
