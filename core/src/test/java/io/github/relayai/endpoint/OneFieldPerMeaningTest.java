package io.github.relayai.endpoint;

import io.github.relayai.options.RelayChatOptions;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.github.relayai.testsupport.Fixtures;
import io.github.relayai.testsupport.Gateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real captures of hosts that send one meaning under two spellings, or reasoning inside
 * the content, streamed and called over real HTTP (see {@code streams/SOURCES.md} and
 * {@code responses/SOURCES.md}).
 */
class OneFieldPerMeaningTest {

	@RegisterExtension
	static final Gateway gateway = new Gateway();

	private static final String PATH = "/v1/chat/completions";

	private static final String THINK_STREAM = "huggingface-together-deepseek-r1-think-text.sse";

	private List<ChatResponse> stream(String fixture, RelayChatOptions options) {
		gateway.stubStream(PATH, Fixtures.streamBytes(fixture));
		return gateway.model().stream(new Prompt("hi", options)).collectList().block(Duration.ofSeconds(30));
	}

	private static String text(List<ChatResponse> responses) {
		StringBuilder text = new StringBuilder();
		generations(responses).forEach(g -> text.append(Objects.toString(g.getOutput().getText(), "")));
		return text.toString();
	}

	private static String reasoning(List<ChatResponse> responses) {
		StringBuilder text = new StringBuilder();
		generations(responses)
			.forEach(g -> text.append(Objects.toString(g.getOutput().getMetadata().get("reasoningContent"), "")));
		return text.toString();
	}

	private static List<Generation> generations(List<ChatResponse> responses) {
		return responses.stream().flatMap(r -> r.getResults().stream()).toList();
	}

	@Test
	void legacyTextBesideDeltaContentIsReadOnce() {
		List<ChatResponse> responses = stream(THINK_STREAM, RelayChatOptions.builder().build());
		String text = text(responses);
		assertThat(text).startsWith("<think>\nOkay, the user asked").endsWith("it could save your life! 🌟");
		assertThat(text).hasSize(4004);
		assertThat(text.split("<think>", -1)).as("the tag once, not once per spelling").hasSize(2);
		assertThat(reasoning(responses)).as("off by default").isEmpty();
	}

	@Test
	void reasoningTagsMoveTheThinkingOfAStreamToTheReasoning() {
		for (boolean merge : new boolean[] { true, false }) {
			List<ChatResponse> responses = stream(THINK_STREAM,
					RelayChatOptions.builder().reasoningTags(true).mergeStreamDeltas(merge).build());
			assertThat(text(responses)).as("merge %s", merge)
				.startsWith("Crossing the street safely requires attention")
				.endsWith("it could save your life! 🌟")
				.hasSize(2558)
				.doesNotContain("think>");
			assertThat(reasoning(responses)).startsWith("Okay, the user asked \"How do I cross the street?\"")
				.endsWith("don't sound like a paranoid robot.\n")
				.hasSize(1429);
		}
	}

	@Test
	void reasoningTagsMoveTheThinkingOfAWholeAnswerToTheReasoning() {
		gateway.stubJson(PATH, 200, Fixtures.response("huggingface-together-deepseek-r1-think.json"));
		ChatResponse off = gateway.model().call(new Prompt("hi"));
		assertThat(off.getResult().getOutput().getText()).startsWith("<think>\nOkay, the user asked");
		ChatResponse on = gateway.model()
			.call(new Prompt("hi", RelayChatOptions.builder().reasoningTags(true).build()));
		assertThat(on.getResult().getOutput().getText()).startsWith("Crossing the street safely requires **aw")
			.hasSize(2806);
		assertThat(on.getResult().getOutput().getMetadata().get("reasoningContent").toString())
			.startsWith("Okay, the user asked \"How do I cross the street?\"")
			.endsWith("Lives depend on it.\n")
			.hasSize(1481);
	}

	/**
	 * A real chunk of StepFun's {@code api.stepfun.com}, quoted in
	 * https://github.com/MoonshotAI/kimi-code/issues/3928 (comment of 2026-09-20,
	 * "verified with raw SSE capture"); see streams/SOURCES.md.
	 */
	private static final String STEPFUN_CHUNK = "{\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\","
			+ "\"reasoning\":\"The\",\"reasoning_content\":\"The\"}}]}";

	@Test
	void mirroredReasoningIsReadOnce() {
		byte[] chunk = STEPFUN_CHUNK.getBytes(StandardCharsets.UTF_8);
		ChatCompletionReader.Completion read = new ChatCompletionReader(JsonMapper.builder().build()).read(chunk, 0,
				chunk.length);
		StringBuilder text = new StringBuilder();
		StringBuilder reasoning = new StringBuilder();
		read.choices().get(0).appendText(text, reasoning, read.header().legacy());
		assertThat(reasoning.toString()).isEqualTo("The");
		assertThat(text.toString()).isEmpty();
	}

	@Test
	void anEmptyReasoningContentGivesWayToTheNextSpelling() {
		byte[] chunk = "{\"choices\":[{\"delta\":{\"reasoning_content\":\"\",\"reasoning\":\"b\"}}]}"
			.getBytes(StandardCharsets.UTF_8);
		ChatCompletionReader.Completion read = new ChatCompletionReader(JsonMapper.builder().build()).read(chunk, 0,
				chunk.length);
		StringBuilder reasoning = new StringBuilder();
		read.choices().get(0).appendText(new StringBuilder(), reasoning, false);
		assertThat(reasoning.toString()).isEqualTo("b");
	}

	@Test
	void reasoningDetailsAreTheLastResort() {
		List<ChatResponse> responses = stream("snowflake-claude-reasoning-details.sse",
				RelayChatOptions.builder().build());
		assertThat(reasoning(responses)).isEqualTo("15 * 27 = 405");
		assertThat(text(responses)).startsWith("15 × 27 = **405**\n\nHere's the breakdown:").hasSize(93);
		List<ChatResponse> openRouter = stream("openrouter-claude-reasoning.sse", RelayChatOptions.builder().build());
		assertThat(reasoning(openRouter)).as("reasoning and reasoning_details carry the same text")
			.isEqualTo("This is a simple arithmetic question. 2+2 equals 4.");
	}

	@Test
	void capturesOfFurtherHosts() {
		RelayChatOptions none = RelayChatOptions.builder().build();
		List<ChatResponse> zai = stream("zai-glm-reasoning-content.sse", none);
		assertThat(text(zai)).isEqualTo("4");
		assertThat(reasoning(zai)).startsWith("\n1.  **Analyze the User's Request:**").hasSize(2173);
		List<ChatResponse> alibaba = stream("alibaba-qwen3-max-reasoning.sse", none);
		assertThat(text(alibaba)).startsWith("The word **\"strawberry\"** contains **3**").hasSize(816);
		assertThat(reasoning(alibaba)).startsWith("We are asked: \"How many 'r's").hasSize(3301);
		List<ChatResponse> xai = stream("xai-grok-3-mini-reasoning.sse", none);
		assertThat(text(xai)).isEqualTo("Hello");
		assertThat(reasoning(xai)).isEqualTo("First, the user said");
		assertThat(text(stream("crusoe-llama-vllm-fields.sse", none))).isEqualTo("1, 2, 3, 4, 5");
		List<ChatResponse> perplexity = stream("perplexity-sonar-usage-every-chunk.sse", none);
		assertThat(text(perplexity)).isEqualTo("**EcoVista Day**[1][5]");
		assertThat(perplexity.get(perplexity.size() - 1).getMetadata().getUsage().getTotalTokens()).isEqualTo(445);
	}

}
