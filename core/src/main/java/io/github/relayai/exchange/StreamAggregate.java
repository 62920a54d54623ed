package io.github.relayai.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.EmptyRateLimit;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.content.Media;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Folds the deltas of a streamed answer into the one {@link ChatResponse} a plain request
 * would have returned: text and reasoning concatenated per choice, tool calls and media
 * collected, the last finish reason, the usage of the usage chunk, and the response
 * metadata merged (later chunks win).
 * <p>
 * Spring AI's {@code MessageAggregator} keeps only the first choice, drops custom
 * metadata and logs an ERROR with a stack trace for every stream that fails, hence this.
 * One instance per stream; not thread-safe (reactive operators call it serially).
 */
final class StreamAggregate {

	/**
	 * The choice index in each {@link AssistantMessage}'s properties, as Relay's endpoint
	 * adapters set it.
	 */
	private static final String INDEX = "index";

	/**
	 * The reasoning text in each {@link AssistantMessage}'s properties, as Relay's
	 * endpoint adapters set it.
	 */
	private static final String REASONING = "reasoningContent";

	private final Map<Integer, Choice> choices = new TreeMap<>();

	private final ChatResponseMetadata.Builder metadata = ChatResponseMetadata.builder();

	private Usage usage = new EmptyUsage();

	/**
	 * Aggregates a stream.
	 * @param stream the deltas
	 * @return the whole answer, or the stream's failure
	 */
	static Mono<ChatResponse> of(Flux<ChatResponse> stream) {
		return stream.collect(StreamAggregate::new, StreamAggregate::add).map(StreamAggregate::build);
	}

	/**
	 * Passes a stream's deltas through unchanged and, once it completes, hands the whole
	 * answer to a consumer (an observation context, for instance); a failed or cancelled
	 * stream hands over nothing.
	 * @param stream the deltas
	 * @param onComplete receives the whole answer
	 * @return the same deltas
	 */
	static Flux<ChatResponse> tap(Flux<ChatResponse> stream, Consumer<ChatResponse> onComplete) {
		return Flux.defer(() -> {
			StreamAggregate aggregate = new StreamAggregate();
			return stream.doOnNext(aggregate::add).doOnComplete(() -> onComplete.accept(aggregate.build()));
		});
	}

	private void add(ChatResponse delta) {
		List<Generation> generations = delta.getResults();
		for (int position = 0; position < generations.size(); position++) {
			Generation generation = generations.get(position);
			Object index = generation.getOutput().getMetadata().get(INDEX);
			int key = (index instanceof Number number) ? number.intValue() : position;
			this.choices.computeIfAbsent(key, k -> new Choice()).add(generation);
		}
		ChatResponseMetadata meta = delta.getMetadata();
		if (meta == null) {
			return;
		}
		this.metadata.metadata(toMap(meta));
		if (meta.getId() != null && !meta.getId().isEmpty()) {
			this.metadata.id(meta.getId());
		}
		if (meta.getModel() != null && !meta.getModel().isEmpty()) {
			this.metadata.model(meta.getModel());
		}
		if (meta.getUsage() != null && !(meta.getUsage() instanceof EmptyUsage)) {
			this.usage = meta.getUsage();
		}
		if (meta.getRateLimit() != null && !(meta.getRateLimit() instanceof EmptyRateLimit)) {
			this.metadata.rateLimit(meta.getRateLimit());
		}
		if (meta.getPromptMetadata() != null && meta.getPromptMetadata().iterator().hasNext()) {
			this.metadata.promptMetadata(meta.getPromptMetadata());
		}
	}

	private static Map<String, Object> toMap(ChatResponseMetadata meta) {
		Map<String, Object> map = new LinkedHashMap<>();
		meta.entrySet().forEach(entry -> map.put(entry.getKey(), entry.getValue()));
		return map;
	}

	private ChatResponse build() {
		List<Generation> generations = new ArrayList<>(this.choices.size());
		this.choices.forEach((index, choice) -> generations.add(choice.build()));
		return new ChatResponse(generations, this.metadata.usage(this.usage).build());
	}

	/** One choice being assembled. */
	private static final class Choice {

		private final StringBuilder text = new StringBuilder();

		private final StringBuilder reasoning = new StringBuilder();

		private final Map<String, Object> properties = new LinkedHashMap<>();

		private final List<AssistantMessage.ToolCall> toolCalls = new ArrayList<>();

		private final List<Media> media = new ArrayList<>();

		private ChatGenerationMetadata generationMetadata = ChatGenerationMetadata.NULL;

		void add(Generation generation) {
			AssistantMessage output = generation.getOutput();
			if (output.getText() != null) {
				this.text.append(output.getText());
			}
			Object reasoningDelta = output.getMetadata().get(REASONING);
			if (reasoningDelta != null) {
				this.reasoning.append(reasoningDelta);
			}
			this.properties.putAll(output.getMetadata());
			this.toolCalls.addAll(output.getToolCalls());
			this.media.addAll(output.getMedia());
			ChatGenerationMetadata metadata = generation.getMetadata();
			if (metadata != null && metadata != ChatGenerationMetadata.NULL && metadata.getFinishReason() != null) {
				this.generationMetadata = metadata;
			}
		}

		Generation build() {
			this.properties.put(REASONING, this.reasoning.toString());
			AssistantMessage message = AssistantMessage.builder()
				.content(this.text.toString())
				.properties(this.properties)
				.toolCalls(this.toolCalls)
				.media(this.media)
				.build();
			return new Generation(message, this.generationMetadata);
		}

	}

}
