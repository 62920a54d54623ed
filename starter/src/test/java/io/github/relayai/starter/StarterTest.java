package io.github.relayai.starter;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.relayai.chat.RelayChatModel;
import io.github.relayai.error.TransientRelayException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The getting-started promise: one dependency, the YAML from the guide, and Spring AI's
 * {@link ChatClient} calls and streams through the gateway.
 */
@SpringBootTest(properties = "spring.ai.relay.resilience.retry.max-attempts=1") // no
																				// backoff
																				// waits
																				// in
																				// tests
class StarterTest {

	static final WireMockServer gateway = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static {
		gateway.start();
	}

	@DynamicPropertySource
	static void gatewayAddress(DynamicPropertyRegistry registry) {
		registry.add("spring.ai.relay.base-url", () -> gateway.baseUrl() + "/v1/");
	}

	@AfterAll
	static void stop() {
		gateway.stop();
	}

	@Autowired
	ChatClient.Builder chatClientBuilder;

	@Autowired
	RelayChatModel chatModel;

	@Test
	void chatClientCallsAndStreamsThroughTheGateway() {
		gateway.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(notContaining("\"stream\""))
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody("{\"id\":\"a\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o-mini\","
						+ "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hello!\"},"
						+ "\"finish_reason\":\"stop\"}]}")));
		gateway.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(containing("\"stream\":true"))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody("data: {\"id\":\"b\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}\n\n"
						+ ": keep-alive\n\n"
						+ "data: {\"id\":\"b\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo!\"},\"finish_reason\":\"stop\"}]}\n\n"
						+ "data: [DONE]\n\n")));
		ChatClient client = this.chatClientBuilder.build();
		assertThat(client.prompt("Say hello").call().content()).isEqualTo("Hello!");
		List<String> parts = client.prompt("Say hello").stream().content().collectList().block(Duration.ofSeconds(30));
		assertThat(String.join("", parts)).isEqualTo("Hello!");
		gateway.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
			.withHeader("Authorization", equalTo("Bearer sk-starter-test-key"))
			.withRequestBody(equalToJson("{\"model\":\"gpt-4o-mini\",\"temperature\":0.3}", true, true)));
		assertThat(this.chatModel.getOptions().getModel()).isEqualTo("gpt-4o-mini");
	}

	@Test
	void chatClientFailuresAreTyped() {
		gateway.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(containing("queue please"))
			.willReturn(aResponse().withStatus(429)
				.withHeader("Content-Type", "application/json")
				.withBody(
						"{\"error\":{\"message\":\"队列已满\",\"type\":\"rate_limit_exceeded\",\"code\":\"QUEUE_FULL\"}}")));
		ChatClient client = this.chatClientBuilder.build();
		assertThatThrownBy(() -> client.prompt("queue please").call().content())
			.isInstanceOf(TransientRelayException.QueueFull.class);
	}

	@SpringBootApplication
	static class App {

	}

}
