package io.github.relayai.options;

import io.github.relayai.chat.RelayChatModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import io.github.relayai.http.RelayHttpClient;
import io.github.relayai.resilience.ResiliencePolicy;
import io.github.relayai.routing.EndpointRouter;
import io.github.relayai.testsupport.Fixtures;
import io.github.relayai.testsupport.Gateway;
import io.github.relayai.testsupport.LogCapture;
import io.github.relayai.testsupport.OpenAiSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.prompt.Prompt;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The typed OpenAI options: validated before sending, sent only when set and only where
 * the endpoint takes them, each body checked against OpenAI's OpenAPI document.
 */
class TypedOptionsTest {

	@RegisterExtension
	static final Gateway gateway = new Gateway();

	@RegisterExtension
	final LogCapture logs = new LogCapture();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static RelayChatOptions.Builder all() {
		return RelayChatOptions.builder()
			.logprobs(true)
			.topLogprobs(3)
			.logitBias(Map.of("50256", -100))
			.metadata(Map.of("tenant", "acme"))
			.store(false)
			.serviceTier("flex")
			.verbosity("low")
			.promptCacheKey("report-v1")
			.safetyIdentifier("user-7f3a");
	}

	private JsonNode sent(RelayChatOptions options, String path, String schema) {
		gateway.stubJson("/v1/chat/completions", 200, Fixtures.response("openai-text-usage-details.json"));
		gateway.model().call(new Prompt("hi", options));
		String body = gateway.requests().get(gateway.requests().size() - 1).getBodyAsString();
		OpenAiSpec.assertValid(schema, body);
		return JSON.readTree(body);
	}

	@Test
	void chatCompletionsGetEveryTypedField() {
		JsonNode body = sent(all().build(), "/v1/chat/completions", "CreateChatCompletionRequest");
		assertThat(body.get("logprobs").asBoolean()).isTrue();
		assertThat(body.get("top_logprobs").asInt()).isEqualTo(3);
		assertThat(body.get("logit_bias").get("50256").asInt()).isEqualTo(-100);
		assertThat(body.get("metadata").get("tenant").stringValue()).isEqualTo("acme");
		assertThat(body.get("store").isBoolean()).isTrue();
		assertThat(body.get("service_tier").stringValue()).isEqualTo("flex");
		assertThat(body.get("verbosity").stringValue()).isEqualTo("low");
		assertThat(body.get("prompt_cache_key").stringValue()).isEqualTo("report-v1");
		assertThat(body.get("safety_identifier").stringValue()).isEqualTo("user-7f3a");
	}

	@Test
	void theResponsesApiGetsTheFieldsItTakes() {
		// a real answer: the response of a captured Responses stream's response.completed
		String completed = Fixtures.stream("responses-text.sse")
			.lines()
			.filter(line -> line.startsWith("data: ") && line.contains("\"type\":\"response.completed\""))
			.findFirst()
			.orElseThrow();
		gateway.stubJson("/v1/responses", 200, JSON.readTree(completed.substring(6)).get("response").toString());
		RelayHttpClient http = RelayHttpClient.builder().baseUrl(gateway.baseUrl() + "/v1").apiKey("sk-test").build();
		RelayChatModel.builder()
			.httpClient(http)
			.routing(EndpointRouter.builder().discovery(false))
			.resilience(ResiliencePolicy.NONE)
			.defaultOptions(RelayChatOptions.builder().model("gpt-4o").build())
			.build()
			.call(new Prompt("hi", all().endpoint("responses").build()));
		String sent = gateway.requests().get(0).getBodyAsString();
		OpenAiSpec.assertValid("CreateResponse", sent);
		JsonNode body = JSON.readTree(sent);
		assertThat(body.get("text").get("verbosity").stringValue()).isEqualTo("low");
		assertThat(body.get("top_logprobs").asInt()).isEqualTo(3);
		assertThat(body.get("service_tier").stringValue()).isEqualTo("flex");
		assertThat(body.get("safety_identifier").stringValue()).isEqualTo("user-7f3a");
		assertThat(body.has("logit_bias")).isFalse();
		assertThat(body.has("logprobs")).isFalse();
	}

	@Test
	void nothingIsSentThatIsNotSet() {
		JsonNode body = sent(RelayChatOptions.builder().build(), "/v1/chat/completions", "CreateChatCompletionRequest");
		assertThat(body.properties().stream().map(Map.Entry::getKey)).doesNotContain("logprobs", "top_logprobs",
				"logit_bias", "metadata", "store", "service_tier", "verbosity", "prompt_cache_key",
				"safety_identifier");
	}

	@Test
	void wrongValuesFailBeforeAnythingIsSent() {
		List<RelayChatOptions> wrong = List.of(all().serviceTier("turbo").build(), all().verbosity("loud").build(),
				all().topLogprobs(21).build(), all().logprobs(null).build(),
				all().logitBias(Map.of("hello", 1)).build(), all().logitBias(Map.of("1", 101)).build(),
				all().metadata(manyPairs()).build(), all().safetyIdentifier("x".repeat(65)).build(),
				all().reasoningEffort("extreme").build());
		for (RelayChatOptions options : wrong) {
			assertThatIllegalArgumentException().isThrownBy(() -> gateway.model().call(new Prompt("hi", options)))
				.withMessageContaining("spring.ai.relay.chat.options.");
		}
		assertThat(gateway.requests()).isEmpty();
	}

	private static Map<String, String> manyPairs() {
		Map<String, String> pairs = new LinkedHashMap<>();
		IntStream.range(0, 17).forEach(i -> pairs.put("k" + i, "v"));
		return pairs;
	}

	@Test
	void theAcceptedValuesAreTheOpenApiDocumentsOnes() {
		JsonNode schemas = JSON.readTree(OpenAiSpec.open()).get("components").get("schemas");
		assertThat(OptionsCheck.REASONING_EFFORTS).isEqualTo(enumOf(schemas.get("ReasoningEffort")));
		assertThat(OptionsCheck.SERVICE_TIERS).isEqualTo(enumOf(schemas.get("ServiceTier")));
		assertThat(OptionsCheck.VERBOSITIES).isEqualTo(enumOf(schemas.get("Verbosity")));
	}

	private static Set<String> enumOf(JsonNode schema) {
		Set<String> values = new TreeSet<>();
		schema.findValues("enum").forEach(list -> list.forEach(value -> values.add(value.stringValue())));
		return values;
	}

	@Test
	void anExtraBodyKeyThatReplacesATypedFieldWinsAndIsLoggedOnce() {
		RelayChatOptions options = all().extraBody(Map.of("service_tier", "priority")).build();
		JsonNode first = sent(options, "/v1/chat/completions", "CreateChatCompletionRequest");
		sent(options, "/v1/chat/completions", "CreateChatCompletionRequest");
		assertThat(first.get("service_tier").stringValue()).isEqualTo("priority");
		assertThat(this.logs.events()
			.stream()
			.filter(event -> event.getLevel() == Level.WARN && event.getFormattedMessage().contains("'service_tier'")))
			.hasSize(1);
	}

}
