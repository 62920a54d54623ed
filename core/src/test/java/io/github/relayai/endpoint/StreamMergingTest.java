package io.github.relayai.endpoint;

import io.github.relayai.error.ProviderErrorClassifier;
import io.github.relayai.http.SseDecoder.SseEvent;
import io.github.relayai.http.RecordedEvents;
import io.github.relayai.testsupport.Fixtures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deltas that arrive in one network read are delivered as one response: the answer must
 * stay exactly the same, choice by choice, whatever the reads were.
 */
class StreamMergingTest {

	private static final ChatCompletionReader READER = new ChatCompletionReader(JsonMapper.builder().build());

	static Stream<String> chatStreams() {
		return Fixtures.streamNames().stream().filter(name -> !name.contains("responses") && !name.contains("error"));
	}

	private static List<SseEvent> events(String name) {
		return RecordedEvents.parse(Fixtures.streamBytes(name));
	}

	/** Decodes the events as if {@code perRead} of them arrived in each network read. */
	private static List<ChatResponse> decode(List<SseEvent> events, boolean merge, int perRead) {
		StreamAssembler assembler = new StreamAssembler(READER, new ProviderErrorClassifier(), "m",
				"/v1/chat/completions", merge, false);
		List<ChatResponse> responses = new ArrayList<>();
		for (int i = 0; i < events.size(); i++) {
			responses.addAll(assembler.accept(events.get(i)));
			if ((i + 1) % perRead == 0) {
				responses.addAll(assembler.flush());
			}
		}
		responses.addAll(assembler.flush());
		responses.addAll(assembler.end());
		return responses;
	}

	/**
	 * Per choice index: text, reasoning, tool calls and finish reasons, as a subscriber
	 * would add them up.
	 */
	private static Map<Object, List<String>> answer(List<ChatResponse> responses) {
		Map<Object, StringBuilder[]> byChoice = new LinkedHashMap<>();
		for (ChatResponse response : responses) {
			for (Generation generation : response.getResults()) {
				AssistantMessage message = generation.getOutput();
				StringBuilder[] parts = byChoice.computeIfAbsent(message.getMetadata().get("index"),
						i -> new StringBuilder[] { new StringBuilder(), new StringBuilder(), new StringBuilder(),
								new StringBuilder() });
				parts[0].append(message.getText());
				parts[1].append(message.getMetadata().get("reasoningContent"));
				message.getToolCalls().forEach(parts[2]::append);
				String finish = generation.getMetadata().getFinishReason();
				parts[3].append((finish != null) ? finish : "");
			}
		}
		Map<Object, List<String>> answer = new LinkedHashMap<>();
		byChoice.forEach((index, parts) -> answer.put(index, Stream.of(parts).map(StringBuilder::toString).toList()));
		return answer;
	}

	@ParameterizedTest
	@MethodSource("chatStreams")
	void theAnswerIsTheSameWhateverArrivesTogether(String name) {
		List<SseEvent> events = events(name);
		List<ChatResponse> perChunk = decode(events, false, 1);
		Map<Object, List<String>> expected = answer(perChunk);
		for (int perRead : new int[] { 1, 2, 3, 7, events.size() }) {
			List<ChatResponse> merged = decode(events, true, perRead);
			assertThat(answer(merged)).as("%s, %d events per read", name, perRead).isEqualTo(expected);
			assertThat(merged.size()).isLessThanOrEqualTo(perChunk.size());
		}
		assertThat(decode(events, true, 1)).as("one event per read merges nothing").hasSameSizeAs(perChunk);
		assertThat(usage(decode(events, true, events.size()))).isEqualTo(usage(perChunk));
	}

	private static List<Integer> usage(List<ChatResponse> responses) {
		return responses.stream()
			.map(r -> r.getMetadata().getUsage())
			.filter(usage -> !(usage instanceof org.springframework.ai.chat.metadata.EmptyUsage))
			.map(org.springframework.ai.chat.metadata.Usage::getTotalTokens)
			.toList();
	}

	@Test
	void aBurstOfContentChunksBecomesOneResponseAndTheUsageChunkStaysApart() {
		List<SseEvent> events = events("openai-chat-text-usage.sse");
		List<ChatResponse> perChunk = decode(events, false, 1);
		List<ChatResponse> merged = decode(events, true, events.size());
		assertThat(perChunk).hasSizeGreaterThan(10);
		assertThat(merged).hasSize(2);
		assertThat(merged.get(0).getResult().getOutput().getText())
			.isEqualTo(perChunk.stream().map(StreamMergingTest::text).reduce("", String::concat));
		assertThat(merged.get(0).getResult().getMetadata().getFinishReason()).isEqualTo("STOP");
		assertThat(merged.get(1).getMetadata().getUsage().getTotalTokens()).isEqualTo(44);
	}

	private static String text(ChatResponse response) {
		return (response.getResult() != null) ? response.getResult().getOutput().getText() : "";
	}

}
