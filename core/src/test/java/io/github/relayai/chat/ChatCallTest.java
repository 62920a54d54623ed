package io.github.relayai.chat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.relayai.error.ErrorCategory;
import io.github.relayai.options.ResponseFormat;

import io.github.relayai.error.NonTransientRelayException;
import io.github.relayai.error.TransientRelayException;
import io.github.relayai.error.RelayAiException;
import io.github.relayai.options.RelayChatOptions;
import io.github.relayai.resilience.ResiliencePolicy;
import io.github.relayai.testsupport.Fixtures;
import io.github.relayai.testsupport.Gateway;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Blocking calls over real HTTP against captured provider answers (see
 * {@code responses/SOURCES.md}).
 */
class ChatCallTest {

	@RegisterExtension
	static final Gateway gateway = new Gateway();

	private static final String PATH = "/v1/chat/completions";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private JsonNode sentBody() {
		return JSON.readTree(gateway.requests().get(0).getBodyAsString());
	}

	@Test
	void textUsageAndMetadata() {
		gateway.stubJson(PATH, 200, Fixtures.response("openai-text-usage-details.json"));
		ChatResponse response = gateway.model().call(new Prompt("hi"));
		assertThat(response.getResult().getOutput().getText()).startsWith("**Holiday Name:** Galaxy Day").hasSize(1842);
		assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("STOP");
		assertThat(response.getMetadata().getId()).isEqualTo("chatcmpl-D8Z5f52zQqikDBEKQMQoYcWMcWPeU");
		assertThat(response.getMetadata().getModel()).isEqualTo("gpt-4.1-nano-2025-04-14");
		assertThat(response.getMetadata().getUsage().getPromptTokens()).isEqualTo(16);
		assertThat(response.getMetadata().getUsage().getCompletionTokens()).isEqualTo(363);
		assertThat(response.getMetadata().getUsage().getTotalTokens()).isEqualTo(379);
		assertThat(response.getMetadata().<String>get("relay.endpoint")).isEqualTo(PATH);
		assertThat(response.getResult().getOutput().getMetadata()).containsEntry("index", 0);
	}

	@Test
	void toolCallWithCachedAndReasoningTokens() {
		gateway.stubJson(PATH, 200, Fixtures.response("xai-grok-tool-call-cached-reasoning.json"));
		ChatResponse response = gateway.model().call(new Prompt("weather?"));
		AssistantMessage output = response.getResult().getOutput();
		assertThat(output.getToolCalls()).containsExactly(new AssistantMessage.ToolCall("call_46427107", "function",
				"weather", "{\"location\":\"San Francisco\"}"));
		assertThat(output.getMetadata().get("reasoningContent").toString())
			.startsWith("First, the user is asking about the weather in San Francisco.");
		assertThat(response.getMetadata().getUsage().getCacheReadInputTokens()).isEqualTo(244L);
		assertThat(response.getMetadata().<Integer>get("reasoningTokens")).isEqualTo(255);
		assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("TOOL_CALLS");
	}

	@Test
	void unknownTopLevelFieldsAreKeptInMetadata() {
		gateway.stubJson(PATH, 200, Fixtures.response("perplexity-citations.json"));
		ChatResponse response = gateway.model().call(new Prompt("population of SF"));
		assertThat(response.getMetadata().<List<String>>get("citations"))
			.contains("https://en.wikipedia.org/wiki/San_Francisco")
			.hasSize(7);
		gateway.stubJson(PATH, 200, Fixtures.response("openrouter-gemini-tool-call-provider.json"));
		ChatResponse routed = gateway.model().call(new Prompt("plan"));
		assertThat(routed.getMetadata().<String>get("provider")).isEqualTo("Google AI Studio");
		assertThat(routed.getResult().getOutput().getToolCalls()).singleElement()
			.satisfies(call -> assertThat(call.name()).isEqualTo("insert_level_with_spaces"));
	}

	@Test
	void everyOptionReachesTheRequest() {
		gateway.stubJson(PATH, 200, Fixtures.response("openai-text-usage-details.json"));
		RelayChatOptions options = RelayChatOptions.builder()
			.model("gpt-4o-mini")
			.temperature(0.3)
			.topP(0.9)
			.maxTokens(100)
			.maxCompletionTokens(200)
			.stopSequences(List.of("END"))
			.seed(42L)
			.presencePenalty(0.1)
			.frequencyPenalty(0.2)
			.n(1)
			.user("user-1")
			.responseFormat(ResponseFormat.jsonSchema("answer",
					"{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},\"required\":[\"a\"]}"))
			.reasoningEffort("low")
			.httpHeaders(Map.of("X-Tenant", "acme"))
			.extraBody(Map.of("top_k", 20, "provider", Map.of("order", List.of("groq"))))
			.build();
		gateway.model().call(new Prompt(List.of(new SystemMessage("be brief"), new UserMessage("hi")), options));
		JsonNode body = sentBody();
		assertThat(body.get("model").stringValue()).isEqualTo("gpt-4o-mini");
		assertThat(body.get("temperature").doubleValue()).isEqualTo(0.3);
		assertThat(body.get("top_p").doubleValue()).isEqualTo(0.9);
		assertThat(body.get("max_tokens").intValue()).isEqualTo(100);
		assertThat(body.get("max_completion_tokens").intValue()).isEqualTo(200);
		assertThat(body.get("stop").get(0).stringValue()).isEqualTo("END");
		assertThat(body.get("seed").intValue()).isEqualTo(42);
		assertThat(body.get("presence_penalty").doubleValue()).isEqualTo(0.1);
		assertThat(body.get("frequency_penalty").doubleValue()).isEqualTo(0.2);
		assertThat(body.get("user").stringValue()).isEqualTo("user-1");
		assertThat(body.at("/response_format/type").stringValue()).isEqualTo("json_schema");
		assertThat(body.at("/response_format/json_schema/name").stringValue()).isEqualTo("answer");
		assertThat(body.at("/response_format/json_schema/schema/required/0").stringValue()).isEqualTo("a");
		assertThat(body.get("reasoning_effort").stringValue()).isEqualTo("low");
		assertThat(body.get("top_k").intValue()).isEqualTo(20);
		assertThat(body.at("/provider/order/0").stringValue()).isEqualTo("groq");
		assertThat(body.at("/messages/0/role").stringValue()).isEqualTo("system");
		assertThat(body.at("/messages/1/content").stringValue()).isEqualTo("hi");
		assertThat(body.has("stream")).isFalse();
		assertThat(gateway.requests().get(0).getHeader("X-Tenant")).isEqualTo("acme");
	}

	@Test
	void plainChatOptionsAreMergedOverTheDefaults() {
		gateway.stubJson(PATH, 200, Fixtures.response("openai-text-usage-details.json"));
		RelayChatModel model = gateway.modelBuilder()
			.defaultOptions(RelayChatOptions.builder().model("default-model").temperature(0.1).seed(7L).build())
			.build();
		model.call(new Prompt("hi", ChatOptions.builder().temperature(0.9).build()));
		JsonNode body = sentBody();
		assertThat(body.get("model").stringValue()).isEqualTo("default-model");
		assertThat(body.get("temperature").doubleValue()).isEqualTo(0.9);
		assertThat(body.get("seed").intValue()).isEqualTo(7);
	}

	@Test
	void toolHistoryIsSentInOpenAiFormat() {
		gateway.stubJson(PATH, 200, Fixtures.response("openai-text-usage-details.json"));
		AssistantMessage call = AssistantMessage.builder()
			.content("")
			.toolCalls(List.of(new AssistantMessage.ToolCall("call_1", "function", "weather", "{\"city\":\"Paris\"}")))
			.build();
		ToolResponseMessage result = ToolResponseMessage.builder()
			.responses(List.of(new ToolResponseMessage.ToolResponse("call_1", "weather", "{\"temp\":21}")))
			.build();
		gateway.model().call(new Prompt(List.of(new UserMessage("weather in Paris?"), call, result)));
		JsonNode messages = sentBody().get("messages");
		assertThat(messages.at("/1/tool_calls/0/id").stringValue()).isEqualTo("call_1");
		assertThat(messages.at("/1/tool_calls/0/function/name").stringValue()).isEqualTo("weather");
		assertThat(messages.at("/1/content").isNull()).isTrue();
		assertThat(messages.at("/2/role").stringValue()).isEqualTo("tool");
		assertThat(messages.at("/2/tool_call_id").stringValue()).isEqualTo("call_1");
		assertThat(messages.at("/2/content").stringValue()).isEqualTo("{\"temp\":21}");
	}

	@Test
	void observationIsRecordedWithProviderRelay() {
		gateway.stubJson(PATH, 200, Fixtures.response("openai-text-usage-details.json"));
		TestObservationRegistry registry = TestObservationRegistry.create();
		gateway.modelBuilder().observationRegistry(registry).build().call(new Prompt("hi"));
		TestObservationRegistryAssert.assertThat(registry)
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasLowCardinalityKeyValue("gen_ai.system", "relay")
			.hasLowCardinalityKeyValue("gen_ai.request.model", "test-model")
			.hasBeenStarted()
			.hasBeenStopped();
	}

	@Test
	void nonChatModelBodyFromTheIssueBecomesATypedExceptionWithRequestId() {
		// 400 body and header quoted in issue 3 (a rix-api relay answering gpt-5.2-pro)
		gateway.stub(post(urlPathEqualTo(PATH)), aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withHeader("x-rixapi-request-id", "20260104160024698485938Ye5VCZ0P")
			.withBody("{\"error\":{\"message\":\"This is not a chat model and thus not supported in the "
					+ "v1/chat/completions endpoint. Did you mean to use v1/completions?\",\"type\":\"rix_api_error\","
					+ "\"param\":\"model\",\"code\":null}}"));
		Prompt prompt = new Prompt("hi", RelayChatOptions.builder().model("gpt-5.2-pro").build());
		assertThatThrownBy(() -> gateway.model().call(prompt))
			.isInstanceOfSatisfying(NonTransientRelayException.NonChatModel.class, ex -> {
				assertThat(ex.error().requestId()).isEqualTo("20260104160024698485938Ye5VCZ0P");
				assertThat(ex.error().model()).isEqualTo("gpt-5.2-pro");
				assertThat(ex.isTransient()).isFalse();
			})
			.hasMessageContaining("gpt-5.2-pro")
			.hasMessageContaining("/v1/completions")
			.hasMessageContaining("20260104160024698485938Ye5VCZ0P");
		assertThatThrownBy(() -> gateway.model().stream(prompt).blockLast(Duration.ofSeconds(30)))
			.isInstanceOf(NonTransientRelayException.NonChatModel.class);
	}

	@Test
	void queueFullAndMissingModelBodiesFromTheIssue() {
		// bodies quoted in issue 3 from the gateway's documentation
		gateway.stubJson(PATH, 429,
				"{\"error\":{\"message\":\"队列已满\",\"type\":\"rate_limit_exceeded\",\"code\":\"QUEUE_FULL\"}}");
		assertThatThrownBy(() -> gateway.model().call(new Prompt("hi"))).isInstanceOfSatisfying(
				TransientRelayException.QueueFull.class, ex -> assertThat(ex.isTransient()).isTrue());
		assertThatThrownBy(() -> gateway.model().stream(new Prompt("hi")).blockLast(Duration.ofSeconds(30)))
			.isInstanceOf(TransientRelayException.QueueFull.class);
		gateway.stubJson(PATH, 400, "{\"error\":{\"message\":\"没有 Worker 支持模型: invalid-model\","
				+ "\"type\":\"invalid_request_error\",\"code\":\"MODEL_NOT_FOUND\"}}");
		assertThatThrownBy(() -> gateway.model().call(new Prompt("hi")))
			.isInstanceOf(NonTransientRelayException.ModelNotFound.class);
	}

	@Test
	void invalidJsonWithStatus200IsATypedFailure() {
		gateway.stub(post(urlPathEqualTo(PATH)),
				aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>oops</html>"));
		assertThatThrownBy(() -> gateway.model().call(new Prompt("hi"))).isInstanceOf(RelayAiException.class);
	}

	@Test
	void connectionRefusedIsUnavailable() {
		RelayChatModel model = RelayChatModel.builder()
			.resilience(io.github.relayai.resilience.ResiliencePolicy.NONE)
			.baseUrl("http://127.0.0.1:1")
			.defaultOptions(RelayChatOptions.builder().model("m").build())
			.build();
		assertThatThrownBy(() -> model.call(new Prompt("hi"))).isInstanceOfSatisfying(RelayAiException.class,
				ex -> assertThat(ex.error().category()).isEqualTo(ErrorCategory.UNAVAILABLE));
	}

	@Test
	void optionValuesTheApiWouldRejectFailBeforeSending() {
		RelayChatModel model = gateway.model();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> model.call(new Prompt("hi", RelayChatOptions.builder().temperature(3.5).build())))
			.withMessageContaining("temperature is 3.5")
			.withMessageContaining("spring.ai.relay.chat.options.temperature");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> model.call(new Prompt("hi", RelayChatOptions.builder().reasoningEffort("extreme").build())))
			.withMessageContaining("reasoning-effort is 'extreme'")
			.withMessageContaining("medium");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> model.stream(new Prompt("hi", RelayChatOptions.builder().maxTokens(0).build()))
				.blockLast(Duration.ofSeconds(30)))
			.withMessageContaining("max-tokens");
		assertThat(gateway.requests()).isEmpty();
	}

	@Test
	void badPromptsFailBeforeSending() {
		RelayChatModel model = gateway.model();
		assertThatIllegalArgumentException().isThrownBy(() -> model.call((Prompt) null)).withMessageContaining("null");
		assertThatIllegalArgumentException().isThrownBy(() -> model.call(new Prompt(List.of())))
			.withMessageContaining("no messages");
		assertThatIllegalArgumentException().isThrownBy(() -> model.call(new Prompt("   ")))
			.withMessageContaining("empty");
		RelayChatModel noModel = gateway.modelBuilder().defaultOptions(RelayChatOptions.builder().build()).build();
		assertThatIllegalArgumentException().isThrownBy(() -> noModel.call(new Prompt("hi")))
			.withMessageContaining("spring.ai.relay.chat.options.model");
		assertThat(gateway.requests()).isEmpty();
	}

}
