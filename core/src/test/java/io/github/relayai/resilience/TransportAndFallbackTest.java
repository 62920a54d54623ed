package io.github.relayai.resilience;

import io.github.relayai.chat.RelayChatModel;
import io.github.relayai.error.NonTransientRelayException;
import io.github.relayai.error.RelayAiException;
import io.github.relayai.error.TransientRelayException;
import io.github.relayai.exchange.ChatExchange;
import io.github.relayai.routing.Transport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.relayai.resilience.Gateway.PATH;
import static io.github.relayai.resilience.Gateway.chunk;
import static io.github.relayai.resilience.Gateway.completion;
import static io.github.relayai.resilience.Gateway.error;
import static io.github.relayai.resilience.Gateway.events;
import static io.github.relayai.resilience.Gateway.finish;
import static io.github.relayai.resilience.Gateway.plain;
import static io.github.relayai.resilience.Gateway.streaming;
import static io.github.relayai.resilience.RetryTest.failure;
import static org.assertj.core.api.Assertions.assertThat;
import io.github.relayai.resilience.Resilience4jPolicy.RetrySettings;

class TransportAndFallbackTest {

	static final String QUEUE_FULL = "队列已满";

	final Gateway gateway = new Gateway();

	final VirtualClock clock = new VirtualClock();

	final Resilience4jPolicy policy = Resilience4jPolicy.builder().backoffScheduler(this.clock).build();

	@AfterEach
	void close() throws InterruptedException {
		this.gateway.close();
	}

	@Test
	void autoAnswersGatewayQueueFullThroughAStream() throws Exception {
		this.gateway.server.stubFor(plain().willReturn(error(429, "rate_limit_exceeded", "QUEUE_FULL", QUEUE_FULL)));
		this.gateway.server.stubFor(streaming().willReturn(events(chunk("Hel"), chunk("lo"), finish(),
				"{\"id\":\"s1\",\"model\":\"m\",\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,"
						+ "\"total_tokens\":5}}",
				"[DONE]")));
		RelayChatModel model = this.gateway.model(this.policy).build();

		ChatResponse response = this.gateway.callAsync(model).get();

		assertThat(response.getResults()).hasSize(1);
		assertThat(response.getResult().getOutput().getText()).isEqualTo("Hello");
		assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("STOP");
		assertThat(response.getMetadata().getUsage().getTotalTokens()).isEqualTo(5);
		assertThat(response.getMetadata().getId()).isEqualTo("s1");
		assertThat(response.getMetadata().<String>get("relay.endpoint")).isEqualTo(PATH);
		assertThat(this.gateway.requests()).isEqualTo(2);
		assertThat(this.clock.noPendingWaits()).isTrue();
	}

	@Test
	void plainTransportLeavesQueueFullToTheRetry() throws Exception {
		this.gateway.server.stubFor(plain().willReturn(error(429, "rate_limit_exceeded", "QUEUE_FULL", QUEUE_FULL)));
		RelayChatModel model = this.gateway
			.model(Resilience4jPolicy.builder()
				.retry(new RetrySettings(1, Duration.ofMillis(500), 2, Duration.ofSeconds(8), Duration.ofSeconds(60)))
				.build())
			.transport(Transport.PLAIN)
			.build();

		assertThat(failure(this.gateway.callAsync(model))).isInstanceOf(TransientRelayException.QueueFull.class)
			.hasMessageNotContaining("not the gateway");
		this.gateway.server.verify(0,
				postRequestedFor(urlEqualTo(PATH)).withRequestBody(containing("\"stream\":true")));
	}

	@Test
	void streamTransportAggregatesChoicesAndToolCalls() throws Exception {
		this.gateway.server.stubFor(streaming().willReturn(events(
				"{\"id\":\"s2\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"A\"}},"
						+ "{\"index\":1,\"delta\":{\"role\":\"assistant\",\"content\":\"B\"}}]}",
				"{\"id\":\"s2\",\"model\":\"m\",\"choices\":[{\"index\":1,\"delta\":{\"content\":\"b\"},\"finish_reason\":\"stop\"}]}",
				"{\"id\":\"s2\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\","
						+ "\"type\":\"function\",\"function\":{\"name\":\"weather\",\"arguments\":\"{\\\"city\\\":\"}}]}}]}",
				"{\"id\":\"s2\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
						+ "\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}]}",
				"[DONE]")));
		RelayChatModel model = this.gateway.model(this.policy).transport(Transport.STREAM).build();

		ChatResponse response = this.gateway.callAsync(model).get();

		assertThat(response.getResults()).hasSize(2);
		AssistantMessage first = response.getResults().get(0).getOutput();
		assertThat(first.getText()).isEqualTo("A");
		assertThat(first.getToolCalls())
			.containsExactly(new AssistantMessage.ToolCall("call_1", "function", "weather", "{\"city\":\"Paris\"}"));
		assertThat(response.getResults().get(0).getMetadata().getFinishReason()).isEqualTo("TOOL_CALLS");
		assertThat(response.getResults().get(1).getOutput().getText()).isEqualTo("Bb");
		assertThat(response.getResults().get(1).getMetadata().getFinishReason()).isEqualTo("STOP");
		assertThat(this.gateway.requests()).isEqualTo(1);
	}

	@Test
	void fallbackModelAnswersWhenThePrimaryIsNotFound() throws Exception {
		this.gateway.server.stubFor(plain().withRequestBody(equalToJson("{\"model\":\"m\"}", true, true))
			.willReturn(error(404, "invalid_request_error", "model_not_found", "The model `m` does not exist")));
		this.gateway.server.stubFor(plain().withRequestBody(equalToJson("{\"model\":\"m2\"}", true, true))
			.willReturn(completion("from m2")));
		RelayChatModel model = this.gateway.model(this.policy).fallbackModels(List.of("m2", "m3")).build();

		ChatResponse response = this.gateway.callAsync(model).get();

		assertThat(response.getResult().getOutput().getText()).isEqualTo("from m2");
		assertThat(response.getMetadata().<String>get(ChatExchange.MODEL_KEY)).isEqualTo("m2");
		assertThat(this.gateway.requests()).isEqualTo(2);
	}

	@Test
	void fallbackModelTakesTheNextAttemptAndTheLastFailureIsReported() throws Exception {
		this.gateway.server.stubFor(plain().withRequestBody(equalToJson("{\"model\":\"m\"}", true, true))
			.willReturn(error(503, "server_error", null, "no channel")));
		this.gateway.server.stubFor(plain().withRequestBody(equalToJson("{\"model\":\"m2\"}", true, true))
			.willReturn(error(404, "invalid_request_error", "model_not_found", "The model `m2` does not exist")));
		RelayChatModel model = this.gateway.model(this.policy).fallbackModels(List.of("m2")).build();

		var answer = this.gateway.callAsync(model);

		assertThat(failure(answer)).isInstanceOf(NonTransientRelayException.ModelNotFound.class)
			.hasMessageContaining("m2");
		assertThat(this.gateway.requests()).isEqualTo(2);
		assertThat(this.clock.noPendingWaits()).isTrue();
	}

	@Test
	void retriesAndFallbackModelsShareOneBudget() throws Exception {
		this.gateway.server.stubFor(plain().willReturn(error(503, "server_error", null, "no channel")));
		RelayChatModel model = this.gateway.model(this.policy).fallbackModels(List.of("m2")).build();

		var answer = this.gateway.callAsync(model);
		this.clock.advance(this.clock.nextWait());

		assertThat(failure(answer)).isInstanceOfSatisfying(RelayAiException.class,
				failure -> assertThat(failure.error().model()).isEqualTo("m2"));
		assertThat(this.gateway.requests()).isEqualTo(3);
		assertThat(this.clock.noPendingWaits()).isTrue();
	}

	@Test
	void streamFallsBackBeforeItsFirstElement() {
		this.gateway.server.stubFor(streaming().withRequestBody(equalToJson("{\"model\":\"m\"}", true, true))
			.willReturn(error(404, "invalid_request_error", "model_not_found", "The model `m` does not exist")));
		this.gateway.server.stubFor(streaming().withRequestBody(equalToJson("{\"model\":\"m2\"}", true, true))
			.willReturn(events(chunk("Hi"), finish(), "[DONE]")));
		RelayChatModel model = this.gateway.model(this.policy).fallbackModels(List.of("m2")).build();

		List<ChatResponse> responses = model.stream(new Prompt("hi")).collectList().block(Duration.ofSeconds(10));

		assertThat(responses).isNotEmpty()
			.allSatisfy(
					response -> assertThat(response.getMetadata().<String>get(ChatExchange.MODEL_KEY)).isEqualTo("m2"));
		assertThat(this.gateway.requests()).isEqualTo(2);
	}

}
