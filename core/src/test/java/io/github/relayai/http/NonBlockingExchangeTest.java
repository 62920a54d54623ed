package io.github.relayai.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.RelayAiException;
import io.github.relayai.testsupport.Fixtures;
import io.github.relayai.testsupport.Gateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A whole answer requested from a thread that must not block (an event loop, a retry
 * after its backoff) goes out with {@code sendAsync} and comes back on the client's own
 * thread; it must behave exactly like the blocking path.
 */
class NonBlockingExchangeTest {

	@RegisterExtension
	static final Gateway gateway = new Gateway();

	private static final String PATH = "/v1/chat/completions";

	private static final byte[] BODY = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
		.getBytes(StandardCharsets.UTF_8);

	private static RelayHttpClient http(int maxResponseBytes) {
		return RelayHttpClient.builder()
			.baseUrl(gateway.baseUrl())
			.apiKey("sk-test")
			.maxResponseBytes(maxResponseBytes)
			.build();
	}

	/**
	 * The answer, asked for on one of Reactor's non-blocking threads; records that
	 * thread.
	 */
	private static byte[] postFromParallelThread(RelayHttpClient http, List<String> threads) {
		return Mono.defer(() -> {
			threads.add(Thread.currentThread().getName());
			return http.postJson(PATH, BODY, Map.of(), "m");
		}).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(30));
	}

	@Test
	void answerArrives() {
		String answer = Fixtures.response("openai-text-usage-details.json");
		gateway.stubJson(PATH, 200, answer);
		List<String> threads = new java.util.ArrayList<>();
		byte[] body = postFromParallelThread(http(1 << 20), threads);
		assertThat(threads).singleElement().asString().startsWith("parallel-");
		assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(answer);
	}

	@Test
	void errorStatusIsTyped() {
		// the documented 429 "队列已满" of a worker-pool gateway, from the error corpus
		JsonNode queueFull = Fixtures.providerError(429, "队列已满");
		gateway.stub(post(urlPathEqualTo(PATH)),
				aResponse().withStatus(queueFull.get("status").asInt())
					.withHeader("Content-Type", "application/json")
					.withBody(queueFull.get("body").asString()));
		Throwable failure = catchThrowable(() -> postFromParallelThread(http(1 << 20), new java.util.ArrayList<>()));
		assertThat(failure).isInstanceOf(RelayAiException.class);
		assertThat(((RelayAiException) failure).error().category()).isEqualTo(ErrorCategory.QUEUE_FULL);
	}

	@Test
	void answerOverTheLimitFailsTyped() {
		gateway.stubJson(PATH, 200, Fixtures.response("openai-text-usage-details.json"));
		Throwable failure = catchThrowable(() -> postFromParallelThread(http(100), new java.util.ArrayList<>()));
		assertThat(failure).isInstanceOf(RelayAiException.class).hasMessageContaining("max-response-size");
		assertThat(((RelayAiException) failure).error().category()).isEqualTo(ErrorCategory.SERVER_ERROR);
	}

	@Test
	void bodyThatBreaksFailsTypedAndTheClientCarriesOn() {
		RelayHttpClient http = http(1 << 20);
		gateway.stub(post(urlPathEqualTo(PATH)), aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));
		Throwable failure = catchThrowable(() -> postFromParallelThread(http, new java.util.ArrayList<>()));
		assertThat(failure).isInstanceOf(RelayAiException.class);
		assertThat(((RelayAiException) failure).error().category()).isEqualTo(ErrorCategory.UNAVAILABLE);

		gateway.server().resetAll();
		String answer = Fixtures.response("openai-text-usage-details.json");
		gateway.stubJson(PATH, 200, answer);
		assertThat(new String(postFromParallelThread(http, new java.util.ArrayList<>()), StandardCharsets.UTF_8))
			.isEqualTo(answer);
	}

}
