package io.github.relayai.error;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Locale;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * Users of Spring AI's own {@link OpenAiChatModel} (OpenAI Java SDK) get Relay's
 * classification through the advisor, over real HTTP against WireMock.
 */
class ProviderErrorAdvisorOpenAiTest {

	private static final String QUEUE_FULL = "{\"error\":{\"message\":\"队列已满\",\"type\":\"rate_limit_exceeded\",\"code\":\"QUEUE_FULL\"}}";

	private static final String NON_CHAT = "{\"error\":{\"message\":\"This is not a chat model and thus not supported in the "
			+ "v1/chat/completions endpoint. Did you mean to use v1/completions?\",\"type\":\"rix_api_error\",\"param\":\"model\",\"code\":null}}";

	private static final String REQUEST_ID = "20260104160024698485938Ye5VCZ0P";

	private WireMockServer server;

	private ChatClient client;

	@BeforeEach
	void start() {
		this.server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
		this.server.start();
		OpenAiChatModel model = OpenAiChatModel.builder()
			.options(OpenAiChatOptions.builder()
				.baseUrl(this.server.baseUrl() + "/v1")
				.apiKey("test-key")
				.model("gpt-5.2-pro")
				.maxRetries(0)
				.timeout(Duration.ofSeconds(10))
				.build())
			.build();
		this.client = ChatClient.builder(model)
			.defaultAdvisors(new ProviderErrorAdvisor(new ProviderErrorClassifier(Locale.ENGLISH)))
			.build();
	}

	@AfterEach
	void stop() {
		this.server.stop();
	}

	@Test
	void queueFullOnCall() {
		answer(429, QUEUE_FULL);
		assertThatThrownBy(() -> this.client.prompt("hi").call().content())
			.isInstanceOf(TransientRelayException.QueueFull.class)
			.satisfies(e -> assertThat(((RelayAiException) e).isTransient()).isTrue());
	}

	@Test
	void queueFullOnStream() {
		answer(429, QUEUE_FULL);
		StepVerifier.create(this.client.prompt("hi").stream().content())
			.expectErrorSatisfies(e -> assertThat(e).isInstanceOf(TransientRelayException.QueueFull.class))
			.verify(Duration.ofSeconds(20));
	}

	@Test
	void nonChatModelOnCall() {
		answer(400, NON_CHAT);
		assertThatThrownBy(() -> this.client.prompt("hi").call().content())
			.isInstanceOf(NonTransientRelayException.NonChatModel.class)
			.satisfies(e -> assertNonChat((RelayAiException) e));
	}

	@Test
	void nonChatModelOnStream() {
		answer(400, NON_CHAT);
		StepVerifier.create(this.client.prompt("hi").stream().content())
			.expectErrorSatisfies(e -> assertNonChat((RelayAiException) e))
			.verify(Duration.ofSeconds(20));
	}

	private static void assertNonChat(RelayAiException exception) {
		assertThat(exception).isInstanceOf(NonTransientRelayException.NonChatModel.class);
		assertThat(exception.error().requestId()).isEqualTo(REQUEST_ID);
		assertThat(exception.error().model()).isEqualTo("gpt-5.2-pro");
		assertThat(exception.error().suggestedEndpoint()).contains(ProviderError.COMPLETIONS);
		assertThat(exception.getMessage()).startsWith("Model 'gpt-5.2-pro' is not a chat model")
			.contains("(request id " + REQUEST_ID + ")");
	}

	private void answer(int status, String body) {
		this.server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withHeader("x-rixapi-request-id", REQUEST_ID)
			.withBody(body)));
	}

}
