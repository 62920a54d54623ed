package io.github.relayai.endpoint;

import java.util.List;

import io.github.relayai.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Think tags split anywhere across chunks: the real content of a DeepSeek-R1 answer (see
 * {@code responses/SOURCES.md}) fed in pieces of every size splits as it does whole.
 */
class ThinkTagsTest {

	private static String content() {
		JsonNode answer = JsonMapper.builder()
			.build()
			.readTree(Fixtures.response("huggingface-together-deepseek-r1-think.json"));
		return answer.path("choices").path(0).path("message").path("content").stringValue();
	}

	private static List<String> split(String text, int piece) {
		ThinkTags tags = new ThinkTags();
		StringBuilder answer = new StringBuilder();
		StringBuilder reasoning = new StringBuilder();
		for (int i = 0; i < text.length(); i += piece) {
			tags.accept(text.substring(i, Math.min(text.length(), i + piece)), answer, reasoning);
		}
		tags.finish(answer, reasoning);
		return List.of(answer.toString(), reasoning.toString());
	}

	@Test
	void aTagSplitAcrossChunksIsStillATag() {
		String content = content();
		StringBuilder reasoning = new StringBuilder();
		String answer = ThinkTags.split(content, reasoning);
		assertThat(answer).startsWith("Crossing the street safely").doesNotContain("think>");
		assertThat(reasoning.toString()).startsWith("Okay, the user asked").endsWith("Lives depend on it.\n");
		List<String> whole = List.of(answer, reasoning.toString());
		for (int piece : new int[] { 1, 2, 3, 5, 7, 8, 9, 13 }) {
			assertThat(split(content, piece)).as("pieces of %d", piece).isEqualTo(whole);
		}
	}

	@Test
	void onlyABlockAtTheStartIsReasoning() {
		assertThat(split("Use <think> in prompts.", 4)).containsExactly("Use <think> in prompts.", "");
		assertThat(split(" \n<think>a</think>b<think>c</think>", 3)).containsExactly("b<think>c</think>", "a");
	}

	@Test
	void anUnfinishedTagIsText() {
		assertThat(split("<thi", 1)).containsExactly("<thi", "");
		assertThat(split("<think>still thinking</thi", 5)).containsExactly("", "still thinking</thi");
		assertThat(split("<b>bold</b>", 1)).containsExactly("<b>bold</b>", "");
	}

}
