package io.github.relayai.routing;

import java.time.Duration;
import java.util.List;

import io.github.relayai.endpoint.Endpoint;
import io.github.relayai.error.TransientRelayException;
import io.github.relayai.exchange.ChatExchange;
import io.github.relayai.exchange.ChatRequest;
import io.github.relayai.http.RelayHttpClient;
import io.github.relayai.options.ImageLimits;
import io.github.relayai.options.RelayChatOptions;
import io.github.relayai.testsupport.Gateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.relayai.testsupport.Answers.chunk;
import static io.github.relayai.testsupport.Answers.error;
import static io.github.relayai.testsupport.Answers.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Transport#over(ChatExchange)} on its own, outside a chat model's chain: a
 * request sent there has one attempt, so the switch has nothing to carry over.
 */
class TransportTest {

	private static final String PATH = "/v1/chat/completions";

	private static final Duration WAIT = Duration.ofSeconds(30);

	@RegisterExtension
	static final Gateway gateway = new Gateway();

	@Test
	void streamSendsACallAsAStreamAndFoldsItIntoOneAnswer() {
		gateway.stub(post(urlPathEqualTo(PATH)).withRequestBody(matchingJsonPath("$.stream", containing("true"))),
				events(chunk("Hel"), chunk("lo"), "[DONE]"));

		ChatResponse response = Transport.STREAM.over(adapter()).call(request()).block(WAIT);

		assertThat(response.getResult().getOutput().getText()).isEqualTo("Hello");
	}

	@Test
	void autoOutsideAChainEndsWithTheGatewaysQueueFull() {
		// body: the gateway's documented QUEUE_FULL answer
		// (core/src/test/resources/errors/provider-errors.json)
		gateway.stub(post(urlPathEqualTo(PATH)).withRequestBody(notContaining("\"stream\":true")),
				error(429, "rate_limit_exceeded", "QUEUE_FULL", "队列已满"));

		assertThatThrownBy(() -> Transport.AUTO.over(adapter()).call(request()).block(WAIT))
			.isInstanceOf(TransientRelayException.QueueFull.class);
		assertThat(gateway.requests()).hasSize(1);
	}

	@Test
	void plainIsTheExchangeItself() {
		ChatExchange adapter = adapter();

		assertThat(Transport.PLAIN.over(adapter)).isSameAs(adapter);
	}

	private static ChatExchange adapter() {
		return Endpoint.CHAT.exchange(RelayHttpClient.builder().baseUrl(gateway.baseUrl() + "/v1").build(),
				ImageLimits.DEFAULTS);
	}

	private static ChatRequest request() {
		return new ChatRequest(List.of(new UserMessage("hi")), RelayChatOptions.builder().model("m").build());
	}

}
