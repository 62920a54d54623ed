package io.github.relayai.endpoint;

import io.github.relayai.endpoint.ChatCompletionReader.Choice;
import io.github.relayai.endpoint.ChatCompletionReader.Completion;
import io.github.relayai.endpoint.ChatCompletionReader.Header;
import io.github.relayai.error.ProviderErrorClassifier;
import io.github.relayai.error.RelayAiException;
import io.github.relayai.http.SseDecoder;
import io.github.relayai.http.SseDecoder.SseEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Turns the events of one {@code chat.completion.chunk} (or legacy
 * {@code text_completion}) stream into {@link ChatResponse} deltas, coping with what real
 * providers send: empty {@code choices}, role-only and usage-only chunks, chunks after
 * the finish chunk, choices without {@code delta}, {@code null} fields, content as an
 * array of parts, tool calls split by {@code index} (or without one), interleaved
 * choices, and streams without {@code [DONE]}. Tool calls are emitted once complete, with
 * whole arguments.
 * <p>
 * One assembler per stream; not thread-safe (reactive operators call it serially).
 */
final class StreamAssembler implements SseDecoder<ChatResponse> {

	private final ProviderErrorClassifier classifier;

	private final String model;

	private final String endpoint;

	private final Map<Integer, ChoiceState> choices = new LinkedHashMap<>();

	private boolean done;

	private boolean finishSeen;

	private String id;

	/** Reads a chunk, reusing the strings of the header before. */
	private final SseEvent.DataReader<Completion> chunks;

	/**
	 * The top-level fields of the last chunk; the metadata of pending tool calls comes
	 * from them.
	 */
	private Header lastHeader = Header.EMPTY;

	/**
	 * The metadata of the last chunk without usage, shared by the chunks after it with
	 * the same header.
	 */
	private ChatResponseMetadata lastMetadata;

	/** Whether deltas that arrive in one network read are delivered as one response. */
	private final boolean mergeDeltas;

	/** Whether reasoning between think tags in the content moves to the reasoning. */
	private final boolean reasoningTags;

	/** The deltas of the current network read not delivered yet. */
	private Pending pending;

	StreamAssembler(ChatCompletionReader reader, ProviderErrorClassifier classifier, String model, String endpoint,
			boolean mergeDeltas, boolean reasoningTags) {
		this.mergeDeltas = mergeDeltas;
		this.reasoningTags = reasoningTags;
		this.chunks = (bytes, offset, length) -> reader.read(bytes, offset, length, this.lastHeader);
		this.classifier = classifier;
		this.model = model;
		this.endpoint = endpoint;
	}

	/**
	 * Handles one event.
	 * @return the response it completes, if any (never more than one)
	 * @throws RelayAiException for an error event
	 */
	@Override
	public List<ChatResponse> accept(SseEvent event) {
		if (this.done) {
			return List.of();
		}
		if (event.isDone()) {
			this.done = true;
			List<ChatResponse> responses = new ArrayList<>(flush());
			responses.addAll(flushToolCalls());
			return responses;
		}
		if ("error".equals(event.event())) {
			throw error(event.data());
		}
		if (!event.isJson()) {
			// keep-alive payloads such as "ping" or "..." carry nothing; malformed JSON
			// still fails below
			return List.of();
		}
		Completion chunk;
		try {
			chunk = event.readData(this.chunks);
		}
		catch (JacksonException | IllegalStateException ex) {
			// data() fails first if the bytes are not UTF-8, which is then what went
			// wrong
			throw ChatCompletionParser.notAnObject(this.classifier, event.data(), this.model, this.endpoint, ex);
		}
		if (chunk.error()) {
			throw error(event.data());
		}
		if (this.id == null && chunk.header().id() != null) {
			this.id = chunk.header().id();
		}
		List<Part> parts = new ArrayList<>(1);
		for (Choice choice : chunk.choices()) {
			Part part = part(choice, chunk.header().legacy());
			if (part != null) {
				parts.add(part);
			}
		}
		if (parts.isEmpty() && chunk.usage() == null) {
			this.lastHeader = chunk.header();
			return List.of();
		}
		ChatResponseMetadata metadata = metadata(chunk);
		if (this.mergeDeltas && parts.size() == 1 && chunk.usage() == null) {
			Part part = parts.get(0);
			if (this.pending != null && this.pending.accepts(part, metadata)) {
				this.pending.add(part);
				return List.of();
			}
			List<ChatResponse> before = flush();
			this.pending = new Pending(part, metadata);
			return before;
		}
		List<ChatResponse> responses = new ArrayList<>(flush());
		List<Generation> generations = new ArrayList<>(parts.size());
		for (Part part : parts) {
			generations.add(generation(part));
		}
		responses.add(new ChatResponse(generations, metadata));
		return responses;
	}

	/**
	 * The deltas held back while one network read was decoded, as one response:
	 * consecutive deltas of the same choice that arrived together are delivered together,
	 * so a burst of chunks costs the subscriber one signal instead of dozens. Nothing
	 * waits for more data because of it.
	 */
	@Override
	public List<ChatResponse> flush() {
		Pending held = this.pending;
		if (held == null) {
			return List.of();
		}
		this.pending = null;
		return List.of(new ChatResponse(List.of(generation(held.part())), held.metadata));
	}

	/**
	 * Handles the end of the body.
	 * @return the tool calls still pending, if the stream finished properly
	 * @throws RelayAiException when the stream ended with neither {@code [DONE]} nor a
	 * finish reason
	 */
	@Override
	public List<ChatResponse> end() {
		if (this.done) {
			return List.of();
		}
		if (!this.finishSeen) {
			throw RelayAiException.of(this.classifier.classifyTransport(new java.io.EOFException(
					"The stream ended before the model finished (no [DONE] and no finish_reason); "
							+ "the text received so far was delivered"),
					this.model, this.endpoint), null);
		}
		return flushToolCalls();
	}

	private RelayAiException error(String data) {
		return RelayAiException.of(this.classifier.classifyStreamError(data, this.model, this.endpoint), null);
	}

	/**
	 * The chunk's metadata. Chunks of one stream usually repeat the same top-level
	 * fields; the metadata (which Spring AI never changes once built) is then shared
	 * rather than rebuilt.
	 */
	private ChatResponseMetadata metadata(Completion chunk) {
		Header header = chunk.header();
		if (chunk.usage() == null && this.lastMetadata != null && header.equals(this.lastHeader)) {
			return this.lastMetadata;
		}
		Usage usage = (chunk.usage() != null) ? ChatResponses.usage(chunk.usage()) : new EmptyUsage();
		ChatResponseMetadata metadata = metadata(header, usage);
		this.lastHeader = header;
		this.lastMetadata = (chunk.usage() == null) ? metadata : null;
		return metadata;
	}

	private ChatResponseMetadata metadata(Header header, Usage usage) {
		return ChatResponses.metadata(header.id(), header.model(), header.reasoningTokens(), header.extras(), usage,
				this.endpoint);
	}

	/** What a choice of a chunk adds, or {@code null} when it adds nothing. */
	private Part part(Choice delta, boolean legacy) {
		ChoiceState state = this.choices.computeIfAbsent(delta.index(), i -> new ChoiceState());
		StringBuilder text = new StringBuilder();
		StringBuilder reasoning = new StringBuilder();
		delta.appendText(text, reasoning, legacy);
		if (delta.toolCalls() != null) {
			for (JsonNode call : delta.toolCalls()) {
				state.toolCall(call);
			}
		}
		String finishReason = delta.finishReason();
		if (this.reasoningTags) {
			text = state.splitThinking(text.toString(), reasoning, finishReason != null);
		}
		List<AssistantMessage.ToolCall> toolCalls = List.of();
		if (finishReason != null) {
			this.finishSeen = true;
			toolCalls = state.drainToolCalls();
		}
		String refusal = delta.refusal();
		boolean hasRefusal = refusal != null && !refusal.isEmpty();
		if (text.isEmpty() && reasoning.isEmpty() && !hasRefusal && finishReason == null && toolCalls.isEmpty()) {
			return null;
		}
		return new Part(delta.index(), text.toString(), reasoning.toString(), refusal, toolCalls, finishReason);
	}

	private Generation generation(Part part) {
		ChoiceState state = this.choices.get(part.index());
		return ChatResponses.generation(
				state.properties(part.index(), this.id, part.reasoning(), part.refusal(), part.finishReason()),
				part.text(), part.toolCalls(), part.finishReason());
	}

	private List<ChatResponse> flushToolCalls() {
		List<Generation> generations = new ArrayList<>();
		this.choices.forEach((index, state) -> {
			List<AssistantMessage.ToolCall> calls = state.drainToolCalls();
			if (!calls.isEmpty()) {
				generations.add(ChatResponses.generation(index, this.id, "", "", null, calls, "TOOL_CALLS"));
			}
		});
		if (generations.isEmpty()) {
			return List.of();
		}
		return List.of(new ChatResponse(generations, metadata(this.lastHeader, new EmptyUsage())));
	}

	/** Tool calls of one choice, assembled from their fragments. */
	private static final class ChoiceState {

		private final Map<Integer, ToolCallBuilder> calls = new LinkedHashMap<>();

		private final Map<Integer, Integer> keyOfIndex = new HashMap<>();

		private int nextKey;

		private Integer lastKey;

		private MessageProperties lastProperties;

		private ThinkTags thinkTags;

		/**
		 * Moves the reasoning between think tags in the choice's next text to the
		 * reasoning.
		 * @return the answer text
		 */
		StringBuilder splitThinking(String text, StringBuilder reasoning, boolean last) {
			if (this.thinkTags == null) {
				this.thinkTags = new ThinkTags();
			}
			StringBuilder answer = new StringBuilder(text.length());
			this.thinkTags.accept(text, answer, reasoning);
			if (last) {
				this.thinkTags.finish(answer, reasoning);
			}
			return answer;
		}

		/**
		 * The message properties of the choice's next delta: those of the delta before
		 * when they are the same, as they are for every content chunk.
		 */
		Map<String, Object> properties(int index, String id, String reasoning, String refusal, String finishReason) {
			MessageProperties last = this.lastProperties;
			if (last == null || !last.matches(index, id, reasoning, refusal, finishReason)) {
				last = new MessageProperties(index, id, reasoning, refusal, finishReason,
						ChatResponses.properties(index, id, reasoning, refusal, finishReason));
				this.lastProperties = last;
			}
			return last.map();
		}

		void toolCall(JsonNode call) {
			String id = ChatResponses.text(call.get("id"));
			boolean hasId = id != null && !id.isEmpty();
			Integer key;
			if (call.has("index") && call.get("index").isNumber()) {
				int index = call.get("index").asInt();
				key = this.keyOfIndex.get(index);
				if (key == null || (hasId && this.calls.get(key).hasOtherId(id))) {
					key = this.nextKey++;
					this.keyOfIndex.put(index, key);
				}
			}
			else if (this.lastKey == null || (hasId && this.calls.get(this.lastKey).hasOtherId(id))) {
				key = this.nextKey++;
			}
			else {
				key = this.lastKey;
			}
			this.lastKey = key;
			this.calls.computeIfAbsent(key, k -> new ToolCallBuilder()).append(id, call.get("function"));
		}

		List<AssistantMessage.ToolCall> drainToolCalls() {
			if (this.calls.isEmpty()) {
				return List.of();
			}
			List<AssistantMessage.ToolCall> result = new ArrayList<>(this.calls.size());
			this.calls.forEach((key, builder) -> result.add(builder.build(key)));
			this.calls.clear();
			this.keyOfIndex.clear();
			this.lastKey = null;
			return result;
		}

	}

	/** What one choice of a chunk adds to the answer. */
	private record Part(int index, String text, String reasoning, String refusal,
			List<AssistantMessage.ToolCall> toolCalls, String finishReason) {
	}

	/**
	 * Deltas of one choice held back until the end of a network read, to be delivered as
	 * one.
	 */
	private static final class Pending {

		private final ChatResponseMetadata metadata;

		private final int index;

		private final StringBuilder text;

		private final StringBuilder reasoning;

		private final String refusal;

		private List<AssistantMessage.ToolCall> toolCalls;

		private String finishReason;

		Pending(Part part, ChatResponseMetadata metadata) {
			this.metadata = metadata;
			this.index = part.index();
			this.text = new StringBuilder(part.text());
			this.reasoning = new StringBuilder(part.reasoning());
			this.refusal = part.refusal();
			this.toolCalls = part.toolCalls();
			this.finishReason = part.finishReason();
		}

		/**
		 * Whether the part continues these deltas: same choice, same metadata (no usage),
		 * nothing finished yet, and no refusal on either side.
		 */
		boolean accepts(Part part, ChatResponseMetadata metadata) {
			return metadata == this.metadata && part.index() == this.index && this.finishReason == null
					&& this.toolCalls.isEmpty() && isEmpty(this.refusal) && isEmpty(part.refusal());
		}

		void add(Part part) {
			this.text.append(part.text());
			this.reasoning.append(part.reasoning());
			this.toolCalls = part.toolCalls();
			this.finishReason = part.finishReason();
		}

		Part part() {
			return new Part(this.index, this.text.toString(), this.reasoning.toString(), this.refusal, this.toolCalls,
					this.finishReason);
		}

		private static boolean isEmpty(String text) {
			return text == null || text.isEmpty();
		}

	}

	/** The inputs of a message's properties, and the map made of them. */
	private record MessageProperties(int index, String id, String reasoning, String refusal, String finishReason,
			Map<String, Object> map) {

		boolean matches(int index, String id, String reasoning, String refusal, String finishReason) {
			return this.index == index && Objects.equals(this.id, id) && Objects.equals(this.reasoning, reasoning)
					&& Objects.equals(this.refusal, refusal) && Objects.equals(this.finishReason, finishReason);
		}

	}

	/** One tool call being assembled. */
	private static final class ToolCallBuilder {

		private String id;

		private String name;

		private final StringBuilder arguments = new StringBuilder();

		boolean hasOtherId(String other) {
			return this.id != null && !this.id.equals(other);
		}

		void append(String id, JsonNode function) {
			if (id != null && !id.isEmpty() && this.id == null) {
				this.id = id;
			}
			if (function == null || !function.isObject()) {
				return;
			}
			String name = ChatResponses.text(function.get("name"));
			if (name != null && !name.isEmpty() && this.name == null) {
				this.name = name;
			}
			JsonNode args = function.get("arguments");
			if (args != null && !args.isNull()) {
				this.arguments.append(args.isString() ? args.stringValue() : args.toString());
			}
		}

		AssistantMessage.ToolCall build(int key) {
			String args = this.arguments.isEmpty() ? "{}" : this.arguments.toString();
			return new AssistantMessage.ToolCall((this.id != null) ? this.id : "call_" + key, "function", this.name,
					args);
		}

	}

}
