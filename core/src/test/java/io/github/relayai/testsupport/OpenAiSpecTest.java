package io.github.relayai.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class OpenAiSpecTest {

	private static final String CHAT = "CreateChatCompletionRequest";

	private static final String COMPLETION = "CreateCompletionRequest";

	private static final String RESPONSE = "CreateResponse";

	@Test
	void minimalBodiesAreValid() {
		OpenAiSpec.assertValid(CHAT,
				"{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
		OpenAiSpec.assertValid(COMPLETION, "{\"model\":\"gpt-3.5-turbo-instruct\",\"prompt\":\"hi\"}");
		OpenAiSpec.assertValid(RESPONSE, "{\"model\":\"gpt-4o\",\"input\":\"hi\"}");
	}

	@Test
	void richChatBodyWithNullsToolsAndStreamOptionsIsValid() {
		String body = """
				{"model":"gpt-4o-mini",
				 "messages":[
				   {"role":"system","content":"be brief"},
				   {"role":"user","content":[{"type":"text","text":"weather?"}]},
				   {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
				     "function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
				   {"role":"tool","tool_call_id":"call_1","content":"sunny"}],
				 "temperature":null,"top_p":0.9,"n":1,"stop":null,"max_completion_tokens":100,
				 "frequency_penalty":null,"stream":true,"stream_options":{"include_usage":true},
				 "tools":[{"type":"function","function":{"name":"get_weather","description":"d",
				   "parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}],
				 "tool_choice":"auto","parallel_tool_calls":true,
				 "response_format":{"type":"json_object"},"seed":1,"user":"u"}
				""";
		OpenAiSpec.assertValid(CHAT, body);
	}

	@Test
	void wrongTypeFails() {
		Set<String> v = OpenAiSpec.violations(CHAT,
				"{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":\"hot\"}");
		assertThat(v).isNotEmpty().anySatisfy(s -> assertThat(s).contains("/temperature:").contains("string"));
	}

	@Test
	void missingRequiredFieldFails() {
		Set<String> v = OpenAiSpec.violations(CHAT, "{\"model\":\"gpt-4o-mini\"}");
		assertThat(v).anySatisfy(s -> assertThat(s).contains("required property 'messages' not found"));
	}

	@Test
	void unknownRoleFails() {
		Set<String> v = OpenAiSpec.violations(CHAT,
				"{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"wizard\",\"content\":\"hi\"}]}");
		assertThat(v).isNotEmpty().anySatisfy(s -> assertThat(s).contains("/messages/0:"));
		assertThat(v).anySatisfy(s -> assertThat(s).contains("/messages/0/role").contains("enum"));
	}

	@Test
	void badEnumFails() {
		Set<String> v = OpenAiSpec.violations(CHAT,
				"{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"reasoning_effort\":\"extreme\"}");
		assertThat(v).anySatisfy(s -> assertThat(s).contains("/reasoning_effort:").contains("enum"));
	}

	@Test
	void additionalPropertiesFalseIsHonoured() {
		// ChatCompletionStreamOptions is open, but FunctionObject-like nested objects of
		// the
		// Responses API are closed; CompoundFilter / ComparisonFilter set
		// additionalProperties:false.
		Set<String> v = OpenAiSpec.violations("ComparisonFilter",
				"{\"type\":\"eq\",\"key\":\"k\",\"value\":\"v\",\"surprise\":1}");
		assertThat(v).anySatisfy(s -> assertThat(s).contains("surprise"));
		assertThat(OpenAiSpec.violations("ComparisonFilter", "{\"type\":\"eq\",\"key\":\"k\",\"value\":\"v\"}"))
			.isEmpty();
	}

	@Test
	void recursiveCompoundFilterIsResolved() {
		String nested = """
				{"type":"and","filters":[{"type":"eq","key":"a","value":1},
				  {"type":"or","filters":[{"type":"eq","key":"b","value":"x"}]}]}""";
		assertThat(OpenAiSpec.violations("CompoundFilter", nested)).isEmpty();
		String badNested = """
				{"type":"and","filters":[{"type":"or","filters":[{"type":"eq","key":"b"}]}]}""";
		assertThat(OpenAiSpec.violations("CompoundFilter", badNested)).isNotEmpty();
	}

	@Test
	void otherSchemasFailToo() {
		assertThat(OpenAiSpec.violations(COMPLETION,
				"{\"model\":\"gpt-3.5-turbo-instruct\",\"prompt\":\"hi\",\"max_tokens\":\"ten\"}"))
			.anySatisfy(s -> assertThat(s).contains("/max_tokens:"));
		assertThat(OpenAiSpec.violations(RESPONSE, "{\"model\":\"gpt-4o\",\"input\":42}"))
			.anySatisfy(s -> assertThat(s).contains("/input:"));
	}

	@Test
	void assertValidListsEveryViolation() {
		assertThatThrownBy(() -> OpenAiSpec.assertValid(CHAT,
				"{\"model\":\"gpt-4o-mini\",\"temperature\":\"hot\",\"reasoning_effort\":\"extreme\"}"))
			.isInstanceOf(AssertionFailedError.class)
			.hasMessageContaining(CHAT)
			.hasMessageContaining("messages")
			.hasMessageContaining("/temperature:")
			.hasMessageContaining("/reasoning_effort:");
	}

	@Test
	void unknownSchemaAndBadJsonAreRejected() {
		assertThatThrownBy(() -> OpenAiSpec.violations("NoSuchSchema", "{}"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> OpenAiSpec.violations(CHAT, "{not json")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void validationIsFastOnceCompiled() {
		String body = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
		OpenAiSpec.assertValid(CHAT, body);
		long start = System.nanoTime();
		for (int i = 0; i < 200; i++) {
			assertThat(OpenAiSpec.violations(CHAT, body)).isEmpty();
		}
		assertThat((System.nanoTime() - start) / 1_000_000).as("ms for 200 validations").isLessThan(5_000);
	}

	@Test
	void nullableIsNormalisedTo202012() throws Exception {
		ObjectMapper mapper = new ObjectMapper();
		JsonNode typed = OpenAiSpec.normalise(
				mapper.readTree("{\"type\":\"string\",\"enum\":[\"a\"],\"nullable\":true,\"x-oaiMeta\":{}}"), "X");
		assertThat(typed.toString()).isEqualTo("{\"type\":[\"string\",\"null\"],\"enum\":[\"a\",null]}");
		JsonNode ref = OpenAiSpec
			.normalise(mapper.readTree("{\"allOf\":[{\"$ref\":\"#/components/schemas/Y\"},{\"nullable\":true}]}"), "X");
		assertThat(ref.toString())
			.isEqualTo("{\"anyOf\":[{\"type\":\"null\"},{\"allOf\":[{\"$ref\":\"#/components/schemas/Y\"}]}]}");
		JsonNode exclusive = OpenAiSpec.normalise(mapper.readTree(
				"{\"type\":\"number\",\"minimum\":0,\"exclusiveMinimum\":true,\"properties\":{\"example\":{\"type\":\"string\"}}}"),
				"X");
		assertThat(exclusive.toString()).isEqualTo(
				"{\"type\":\"number\",\"exclusiveMinimum\":0,\"properties\":{\"example\":{\"type\":\"string\"}}}");
	}

}
