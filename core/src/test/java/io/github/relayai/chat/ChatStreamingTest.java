package io.github.relayai.chat;

import ch.qos.logback.classic.Level;
import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.RelayAiException;
import io.github.relayai.options.RelayChatOptions;
import io.github.relayai.testsupport.Fixtures;
import io.github.relayai.testsupport.Gateway;
import io.github.relayai.testsupport.LogCapture;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.Prompt;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Streams real captured provider streams (see {@code streams/SOURCES.md}) through the
 * model over real HTTP and checks what a caller receives.
 */
class ChatStreamingTest {

	@RegisterExtension
	static final Gateway gateway = new Gateway();

	@RegisterExtension
	final LogCapture logs = new LogCapture();

	private static final String PATH = "/v1/chat/completions";

	private List<ChatResponse> stream(String fixture) {
		gateway.stubStream(PATH, Fixtures.streamBytes(fixture));
		return gateway.model().stream(new Prompt("hi")).collectList().block(Duration.ofSeconds(30));
	}

	private static String text(List<ChatResponse> responses, int index) {
		StringBuilder text = new StringBuilder();
		for (ChatResponse response : responses) {
			for (Generation generation : response.getResults()) {
				if (Objects.equals(generation.getOutput().getMetadata().get("index"), index)
						&& generation.getOutput().getText() != null) {
					text.append(generation.getOutput().getText());
				}
			}
		}
		return text.toString();
	}

	private static String property(List<ChatResponse> responses, String key) {
		StringBuilder value = new StringBuilder();
		responses.stream()
			.flatMap(r -> r.getResults().stream())
			.forEach(g -> value.append(Objects.toString(g.getOutput().getMetadata().get(key), "")));
		return value.toString();
	}

	private static List<AssistantMessage.ToolCall> toolCalls(List<ChatResponse> responses) {
		return responses.stream()
			.flatMap(r -> r.getResults().stream())
			.flatMap(g -> g.getOutput().getToolCalls().stream())
			.toList();
	}

	private static ChatResponse lastWithUsage(List<ChatResponse> responses) {
		return responses.stream()
			.filter(r -> r.getMetadata().getUsage().getTotalTokens() > 0)
			.reduce((a, b) -> b)
			.orElseThrow();
	}

	@Test
	void openAiTextWithRoleOnlyFirstChunkAndUsageOnlyFinalChunk() {
		List<ChatResponse> responses = stream("openai-chat-text-usage.sse");
		assertThat(text(responses, 0)).isEqualTo("I'm unable to provide real-time weather updates. To get the current "
				+ "weather in San Francisco, I recommend checking a reliable weather website or a weather app.");
		assertThat(lastWithUsage(responses).getMetadata().getUsage().getTotalTokens()).isEqualTo(44);
		assertThat(responses.stream()
			.flatMap(r -> r.getResults().stream())
			.map(g -> g.getMetadata().getFinishReason())
			.filter(Objects::nonNull)).containsExactly("STOP");
		gateway.server()
			.verify(postRequestedFor(urlPathEqualTo(PATH))
				.withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
				.withHeader("Authorization", equalTo("Bearer sk-test-gateway-key")));
	}

	@Test
	void azureEmptyChoicesPromptFilterChunkAndNoDone() {
		List<ChatResponse> responses = stream("azure-model-router-prompt-filter.sse");
		assertThat(text(responses, 0)).isEqualTo("Capital of Denmark.");
		assertThat(lastWithUsage(responses).getMetadata().getUsage().getTotalTokens()).isEqualTo(93);
		assertThat(lastWithUsage(responses).getMetadata().<Integer>get("reasoningTokens")).isEqualTo(64);
	}

	@Test
	void azureDocSampleWithChoiceWithoutDelta() {
		assertThat(text(stream("azure-async-filter-doc-sample.sse"), 0)).isEqualTo("Color is a");
	}

	@Test
	void everyDeltaFieldNullAndReasoningContent() {
		List<ChatResponse> responses = stream("azure-deepseek-null-delta-fields.sse");
		String text = text(responses, 0);
		assertThat(text).startsWith("Exciting news, Knicks fans");
		assertThat(text.codePointCount(0, text.length())).isEqualTo(2661);
		assertThat(property(responses, "reasoningContent"))
			.startsWith("We need to invent a new holiday around the latest Knicks game.")
			.hasSize(3832);
		assertThat(lastWithUsage(responses).getMetadata().getUsage().getTotalTokens()).isEqualTo(1739);
	}

	@Test
	void deepSeekReasoningContentAndCacheHitUsage() {
		List<ChatResponse> responses = stream("deepseek-reasoner-reasoning-content.sse");
		assertThat(text(responses, 0)).isEqualTo("Hello there! 😊 How can I help you today?");
		assertThat(property(responses, "reasoningContent")).startsWith("Hmm, the user just said \"Hello\".")
			.hasSize(882);
		ChatResponse usage = lastWithUsage(responses);
		assertThat(usage.getMetadata().getUsage().getPromptTokens()).isEqualTo(6);
		assertThat(usage.getMetadata().getUsage().getCompletionTokens()).isEqualTo(212);
		assertThat(usage.getMetadata().<Integer>get("reasoningTokens")).isEqualTo(198);
	}

	@Test
	void openRouterProcessingCommentsReasoningAndChunksAfterFinish() {
		List<ChatResponse> responses = stream("openrouter-claude-reasoning.sse");
		assertThat(text(responses, 0)).isEqualTo("2 + 2 = 4");
		assertThat(property(responses, "reasoningContent"))
			.isEqualTo("This is a simple arithmetic question. 2+2 equals 4.");
		assertThat(lastWithUsage(responses).getMetadata().getUsage().getTotalTokens()).isEqualTo(79);
	}

	@Test
	void mistralThinkingPartsInContentArray() {
		List<ChatResponse> responses = stream("mistral-magistral-thinking-parts.sse");
		assertThat(text(responses, 0)).startsWith("To cross the street safely, follow these steps:").hasSize(607);
		assertThat(property(responses, "reasoningContent"))
			.startsWith("Okay, the user is asking how to cross the street.")
			.hasSize(421);
	}

	@Test
	void parallelToolCallsSplitAcrossChunksAreEmittedWhole() {
		List<ChatResponse> responses = stream("openai-chat-parallel-tool-calls.sse");
		assertThat(toolCalls(responses)).containsExactly(
				new AssistantMessage.ToolCall("call_JMW1whyEaYG438VE1OIflxA2", "function", "GetWeatherArgs",
						"{\"city\": \"Edinburgh\", \"country\": \"GB\", \"units\": \"c\"}"),
				new AssistantMessage.ToolCall("call_DNYTawLBoN8fj3KN6qU9N1Ou", "function", "get_stock_price",
						"{\"ticker\": \"AAPL\", \"exchange\": \"NASDAQ\"}"));
		assertThat(responses.stream().filter(r -> r.getResults().stream().anyMatch(g -> g.getOutput().hasToolCalls())))
			.as("tool calls arrive once, in one response")
			.hasSize(1);
	}

	@Test
	void toolCallIndexStartingAtOneWithContinuationChunks() {
		List<ChatResponse> responses = stream("anthropic-compat-tool-call-index1.sse");
		assertThat(text(responses, 0)).isEqualTo("Reading it.");
		assertThat(toolCalls(responses)).containsExactly(
				new AssistantMessage.ToolCall("toolu_sanitized", "function", "read_file", "{\"path\": \"a.txt\"}"));
	}

	@Test
	void toolCallWithoutIndexAndWithoutDone() {
		List<ChatResponse> responses = stream("mistral-tool-call-no-index.sse");
		assertThat(toolCalls(responses)).containsExactly(
				new AssistantMessage.ToolCall("gSIMJiOkT", "function", "weather", "{\"location\": \"San Francisco\"}"));
	}

	@Test
	void interleavedChoices() {
		List<ChatResponse> responses = stream("openai-chat-n3-interleaved.sse");
		assertThat(text(responses, 0)).isEqualTo("{\"city\":\"San Francisco\",\"temperature\":65,\"units\":\"f\"}");
		assertThat(text(responses, 1)).isEqualTo("{\"city\":\"San Francisco\",\"temperature\":61,\"units\":\"f\"}");
		assertThat(text(responses, 2)).isEqualTo("{\"city\":\"San Francisco\",\"temperature\":59,\"units\":\"f\"}");
	}

	@Test
	void refusalDeltas() {
		assertThat(property(stream("openai-chat-refusal-logprobs.sse"), "refusal"))
			.isEqualTo("I'm very sorry, but I can't assist with that.");
	}

	@Test
	void errorInsideAChunkDeliversWhatCameThenFails() {
		gateway.stubStream(PATH, Fixtures.streamBytes("openrouter-mid-stream-error.sse"));
		List<ChatResponse> received = new ArrayList<>();
		assertThatThrownBy(() -> gateway.model()
			.stream(new Prompt("hi"))
			.doOnNext(received::add)
			.blockLast(Duration.ofSeconds(30))).isInstanceOf(RelayAiException.class)
			.hasMessageContaining("Token limit reached");
		assertThat(property(received, "reasoningContent")).isEqualTo("We need to respond to a greeting. The user");
	}

	@Test
	void errorEventDeliversWhatCameThenFails() {
		gateway.stubStream(PATH, Fixtures.streamBytes("groq-event-error-no-done.sse"));
		List<ChatResponse> received = new ArrayList<>();
		assertThatThrownBy(() -> gateway.model()
			.stream(new Prompt("hi"))
			.doOnNext(received::add)
			.blockLast(Duration.ofSeconds(30)))
			.isInstanceOfSatisfying(RelayAiException.class,
					ex -> assertThat(ex.error().category()).isEqualTo(ErrorCategory.INVALID_REQUEST))
			.hasMessageContaining("Tool call validation failed");
		assertThat(property(received, "reasoningContent")).startsWith("We need to call the tool").hasSize(412);
	}

	@Test
	void truncatedStreamDeliversWhatCameThenFailsInsteadOfSucceedingSilently() {
		String[] events = Fixtures.stream("openai-chat-text-usage.sse").split("\n\n");
		gateway.stubStream(PATH, String.join("\n\n", java.util.Arrays.copyOf(events, 17)) + "\n\n");
		List<ChatResponse> received = new ArrayList<>();
		assertThatThrownBy(() -> gateway.model()
			.stream(new Prompt("hi"))
			.doOnNext(received::add)
			.blockLast(Duration.ofSeconds(30))).isInstanceOfSatisfying(RelayAiException.class,
					ex -> assertThat(ex.error().category()).isEqualTo(ErrorCategory.UNAVAILABLE));
		assertThat(text(received, 0))
			.isEqualTo("I'm unable to provide real-time weather updates. To get the current weather in San");
	}

	@Test
	void bodyDeliveredInSmallChunksOverRealHttp() {
		gateway.stub(post(urlPathEqualTo(PATH)),
				aResponse().withStatus(200)
					.withHeader("Content-Type", "text/event-stream")
					.withBody(Fixtures.streamBytes("deepseek-reasoner-reasoning-content.sse"))
					.withChunkedDribbleDelay(97, 20));
		List<ChatResponse> responses = gateway.model()
			.stream(new Prompt("hi"))
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(text(responses, 0)).isEqualTo("Hello there! 😊 How can I help you today?");
	}

	@Test
	void idleTimeoutIsBetweenEventsSoALongLiveStreamIsNotCutOff() {
		// 20 pieces over ~6 s against a 2 s idle timeout: every piece (~300 ms apart, so
		// a
		// loaded machine has 1.7 s of slack) resets it, so the stream lives three times
		// longer than the timeout and still completes.
		gateway.stub(post(urlPathEqualTo(PATH)),
				aResponse().withStatus(200)
					.withHeader("Content-Type", "text/event-stream")
					.withBody(Fixtures.streamBytes("openrouter-claude-reasoning.sse"))
					.withChunkedDribbleDelay(20, 6000));
		RelayChatModel model = gateway.modelBuilder().readIdleTimeout(java.time.Duration.ofSeconds(2)).build();
		assertThat(text(model.stream(new Prompt("hi")).collectList().block(Duration.ofSeconds(30)), 0))
			.isEqualTo("2 + 2 = 4");
	}

	@Test
	void chunksWithTheSameTopLevelFieldsShareTheirMetadataAndTheUsageChunkHasItsOwn() {
		gateway.stubStream(PATH, Fixtures.streamBytes("openai-chat-text-usage.sse"));
		List<ChatResponse> responses = gateway.model()
			.stream(new Prompt("hi"))
			.collectList()
			.block(Duration.ofSeconds(30));
		ChatResponse first = responses.get(0);
		ChatResponse last = responses.get(responses.size() - 1);
		assertThat(responses.subList(0, responses.size() - 1))
			.allSatisfy(response -> assertThat(response.getMetadata()).isSameAs(first.getMetadata()));
		assertThat(first.getMetadata().getId()).isEqualTo("chatcmpl-ABfw031mOJeYCSHe4yI2ZjOA6kMJL");
		assertThat((Object) first.getMetadata().get("system_fingerprint")).isEqualTo("fp_5050236cbd");
		assertThat(first.getMetadata().getUsage()).isInstanceOf(org.springframework.ai.chat.metadata.EmptyUsage.class);
		assertThat(last.getMetadata()).isNotSameAs(first.getMetadata());
		assertThat(last.getMetadata().getUsage().getTotalTokens()).isEqualTo(44);
	}

	@Test
	void withMergingOffEveryProviderChunkIsOneResponse() {
		gateway.stubStream(PATH, Fixtures.streamBytes("openai-chat-text-usage.sse"));
		long chunksWithSomething = Fixtures.stream("openai-chat-text-usage.sse")
			.lines()
			.filter(line -> line.contains("\"content\":\"") && !line.contains("\"content\":\"\"")
					|| line.contains("\"finish_reason\":\"") || line.contains("\"usage\":{"))
			.count();
		List<ChatResponse> responses = gateway.model()
			.stream(new Prompt("hi", RelayChatOptions.builder().mergeStreamDeltas(false).build()))
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(responses).hasSize((int) chunksWithSomething);
	}

	@Test
	void anObservedStreamRecordsTheWholeAnswer() throws InterruptedException {
		gateway.stubStream(PATH, Fixtures.streamBytes("openai-chat-text-usage.sse"));
		BlockingQueue<ChatModelObservationContext> stopped = new LinkedBlockingQueue<>();
		String text = gateway.modelBuilder()
			.observationRegistry(registry(stopped))
			.build()
			.stream(new Prompt("hi"))
			.map(response -> (response.getResult() != null) ? response.getResult().getOutput().getText() : "")
			.collectList()
			.map(texts -> String.join("", texts))
			.block(Duration.ofSeconds(30));
		// the observation stops right after the subscriber saw the end, on the stream's
		// thread
		ChatModelObservationContext context = stopped.poll(10, TimeUnit.SECONDS);
		assertThat(context.getResponse().getResult().getOutput().getText()).isEqualTo(text);
		assertThat(context.getResponse().getMetadata().getUsage().getTotalTokens()).isEqualTo(44);
	}

	@Test
	void anObservedStreamThatFailsRecordsTheErrorAndLogsNothing() throws InterruptedException {
		gateway.stubStream(PATH, Fixtures.streamBytes("groq-event-error-no-done.sse"));
		BlockingQueue<ChatModelObservationContext> stopped = new LinkedBlockingQueue<>();
		RelayChatModel model = gateway.modelBuilder().observationRegistry(registry(stopped)).build();
		assertThatThrownBy(() -> model.stream(new Prompt("hi")).blockLast(Duration.ofSeconds(30)))
			.isInstanceOf(RelayAiException.class);
		ChatModelObservationContext context = stopped.poll(10, TimeUnit.SECONDS);
		assertThat(context.getError()).isInstanceOf(RelayAiException.class);
		assertThat(context.getResponse()).isNull();
		assertThat(this.logs.events()).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.ERROR));
	}

	/** A registry that keeps the context of every chat observation when it stops. */
	static ObservationRegistry registry(Queue<ChatModelObservationContext> stopped) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<ChatModelObservationContext>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof ChatModelObservationContext;
			}

			@Override
			public void onStop(ChatModelObservationContext context) {
				stopped.add(context);
			}

		});
		return registry;
	}

	@Test
	void anErrorStatusOnAStreamIsTypedFromItsBody() {
		// the documented 429 "队列已满" of a worker-pool gateway, from the error corpus
		JsonNode queueFull = Fixtures.providerError(429, "队列已满");
		gateway.stub(post(urlPathEqualTo(PATH)),
				aResponse().withStatus(429)
					.withHeader("Content-Type", "application/json")
					.withBody(queueFull.get("body").asString()));
		assertThatThrownBy(() -> gateway.model().stream(new Prompt("hi")).blockLast(Duration.ofSeconds(30)))
			.isInstanceOfSatisfying(RelayAiException.class,
					ex -> assertThat(ex.error().category()).isEqualTo(ErrorCategory.QUEUE_FULL))
			.hasMessageContaining("队列已满");
	}

	@Test
	void streamUsageOptionAsksForTheUsageChunk() {
		gateway.stubStream(PATH, Fixtures.streamBytes("openai-chat-text-usage.sse"));
		gateway.model()
			.stream(new Prompt("hi", RelayChatOptions.builder().streamUsage(true).build()))
			.blockLast(Duration.ofSeconds(30));
		assertThat(gateway.requests().get(0).getBodyAsString()).contains("\"stream_options\":{\"include_usage\":true}");
		assertThat(new String(gateway.requests().get(0).getBody(), StandardCharsets.UTF_8))
			.contains("\"model\":\"test-model\"");
	}

}
