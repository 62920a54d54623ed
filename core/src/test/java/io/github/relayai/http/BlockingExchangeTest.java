package io.github.relayai.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.RelayAiException;
import io.github.relayai.testsupport.Fixtures;
import io.github.relayai.testsupport.Gateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A whole answer requested from a thread that may block waits on that thread; the
 * read-idle timeout bounds the wait for the headers by interrupting it, and that
 * interrupt must never reach the caller.
 */
class BlockingExchangeTest {

	@RegisterExtension
	static final Gateway gateway = new Gateway();

	private static final String PATH = "/v1/chat/completions";

	private static final byte[] BODY = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
		.getBytes(StandardCharsets.UTF_8);

	private final RelayHttpClient http = RelayHttpClient.builder()
		.baseUrl(gateway.baseUrl())
		.apiKey("sk-test")
		.readIdleTimeout(Duration.ofSeconds(2))
		.build();

	@Test
	void headersLaterThanTheIdleTimeoutFailTypedAndLeaveTheThreadUninterrupted() {
		gateway.stub(post(urlPathEqualTo(PATH)),
				aResponse().withStatus(200)
					.withHeader("Content-Type", "application/json")
					.withBody(Fixtures.response("openai-text-usage-details.json"))
					.withFixedDelay(20_000));

		Throwable failure = catchThrowable(
				() -> this.http.postJson(PATH, BODY, Map.of(), "m").block(Duration.ofSeconds(30)));

		assertThat(failure).isInstanceOf(RelayAiException.class).hasMessageContaining("read-idle-timeout");
		assertThat(((RelayAiException) failure).error().category()).isEqualTo(ErrorCategory.TIMEOUT);
		assertThat(Thread.currentThread().isInterrupted()).isFalse();

		gateway.server().resetAll();
		String answer = Fixtures.response("openai-text-usage-details.json");
		gateway.stubJson(PATH, 200, answer);
		assertThat(new String(this.http.postJson(PATH, BODY, Map.of(), "m").block(Duration.ofSeconds(30)),
				StandardCharsets.UTF_8))
			.isEqualTo(answer);
	}

	@Test
	void callersOwnInterruptIsKept() {
		gateway.stubJson(PATH, 200, Fixtures.response("openai-text-usage-details.json"));
		Thread.currentThread().interrupt();

		Throwable failure = catchThrowable(
				() -> this.http.postJson(PATH, BODY, Map.of(), "m").block(Duration.ofSeconds(30)));

		assertThat(Thread.interrupted()).as("the caller's interrupt stays set").isTrue();
		assertThat(failure).isInstanceOf(RelayAiException.class);
	}

}
