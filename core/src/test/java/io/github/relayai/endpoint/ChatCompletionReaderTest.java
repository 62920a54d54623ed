package io.github.relayai.endpoint;

import io.github.relayai.endpoint.ChatCompletionReader.Choice;
import io.github.relayai.endpoint.ChatCompletionReader.Completion;
import io.github.relayai.http.SseDecoder.SseEvent;
import io.github.relayai.http.RecordedEvents;
import io.github.relayai.testsupport.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.EmptyUsage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The streaming reader against the JSON tree: for every chunk of every real chat stream,
 * and every real whole answer, it must read what the tree-based helpers read from the
 * same bytes.
 */
class ChatCompletionReaderTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ChatCompletionReader reader = new ChatCompletionReader(JSON);

	static Stream<String> chatStreams() {
		return Fixtures.streamNames().stream().filter(name -> !name.contains("responses"));
	}

	@ParameterizedTest
	@MethodSource("chatStreams")
	void everyChunkOfARealStreamReadsAsItsTree(String name) {
		List<SseEvent> events = RecordedEvents.parse(Fixtures.streamBytes(name));
		int compared = 0;
		for (SseEvent event : events) {
			if (event.isJson() && !event.isDone()) {
				assertReadsAsTree(event.readData(this.reader::read), JSON.readTree(event.data()), "delta");
				compared++;
			}
		}
		assertThat(compared).as(name).isPositive();
	}

	static List<String> answers() {
		return Fixtures.responseNames();
	}

	@ParameterizedTest
	@MethodSource("answers")
	void aRealWholeAnswerReadsAsItsTree(String name) {
		byte[] bytes = Fixtures.response(name).getBytes(StandardCharsets.UTF_8);
		assertReadsAsTree(this.reader.read(bytes, 0, bytes.length), JSON.readTree(bytes), "message");
	}

	private static void assertReadsAsTree(Completion read, JsonNode root, String messageField) {
		ChatResponseMetadata expected = ChatResponses.metadata(root, new EmptyUsage(), "/p");
		ChatResponseMetadata actual = ChatResponses.metadata(read.header().id(), read.header().model(),
				read.header().reasoningTokens(), read.header().extras(), new EmptyUsage(), "/p");
		assertThat(entries(actual)).isEqualTo(entries(expected));
		assertThat(actual.getId()).isEqualTo(expected.getId());
		assertThat(actual.getModel()).isEqualTo(expected.getModel());
		assertThat(read.usage()).isEqualTo(root.get("usage") != null && root.get("usage").isObject()
				? ChatResponses.value(root.get("usage")) : null);
		assertThat(read.error()).isEqualTo(root.hasNonNull("error"));

		List<JsonNode> choices = new ArrayList<>();
		root.path("choices").forEach(choices::add);
		assertThat(read.choices()).hasSize(choices.size());
		for (int i = 0; i < choices.size(); i++) {
			JsonNode choice = choices.get(i);
			JsonNode message = choice.path(messageField);
			Choice actualChoice = read.choices().get(i);
			boolean legacy = "text_completion".equals(ChatResponses.text(root.get("object")));
			JsonNode first = legacy ? choice.get("text") : message.get("content");
			JsonNode second = legacy ? message.get("content") : choice.get("text");
			StringBuilder text = new StringBuilder();
			StringBuilder parts = new StringBuilder();
			ChatResponses.content(isEmpty(first) ? second : first, text, parts);
			String field = message.isObject() ? reasoning(message) : null;
			String reasoning = (field != null) ? field : parts.toString();
			StringBuilder actualText = new StringBuilder();
			StringBuilder actualReasoning = new StringBuilder();
			actualChoice.appendText(actualText, actualReasoning, read.header().legacy());
			assertThat(actualText.toString()).isEqualTo(text.toString());
			assertThat(actualReasoning.toString()).isEqualTo(reasoning);
			assertThat(actualChoice.index()).isEqualTo(choice.has("index") ? choice.get("index").asInt() : i);
			assertThat(actualChoice.finishReason()).isEqualTo(finishReason(choice));
			assertThat(actualChoice.refusal()).isEqualTo(ChatResponses.text(message.get("refusal")));
			JsonNode calls = message.get("tool_calls");
			assertThat(actualChoice.toolCalls()).isEqualTo((calls != null && calls.isArray()) ? calls : null);
		}
	}

	private static boolean isEmpty(JsonNode content) {
		return content == null || content.isNull() || (content.isString() && content.stringValue().isEmpty());
	}

	/**
	 * The reasoning text of a message or delta, read from its tree: the first non-empty
	 * string of the three fields, else the text of {@code reasoning_details}, else
	 * {@code null}.
	 */
	private static String reasoning(JsonNode message) {
		for (String field : new String[] { "reasoning_content", "reasoning", "thinking" }) {
			JsonNode value = message.get(field);
			if (value != null && value.isString() && !value.stringValue().isEmpty()) {
				return value.stringValue();
			}
		}
		StringBuilder details = new StringBuilder();
		for (JsonNode detail : message.path("reasoning_details")) {
			String type = detail.path("type").asString("");
			JsonNode value = type.equals("reasoning.text") ? detail.get("text")
					: type.equals("reasoning.summary") ? detail.get("summary") : null;
			if (value != null && value.isString()) {
				details.append(value.stringValue());
			}
		}
		return details.isEmpty() ? null : details.toString();
	}

	/**
	 * The finish reason read from the tree, upper-cased as Spring AI's OpenAI model does;
	 * empty is none.
	 */
	private static String finishReason(JsonNode choice) {
		String reason = ChatResponses.text(choice.get("finish_reason"));
		return (reason != null && !reason.isEmpty()) ? reason.toUpperCase(java.util.Locale.ROOT) : null;
	}

	private static Map<String, Object> entries(ChatResponseMetadata metadata) {
		Map<String, Object> entries = new HashMap<>();
		metadata.entrySet().forEach(entry -> entries.put(entry.getKey(), entry.getValue()));
		return entries;
	}

	@Test
	void reasoningContentIsPreferredWhereverItStands() {
		Completion read = read("{\"choices\":[{\"delta\":{\"thinking\":\"c\",\"reasoning\":\"b\","
				+ "\"reasoning_content\":\"a\"}}]}");
		StringBuilder text = new StringBuilder();
		StringBuilder reasoning = new StringBuilder();
		read.choices().get(0).appendText(text, reasoning, read.header().legacy());
		assertThat(reasoning.toString()).isEqualTo("a");
		assertThat(read.choices().get(0).index()).as("position when index is missing").isZero();
	}

	@Test
	void extraTopLevelFieldsBecomePlainJavaValues() {
		Completion read = read("{\"id\":\"x\",\"created\":1741569952,\"citations\":[\"https://a\",\"https://b\"],"
				+ "\"provider\":{\"name\":\"p\",\"ok\":true,\"n\":null},\"choices\":null,\"usage\":\"n/a\"}");
		assertThat(read.header().extras()).containsEntry("created", 1741569952)
			.containsEntry("citations", List.of("https://a", "https://b"));
		assertThat(read.header().extras().get("provider")).isEqualTo(mapWithNull());
		assertThat(read.hasChoices()).isFalse();
		assertThat(read.usage()).as("a usage that is not an object is ignored").isNull();
	}

	private static Map<String, Object> mapWithNull() {
		Map<String, Object> map = new java.util.LinkedHashMap<>();
		map.put("name", "p");
		map.put("ok", true);
		map.put("n", null);
		return map;
	}

	@Test
	void anythingButOneJsonObjectFails() {
		assertThatThrownBy(() -> read("[1]")).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> read("{} {}")).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> read("{\"choices\":[")).isInstanceOf(JacksonException.class);
	}

	private Completion read(String json) {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		return this.reader.read(bytes, 0, bytes.length);
	}

}
