package io.github.relayai.endpoint;

import io.github.relayai.options.RelayChatOptions;
import io.github.relayai.options.ResponseFormat;
import io.github.relayai.testsupport.OpenAiSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.function.FunctionToolCallback;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one options → body mapping: every option lands where each endpoint takes it, and
 * every body is valid against OpenAI's OpenAPI document.
 */
class OptionsBodyTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
			+ "\"required\":[\"city\"],\"additionalProperties\":false}";

	record Country(String country) {
	}

	private static RelayChatOptions.Builder everything() {
		ToolCallback capital = FunctionToolCallback.builder("get_capital", (Country country) -> "Paris")
			.description("The capital of a country")
			.inputType(Country.class)
			.build();
		return RelayChatOptions.builder()
			.model("m")
			.temperature(0.2)
			.maxTokens(100)
			.maxCompletionTokens(200)
			.stopSequences(List.of("END"))
			.seed(7L)
			.user("u-1")
			.reasoningEffort("low")
			.verbosity("low")
			.topLogprobs(2)
			.logitBias(Map.of("50256", -100))
			.metadata(Map.of("tenant", "acme"))
			.responseFormat(ResponseFormat.jsonSchema("city", SCHEMA))
			.toolCallbacks(List.of(capital))
			.toolChoice("get_capital")
			.parallelToolCalls(false)
			.streamUsage(true);
	}

	private static ObjectNode body(RelayChatOptions options, Endpoint endpoint, boolean stream) {
		ObjectNode body = JSON.createObjectNode().put("model", "m");
		if (endpoint == Endpoint.COMPLETIONS) {
			body.put("prompt", "User: hi\n\nAssistant:");
		}
		else if (endpoint == Endpoint.CHAT) {
			body.putArray("messages").addObject().put("role", "user").put("content", "hi");
		}
		else {
			body.put("input", "hi");
		}
		new OptionsBody(JSON).write(body, options, endpoint, stream);
		return body;
	}

	@Test
	void chatGetsEveryOptionUnderItsChatName() {
		ObjectNode body = body(everything().build(), Endpoint.CHAT, true);
		OpenAiSpec.assertValid("CreateChatCompletionRequest", body.toString());
		assertThat(body.get("max_tokens").asInt()).isEqualTo(100);
		assertThat(body.get("max_completion_tokens").asInt()).isEqualTo(200);
		assertThat(body.get("reasoning_effort").stringValue()).isEqualTo("low");
		assertThat(body.get("verbosity").stringValue()).isEqualTo("low");
		assertThat(body.get("stream_options").get("include_usage").asBoolean()).isTrue();
		assertThat(body.get("response_format").get("json_schema").get("name").stringValue()).isEqualTo("city");
		assertThat(body.get("tools").get(0).get("function").get("name").stringValue()).isEqualTo("get_capital");
		assertThat(body.get("tool_choice").get("function").get("name").stringValue()).isEqualTo("get_capital");
		assertThat(body.get("parallel_tool_calls").asBoolean()).isFalse();
		assertThat(body.get("stop").get(0).stringValue()).isEqualTo("END");
	}

	@Test
	void responsesNestWhatTheResponsesApiNests() {
		ObjectNode body = body(everything().build(), Endpoint.RESPONSES, true);
		OpenAiSpec.assertValid("CreateResponse", body.toString());
		assertThat(body.get("max_output_tokens").asInt()).isEqualTo(200);
		assertThat(body.get("reasoning").get("effort").stringValue()).isEqualTo("low");
		JsonNode text = body.get("text");
		assertThat(text.get("verbosity").stringValue()).isEqualTo("low");
		assertThat(text.get("format").get("name").stringValue()).isEqualTo("city");
		assertThat(body.get("tools").get(0).get("name").stringValue()).isEqualTo("get_capital");
		assertThat(body.get("tool_choice").get("name").stringValue()).isEqualTo("get_capital");
		assertThat(body.has("stream_options")).isFalse();
		assertThat(body.has("stop")).isFalse();
		assertThat(body.has("logit_bias")).isFalse();
		assertThat(body.has("seed")).isFalse();
	}

	@Test
	void completionsTakeOnlyWhatAPlainPromptCanCarry() {
		ObjectNode body = body(everything().toolCallbacks(List.of()).build(), Endpoint.COMPLETIONS, true);
		OpenAiSpec.assertValid("CreateCompletionRequest", body.toString());
		assertThat(body.get("max_tokens").asInt()).isEqualTo(100);
		assertThat(body.get("logit_bias").get("50256").asInt()).isEqualTo(-100);
		assertThat(body.get("stream_options").get("include_usage").asBoolean()).isTrue();
		assertThat(body.has("max_completion_tokens")).isFalse();
		assertThat(body.has("response_format")).isFalse();
		assertThat(body.has("reasoning_effort")).isFalse();
		assertThat(body.has("metadata")).isFalse();
	}

	@Test
	void theOutputLimitFallsBackToTheOtherTokenOption() {
		RelayChatOptions onlyCompletion = RelayChatOptions.builder().maxCompletionTokens(50).build();
		assertThat(body(onlyCompletion, Endpoint.COMPLETIONS, false).get("max_tokens").asInt()).isEqualTo(50);
		RelayChatOptions onlyMax = RelayChatOptions.builder().maxTokens(60).build();
		assertThat(body(onlyMax, Endpoint.RESPONSES, false).get("max_output_tokens").asInt()).isEqualTo(60);
	}

	@Test
	void theExtraBodyWinsAndNothingUnsetIsWritten() {
		RelayChatOptions options = RelayChatOptions.builder()
			.temperature(0.5)
			.extraBody(Map.of("temperature", 0.9, "top_k", 20))
			.build();
		for (Endpoint endpoint : Endpoint.values()) {
			ObjectNode body = body(options, endpoint, false);
			assertThat(body.get("temperature").asDouble()).isEqualTo(0.9);
			assertThat(body.get("top_k").asInt()).isEqualTo(20);
			assertThat(body.has("stream")).isFalse();
			assertThat(body.has("user")).isFalse();
		}
	}

}
