package io.github.relayai.routing;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.relayai.chat.RelayChatModel;
import io.github.relayai.endpoint.Endpoint;
import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.ProviderErrorClassifier.ErrorRule;
import io.github.relayai.error.NonTransientRelayException;
import io.github.relayai.error.ProviderErrorClassifier;
import io.github.relayai.error.RelayAiException;
import io.github.relayai.exchange.ChatExchange;
import io.github.relayai.http.RelayHttpClient;
import io.github.relayai.options.RelayChatOptions;
import io.github.relayai.testsupport.Fixtures;
import io.github.relayai.testsupport.OpenAiSpec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tool.function.FunctionToolCallback;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Endpoint routing over real HTTP. The two error bodies are the ones quoted in GitHub
 * issue 5 (and in {@code errors/provider-errors.json} with their public sources):
 * rix-api's 400 for a non-chat model (lobehub/lobehub#7054) and OpenAI's 404 for a
 * responses-only model (n8n-io/n8n#18352). Success bodies are captured streams from
 * {@code streams/} (see SOURCES.md there) and OpenAI's published examples.
 */
class EndpointRoutingTest {

	/** rix-api's answer for a model that is not a chat model (GitHub issue 5). */
	static final String RIX_NOT_CHAT = "{\"error\":{\"message\":\"This is not a chat model and thus not supported in "
			+ "the v1/chat/completions endpoint. Did you mean to use v1/completions?\",\"type\":\"rix_api_error\","
			+ "\"param\":\"model\",\"code\":null}}";

	/** OpenAI's answer for a model only served by the Responses API (GitHub issue 5). */
	static final String OPENAI_RESPONSES_ONLY = "{\"error\":{\"message\":\"This model is only supported in "
			+ "v1/responses and not in v1/chat/completions.\",\"type\":\"invalid_request_error\",\"param\":\"model\","
			+ "\"code\":null}}";

	static final JsonMapper JSON = JsonMapper.builder().build();

	WireMockServer server;

	RelayHttpClient http;

	SimpleMeterRegistry meters;

	@BeforeEach
	void start() {
		this.server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		this.server.start();
		this.http = RelayHttpClient.builder().baseUrl(this.server.baseUrl() + "/v1").apiKey("sk-test").build();
		this.meters = new SimpleMeterRegistry();
	}

	@AfterEach
	void stop() {
		this.server.stop();
	}

	RelayChatModel model(String modelId, EndpointRouter.Builder router) {
		return RelayChatModel.builder()
			.httpClient(this.http)
			.routing(router)
			.defaultOptions(RelayChatOptions.builder().model(modelId).maxTokens(16).temperature(0.5).build())
			.build();
	}

	EndpointRouter.Builder router() {
		return EndpointRouter.builder().meterRegistry(this.meters);
	}

	void chatAnswers(int status, String body) {
		this.server.stubFor(post("/v1/chat/completions")
			.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
	}

	void streams(String path, String sse) {
		this.server.stubFor(post(path).withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
			.willReturn(ok(sse).withHeader("Content-Type", "text/event-stream")));
	}

	List<String> bodies(String path) {
		return this.server.findAll(postRequestedFor(urlEqualTo(path)))
			.stream()
			.map(LoggedRequest::getBodyAsString)
			.toList();
	}

	static String text(List<ChatResponse> responses) {
		return responses.stream()
			.filter(r -> r.getResult() != null && r.getResult().getOutput().getText() != null)
			.map(r -> r.getResult().getOutput().getText())
			.collect(Collectors.joining());
	}

	static String reasoning(List<ChatResponse> responses) {
		return responses.stream()
			.filter(r -> r.getResult() != null)
			.map(r -> Objects.toString(r.getResult().getOutput().getMetadata().get("reasoningContent"), ""))
			.collect(Collectors.joining());
	}

	/**
	 * The {@code response} object of a Responses stream's {@code response.completed}
	 * event.
	 */
	static String completedResponse(String sse) {
		String line = sse.lines()
			.filter(l -> l.startsWith("data: ") && l.contains("\"type\":\"response.completed\""))
			.findFirst()
			.orElseThrow();
		return JSON.readTree(line.substring(6)).get("response").toString();
	}

	double fallbacks(String model, String endpoint) {
		var counter = this.meters.find("relay.endpoint.fallbacks")
			.tag("model", model)
			.tag("endpoint", endpoint)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	@Test
	void nonChatModelOnRixGatewayIsAnsweredByCompletionsAndRemembered() {
		chatAnswers(400, RIX_NOT_CHAT);
		this.server.stubFor(post("/v1/completions").willReturn(okJson(SpecExamples.responseExample("/completions"))));
		RelayChatModel model = model("gpt-5.2-pro", router());

		ChatResponse first = model
			.call(new Prompt(List.of(new SystemMessage("Be brief."), new UserMessage("Say this is a test"))));
		ChatResponse second = model.call(new Prompt("Say this is a test"));

		assertThat(first.getResult().getOutput().getText()).isEqualTo("\n\nThis is indeed a test");
		assertThat(first.getResult().getMetadata().getFinishReason()).isEqualTo("LENGTH");
		assertThat(first.getMetadata().getUsage().getTotalTokens()).isEqualTo(12);
		assertThat((String) first.getMetadata().get(ChatExchange.ENDPOINT_KEY)).isEqualTo("/v1/completions");
		assertThat(second.getResult().getOutput().getText()).isEqualTo("\n\nThis is indeed a test");
		assertThat(bodies("/v1/chat/completions")).hasSize(1);
		List<String> completions = bodies("/v1/completions");
		assertThat(completions).hasSize(2);
		JsonNode body = JSON.readTree(completions.get(0));
		assertThat(body.get("prompt").stringValue())
			.isEqualTo("System: Be brief.\n\nUser: Say this is a test\n\nAssistant:");
		assertThat(body.get("max_tokens").asInt()).isEqualTo(16);
		assertThat(body.get("temperature").asDouble()).isEqualTo(0.5);
		completions.forEach(json -> OpenAiSpec.assertValid("CreateCompletionRequest", json));
		assertThat(fallbacks("gpt-5.2-pro", "completions")).isEqualTo(1);
	}

	@Test
	void nonChatModelOnRixGatewayStreamsFromCompletions() {
		chatAnswers(400, RIX_NOT_CHAT);
		streams("/v1/completions", Fixtures.stream("openai-completions-legacy-text.sse"));
		RelayChatModel model = model("gpt-5.2-pro", router());

		List<ChatResponse> responses = model
			.stream(new Prompt("Say this is a test",
					RelayChatOptions.builder()
						.model("gpt-5.2-pro")
						.stopSequences(List.of("\n\nUser:"))
						.streamUsage(true)
						.build()))
			.collectList()
			.block(Duration.ofSeconds(30));

		assertThat(text(responses)).isEqualTo("The holiday is called \"Gratitude Day\" and it is a day dedicated to");
		assertThat(responses.get(responses.size() - 1).getMetadata().getUsage().getTotalTokens()).isEqualTo(30);
		assertThat(responses).allSatisfy(
				r -> assertThat((String) r.getMetadata().get(ChatExchange.ENDPOINT_KEY)).isEqualTo("/v1/completions"));
		String body = bodies("/v1/completions").get(0);
		OpenAiSpec.assertValid("CreateCompletionRequest", body);
		JsonNode json = JSON.readTree(body);
		assertThat(json.get("stream").asBoolean()).isTrue();
		assertThat(json.get("stop").get(0).stringValue()).isEqualTo("\n\nUser:");
		assertThat(json.get("stream_options").get("include_usage").asBoolean()).isTrue();
	}

	@Test
	void responsesOnlyModelIsAnsweredByResponsesAndRemembered() {
		chatAnswers(404, OPENAI_RESPONSES_ONLY);
		String sse = Fixtures.stream("responses-text.sse");
		this.server.stubFor(post("/v1/responses").willReturn(okJson(completedResponse(sse))));
		RelayChatModel model = model("o3-pro", router());

		ChatResponse first = model.call(new Prompt(List.of(new SystemMessage("Answer in one sentence."),
				new UserMessage("What is the capital of France?"))));
		ChatResponse second = model.call(new Prompt("What is the capital of France?"));

		assertThat(first.getResult().getOutput().getText()).isEqualTo("The capital of France is Paris.");
		assertThat(first.getResult().getMetadata().getFinishReason()).isEqualTo("STOP");
		assertThat(first.getMetadata().getUsage().getPromptTokens()).isEqualTo(278);
		assertThat(first.getMetadata().getUsage().getCompletionTokens()).isEqualTo(9);
		assertThat(first.getMetadata().getUsage().getTotalTokens()).isEqualTo(287);
		assertThat((String) first.getMetadata().get(ChatExchange.ENDPOINT_KEY)).isEqualTo("/v1/responses");
		assertThat(first.getMetadata().getId()).isEqualTo("resp_67e554a21aa88191b65876ac5e5bbe0406c52f0e511c76ed");
		assertThat(second.getResult().getOutput().getText()).isEqualTo("The capital of France is Paris.");
		assertThat(bodies("/v1/chat/completions")).hasSize(1);
		assertThat(bodies("/v1/responses")).hasSize(2);
		JsonNode body = JSON.readTree(bodies("/v1/responses").get(0));
		assertThat(body.get("instructions").stringValue()).isEqualTo("Answer in one sentence.");
		assertThat(body.get("input").get(0).get("content").stringValue()).isEqualTo("What is the capital of France?");
		assertThat(body.get("max_output_tokens").asInt()).isEqualTo(16);
		bodies("/v1/responses").forEach(json -> OpenAiSpec.assertValid("CreateResponse", json));
		assertThat(fallbacks("o3-pro", "responses")).isEqualTo(1);
	}

	@Test
	void responsesOnlyModelStreamsFromResponses() {
		chatAnswers(404, OPENAI_RESPONSES_ONLY);
		streams("/v1/responses", Fixtures.stream("responses-text.sse"));
		RelayChatModel model = model("o3-pro", router());

		List<ChatResponse> responses = model.stream(new Prompt("What is the capital of France?"))
			.collectList()
			.block(Duration.ofSeconds(30));

		assertThat(text(responses)).isEqualTo("The capital of France is Paris.");
		ChatResponse last = responses.get(responses.size() - 1);
		assertThat(last.getResult().getMetadata().getFinishReason()).isEqualTo("STOP");
		assertThat(last.getMetadata().getUsage().getTotalTokens()).isEqualTo(287);
		assertThat((String) last.getMetadata().get(ChatExchange.ENDPOINT_KEY)).isEqualTo("/v1/responses");
		OpenAiSpec.assertValid("CreateResponse", bodies("/v1/responses").get(0));
		model.stream(new Prompt("Again")).blockLast(Duration.ofSeconds(30));
		assertThat(bodies("/v1/chat/completions")).hasSize(1);
	}

	record Country(String country) {
	}

	@Test
	void toolCallThroughChatClientOverResponsesStream() {
		chatAnswers(404, OPENAI_RESPONSES_ONLY);
		this.server.stubFor(post("/v1/responses").atPriority(1)
			.withRequestBody(containing("function_call_output"))
			.willReturn(ok(Fixtures.stream("responses-text.sse")).withHeader("Content-Type", "text/event-stream")));
		this.server.stubFor(post("/v1/responses").atPriority(2)
			.willReturn(ok(Fixtures.stream("responses-function-call.sse")).withHeader("Content-Type",
					"text/event-stream")));
		RelayChatModel model = model("o3-pro", router());
		FunctionToolCallback<Country, String> capital = FunctionToolCallback
			.builder("get_capital", (Country country) -> "Paris")
			.description("The capital of a country")
			.inputType(Country.class)
			.build();

		String answer = String.join("",
				ChatClient.create(model)
					.prompt("What is the capital of France?")
					.toolCallbacks(capital)
					.stream()
					.content()
					.collectList()
					.block(Duration.ofSeconds(30)));

		assertThat(answer).isEqualTo("The capital of France is Paris.");
		List<String> requests = bodies("/v1/responses");
		assertThat(requests).hasSize(2);
		requests.forEach(json -> OpenAiSpec.assertValid("CreateResponse", json));
		JsonNode first = JSON.readTree(requests.get(0));
		assertThat(first.get("tools").get(0).get("type").stringValue()).isEqualTo("function");
		assertThat(first.get("tools").get(0).get("name").stringValue()).isEqualTo("get_capital");
		JsonNode input = JSON.readTree(requests.get(1)).get("input");
		assertThat(input.get(1).get("type").stringValue()).isEqualTo("function_call");
		assertThat(input.get(1).get("call_id").stringValue()).isEqualTo("call_kL0PCQV7M2WMoVX8V8OtYSAL");
		assertThat(input.get(1).get("arguments").stringValue()).isEqualTo("{\"country\":\"France\"}");
		assertThat(input.get(2).get("type").stringValue()).isEqualTo("function_call_output");
		assertThat(input.get(2).get("call_id").stringValue()).isEqualTo("call_kL0PCQV7M2WMoVX8V8OtYSAL");
		assertThat(input.get(2).get("output").stringValue()).contains("Paris");
		assertThat(bodies("/v1/chat/completions")).hasSize(1);
	}

	@Test
	void toolCallInWholeResponsesAnswer() {
		chatAnswers(404, OPENAI_RESPONSES_ONLY);
		this.server.stubFor(post("/v1/responses")
			.willReturn(okJson(completedResponse(Fixtures.stream("responses-function-call.sse")))));
		RelayChatModel model = model("o3-pro", router());

		ChatResponse response = model.call(new Prompt("What is the capital of France?"));

		var calls = response.getResult().getOutput().getToolCalls();
		assertThat(calls).hasSize(1);
		assertThat(calls.get(0).id()).isEqualTo("call_kL0PCQV7M2WMoVX8V8OtYSAL");
		assertThat(calls.get(0).name()).isEqualTo("get_capital");
		assertThat(calls.get(0).arguments()).isEqualTo("{\"country\":\"France\"}");
		assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("TOOL_CALLS");
	}

	@Test
	void disabledFallbackThrowsTypedExceptionNamingEndpointAndProperty() {
		chatAnswers(400, RIX_NOT_CHAT);
		RelayChatModel model = model("gpt-5.2-pro", router().endpointFallback(false));

		assertThatThrownBy(() -> model.call(new Prompt("hi")))
			.isInstanceOf(NonTransientRelayException.NonChatModel.class)
			.hasMessageContaining("/v1/completions")
			.hasMessageContaining("spring.ai.relay.chat.endpoint-fallback")
			.hasMessageContaining("spring.ai.relay.models[gpt-5.2-pro].endpoint=completions")
			.satisfies(ex -> assertThat(((RelayAiException) ex).error().suggestedEndpoint()).contains("completions"));
		assertThatThrownBy(() -> model.stream(new Prompt("hi")).blockLast(Duration.ofSeconds(30)))
			.isInstanceOf(NonTransientRelayException.NonChatModel.class);
		assertThat(bodies("/v1/completions")).isEmpty();
	}

	@Test
	void aModelPinnedToChatKeepsItsPinAndTheHintSaysToChangeIt() {
		chatAnswers(400, RIX_NOT_CHAT);
		RelayChatModel model = model("gpt-5.2-pro", router().pin("gpt-5.2-pro", Endpoint.CHAT));

		assertThatThrownBy(() -> model.call(new Prompt("hi")))
			.isInstanceOf(NonTransientRelayException.NonChatModel.class)
			.hasMessageContaining("pinned to chat")
			.hasMessageContaining("spring.ai.relay.models[gpt-5.2-pro].endpoint=completions")
			.hasMessageNotContaining("automatically");
		assertThatThrownBy(() -> model.stream(new Prompt("hi", RelayChatOptions.builder().endpoint("chat").build()))
			.blockLast(Duration.ofSeconds(30))).isInstanceOf(NonTransientRelayException.NonChatModel.class)
			.hasMessageContaining("pinned to chat");
		assertThat(bodies("/v1/completions")).isEmpty();
	}

	@Test
	void withoutHintTriesResponsesThenCompletions() {
		// one-api's "no channel for this model in group default"
		// (songquanpeng/one-api#2308) names no endpoint;
		// a user rule declares it NON_CHAT_MODEL for a gateway known to serve the model
		// elsewhere
		String noChannel = "{\"error\":{\"message\":\"当前分组 default 下对于模型 gpt-5 无可用渠道 "
				+ "(request id: 2025082215093026624875464905761)\",\"type\":\"one_api_error\"}}";
		this.http = RelayHttpClient.builder()
			.baseUrl(this.server.baseUrl())
			.classifier(ProviderErrorClassifier.builder()
				.rules(List.of(ErrorRule.of(null, null, "one_api_error", "无可用渠道", ErrorCategory.NON_CHAT_MODEL, null)))
				.build())
			.build();
		chatAnswers(503, noChannel);
		this.server.stubFor(post("/v1/responses").willReturn(
				aResponse().withStatus(503).withHeader("Content-Type", "application/json").withBody(noChannel)));
		this.server.stubFor(post("/v1/completions").willReturn(okJson(SpecExamples.responseExample("/completions"))));
		RelayChatModel model = model("gpt-5", router());

		assertThat(model.call(new Prompt("hi")).getResult().getOutput().getText())
			.isEqualTo("\n\nThis is indeed a test");
		assertThat(bodies("/v1/responses")).hasSize(1);
		assertThat(bodies("/v1/completions")).hasSize(1);
		assertThat(fallbacks("gpt-5", "completions")).isEqualTo(1);
	}

	@Test
	void pinnedEndpointSkipsTheProbe() {
		streams("/v1/responses", Fixtures.stream("responses-reasoning-summary.sse"));
		RelayChatModel pinnedInBuilder = model("o3-mini", router().pin("o3-mini", Endpoint.RESPONSES));

		List<ChatResponse> responses = pinnedInBuilder
			.stream(new Prompt("How do I cross the street?",
					RelayChatOptions.builder().reasoningEffort("high").build()))
			.collectList()
			.block(Duration.ofSeconds(30));

		assertThat(text(responses)).startsWith("I'm not a road safety professional").endsWith("Stay safe!");
		assertThat(reasoning(responses)).isNotBlank().contains("\n\n");
		assertThat(JSON.readTree(bodies("/v1/responses").get(0)).get("reasoning").get("effort").stringValue())
			.isEqualTo("high");
		assertThat(bodies("/v1/chat/completions")).isEmpty();
		assertThat(this.server.findAll(getRequestedFor(urlEqualTo("/v1/models")))).isEmpty();
	}

	@Test
	void endpointInRequestOptionsSkipsTheProbe() {
		streams("/v1/responses", Fixtures.stream("openrouter-responses-comments-reasoning.sse"));
		RelayChatModel model = model("openai/gpt-oss-20b", router());

		List<ChatResponse> responses = model
			.stream(new Prompt("What is 2+2?", RelayChatOptions.builder().endpoint("responses").build()))
			.collectList()
			.block(Duration.ofSeconds(30));

		assertThat(text(responses)).isEqualTo("4");
		assertThat(reasoning(responses)).startsWith("The user asks");
		assertThat(bodies("/v1/chat/completions")).isEmpty();
	}

	@Test
	void discoveryRoutesResponsesOnlyModelsWithoutProbe() {
		// new-api lists supported_endpoint_types per model (dto.OpenAIModels in
		// QuantumNous/new-api)
		this.server.stubFor(get("/v1/models").willReturn(okJson("{\"data\":[{\"id\":\"o3-pro\",\"object\":\"model\","
				+ "\"created\":1626777600,\"owned_by\":\"openai\",\"supported_endpoint_types\":[\"openai-response\"]},"
				+ "{\"id\":\"gpt-4o\",\"object\":\"model\",\"created\":1626777600,\"owned_by\":\"openai\","
				+ "\"supported_endpoint_types\":[\"openai\"]}],\"object\":\"list\",\"success\":true}")));
		streams("/v1/responses", Fixtures.stream("responses-text.sse"));
		RelayChatModel model = model("o3-pro", router());

		assertThat(text(model.stream(new Prompt("Capital of France?")).collectList().block(Duration.ofSeconds(30))))
			.isEqualTo("The capital of France is Paris.");
		model.stream(new Prompt("Again")).blockLast(Duration.ofSeconds(30));

		assertThat(bodies("/v1/chat/completions")).isEmpty();
		assertThat(this.server.findAll(getRequestedFor(urlEqualTo("/v1/models")))).hasSize(1);
		assertThat(fallbacks("o3-pro", "responses")).isZero();
	}

	@Test
	void failedDiscoveryNeverFailsTheCall() {
		// Cloudflare's 520 page text (lobehub/lobehub#1727)
		this.server.stubFor(get("/v1/models").willReturn(aResponse().withStatus(500).withBody("error code: 520")));
		chatAnswers(200, "{\"id\":\"c1\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
				+ "\"assistant\",\"content\":\"Hello\"},\"finish_reason\":\"stop\"}]}");
		RelayChatModel model = model("gpt-4o", router());

		assertThat(model.call(new Prompt("hi")).getResult().getOutput().getText()).isEqualTo("Hello");
	}

	@Test
	void toolsOnCompletionsOnlyModelFailWithInvalidRequestExplainingWhy() {
		chatAnswers(400, RIX_NOT_CHAT);
		RelayChatModel model = model("gpt-5.2-pro", router());
		FunctionToolCallback<Country, String> capital = FunctionToolCallback
			.builder("get_capital", (Country country) -> "Paris")
			.inputType(Country.class)
			.build();

		assertThatThrownBy(() -> model
			.call(new Prompt("Capital of France?", RelayChatOptions.builder().toolCallbacks(List.of(capital)).build())))
			.isInstanceOf(NonTransientRelayException.InvalidRequest.class)
			.hasMessageContaining("/v1/completions")
			.hasMessageContaining("tools")
			.satisfies(ex -> assertThat(((RelayAiException) ex).error().category())
				.isEqualTo(ErrorCategory.INVALID_REQUEST))
			.satisfies(ex -> assertThat(ex.getSuppressed())
				.hasAtLeastOneElementOfType(NonTransientRelayException.NonChatModel.class));
		assertThat(bodies("/v1/completions")).isEmpty();
	}

	@Test
	void imagesOnCompletionsOnlyModelFailWithInvalidRequest() {
		chatAnswers(400, RIX_NOT_CHAT);
		RelayChatModel model = model("gpt-5.2-pro", router());
		UserMessage withImage = UserMessage.builder()
			.text("What is this?")
			.media(org.springframework.ai.content.Media.builder()
				.mimeType(org.springframework.util.MimeTypeUtils.IMAGE_PNG)
				.data(java.net.URI.create("https://example.com/cat.png"))
				.build())
			.build();

		assertThatThrownBy(() -> model.call(new Prompt(withImage)))
			.isInstanceOf(NonTransientRelayException.InvalidRequest.class)
			.hasMessageContaining("images");
	}

	@Test
	void responsesStreamWithoutCompletedFails() {
		String sse = Fixtures.stream("responses-text.sse");
		streams("/v1/responses", sse.substring(0, sse.indexOf("event: response.completed")));
		RelayChatModel model = model("gpt-4o", router().pin("gpt-4o", Endpoint.RESPONSES));

		assertThatThrownBy(() -> model.stream(new Prompt("hi")).blockLast(Duration.ofSeconds(30)))
			.isInstanceOf(RelayAiException.class)
			.hasMessageContaining("response.completed");
	}

	@Test
	void responseFailedEventFailsTheStreamTyped() {
		// OpenAI's published example of the response.failed event
		streams("/v1/responses",
				"event: response.failed\ndata: " + SpecExamples.schemaExample("ResponseFailedEvent") + "\n\n");
		RelayChatModel model = model("gpt-4o", router().pin("gpt-4o", Endpoint.RESPONSES));

		assertThatThrownBy(() -> model.stream(new Prompt("hi")).blockLast(Duration.ofSeconds(30)))
			.isInstanceOf(RelayAiException.class)
			.satisfies(
					ex -> assertThat(((RelayAiException) ex).error().category()).isEqualTo(ErrorCategory.SERVER_ERROR))
			.hasMessageContaining("The model failed to generate a response.");
	}

	@Test
	void errorEventFailsTheStreamTyped() {
		// OpenAI's published example of the error event
		streams("/v1/responses", "event: error\ndata: " + SpecExamples.schemaExample("ResponseErrorEvent") + "\n\n");
		RelayChatModel model = model("gpt-4o", router().pin("gpt-4o", Endpoint.RESPONSES));

		assertThatThrownBy(() -> model.stream(new Prompt("hi")).blockLast(Duration.ofSeconds(30)))
			.isInstanceOf(RelayAiException.class)
			.hasMessageContaining("Something went wrong");
	}

	@Test
	void incompleteResponseEndsWithLengthFinishReason() {
		// OpenAI's published example of the response.incomplete event
		streams("/v1/responses",
				"event: response.incomplete\ndata: " + SpecExamples.schemaExample("ResponseIncompleteEvent") + "\n\n");
		RelayChatModel model = model("gpt-4o", router().pin("gpt-4o", Endpoint.RESPONSES));

		ChatResponse last = model.stream(new Prompt("hi")).blockLast(Duration.ofSeconds(30));

		assertThat(last.getResult().getMetadata().getFinishReason()).isEqualTo("LENGTH");
	}

	@Test
	void rememberedChoicesAreBounded() {
		chatAnswers(400, RIX_NOT_CHAT);
		this.server.stubFor(post("/v1/completions").willReturn(okJson(SpecExamples.responseExample("/completions"))));
		RelayChatModel model = RelayChatModel.builder().httpClient(this.http).routing(router().cacheSize(1)).build();

		model.call(new Prompt("hi", RelayChatOptions.builder().model("a").build()));
		model.call(new Prompt("hi", RelayChatOptions.builder().model("b").build()));

		assertThat(model.rememberedEndpoint("b")).contains(Endpoint.COMPLETIONS);
		assertThat(model.rememberedEndpoint("a")).isEmpty();
	}

	// Routing memory that heals: a remembered endpoint that later refuses the model means
	// the gateway was reconfigured. Error bodies are real ones from
	// errors/provider-errors.json
	// (their sources are there).

	/**
	 * OpenAI's 404 for a model that does not exist (rd-1-2022/ai-openai-helloworld#9).
	 */
	private static String modelNotFound() {
		return Fixtures.providerError(404, "does not exist or you do not have access to it").get("body").asString();
	}

	/**
	 * OpenAI's 404 for a chat model sent to {@code /v1/completions}
	 * (danny-avila/LibreChat#5662): the reverse of a non-chat model.
	 */
	private static String isAChatModel() {
		return Fixtures.providerError(404, "This is a chat model and not supported").get("body").asString();
	}

	private void answers(String path, int status, String body) {
		this.server.stubFor(post(path)
			.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
	}

	/**
	 * A model for gpt-5-pro whose router remembered responses: chat said it is
	 * responses-only, responses answered.
	 */
	private RelayChatModel rememberingResponses(EndpointRouter.Builder router) {
		chatAnswers(404, OPENAI_RESPONSES_ONLY);
		answers("/v1/responses", 200, completedResponse(Fixtures.stream("responses-text.sse")));
		RelayChatModel model = model("gpt-5-pro", router);
		model.call(new Prompt("hi"));
		assertThat(model.rememberedEndpoint("gpt-5-pro")).contains(Endpoint.RESPONSES);
		return model;
	}

	@Test
	void aCallForgetsARememberedEndpointThatNoLongerServesTheModel() {
		RelayChatModel model = rememberingResponses(router());

		// the gateway is reconfigured: the model now lives on chat only
		answers("/v1/responses", 404, modelNotFound());
		answers("/v1/chat/completions", 200, Fixtures.response("openai-text-usage-details.json"));
		ChatResponse healed = model.call(new Prompt("hi"));
		assertThat((String) healed.getMetadata().get(ChatExchange.ENDPOINT_KEY)).isEqualTo("/v1/chat/completions");
		assertThat(healed.getResult().getOutput().getText()).startsWith("**Holiday Name:** Galaxy Day");
		assertThat(model.rememberedEndpoint("gpt-5-pro")).isEmpty();

		model.call(new Prompt("hi"));
		assertThat(bodies("/v1/responses")).as("asked once before, once when it refused").hasSize(2);
		assertThat(bodies("/v1/chat/completions")).as("the first probe, the re-probe, the next call").hasSize(3);
	}

	@Test
	void aStreamForgetsARememberedEndpointThatSaysTheModelIsAChatModel() {
		chatAnswers(400, RIX_NOT_CHAT);
		streams("/v1/completions", Fixtures.stream("openai-completions-legacy-text.sse"));
		RelayChatModel model = model("gpt-5.2-pro", router());
		model.stream(new Prompt("hi")).collectList().block(Duration.ofSeconds(30));
		assertThat(model.rememberedEndpoint("gpt-5.2-pro")).contains(Endpoint.COMPLETIONS);

		answers("/v1/completions", 404, isAChatModel());
		streams("/v1/chat/completions", Fixtures.stream("openai-chat-text-usage.sse"));
		List<ChatResponse> healed = model.stream(new Prompt("hi")).collectList().block(Duration.ofSeconds(30));
		assertThat(text(healed)).startsWith("I'm unable to provide real-time weather updates.");
		assertThat(model.rememberedEndpoint("gpt-5.2-pro")).isEmpty();
	}

	@Test
	void aRefusalOfTheReProbeIsThrownNotProbedAgain() {
		RelayChatModel model = rememberingResponses(router());

		// the model is gone from the gateway altogether
		answers("/v1/responses", 404, modelNotFound());
		chatAnswers(404, modelNotFound());
		assertThatThrownBy(() -> model.call(new Prompt("hi"))).isInstanceOf(RelayAiException.class)
			.hasMessageContaining("gpt-4o");
		assertThat(bodies("/v1/responses")).hasSize(2);
		assertThat(bodies("/v1/chat/completions")).hasSize(2);
	}

	@Test
	void aPinnedEndpointIsNeverReProbed() {
		answers("/v1/completions", 404, isAChatModel());
		RelayChatModel model = model("gpt-4o", router().pin("gpt-4o", Endpoint.COMPLETIONS));
		assertThatThrownBy(() -> model.call(new Prompt("hi"))).isInstanceOf(RelayAiException.class);
		assertThatThrownBy(() -> model.stream(new Prompt("hi")).blockLast(Duration.ofSeconds(30)))
			.isInstanceOf(RelayAiException.class);
		assertThat(bodies("/v1/completions")).hasSize(2);
		assertThat(bodies("/v1/chat/completions")).isEmpty();
	}

}
