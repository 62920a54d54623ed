package io.github.relayai.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.relayai.error.ProviderErrorClassifier;
import io.github.relayai.error.RelayAiException;
import io.github.relayai.error.RelayExceptions;
import io.github.relayai.http.SseEvent;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the events of one {@code chat.completion.chunk} (or legacy {@code text_completion}) stream
 * into {@link ChatResponse} deltas,
 * coping with what real providers send: empty {@code choices}, role-only and usage-only chunks,
 * chunks after the finish chunk, choices without {@code delta}, {@code null} fields, content as an
 * array of parts, tool calls split by {@code index} (or without one), interleaved choices, and
 * streams without {@code [DONE]}. Tool calls are emitted once complete, with whole arguments.
 * <p>
 * One assembler per stream; not thread-safe (reactive operators call it serially).
 */
final class StreamAssembler {

	private final JsonMapper json;

	private final ChatResponses responses;

	private final ProviderErrorClassifier classifier;

	private final String model;

	private final String endpoint;

	private final Map<Integer, ChoiceState> choices = new LinkedHashMap<>();

	private boolean done;

	private boolean finishSeen;

	private String id;

	private JsonNode lastRoot;

	StreamAssembler(JsonMapper json, ProviderErrorClassifier classifier, String model, String endpoint) {
		this.json = json;
		this.responses = new ChatResponses(json);
		this.classifier = classifier;
		this.model = model;
		this.endpoint = endpoint;
	}

	/** Whether {@code [DONE]} arrived: nothing after it is read. */
	boolean isDone() {
		return this.done;
	}

	/**
	 * Handles one event.
	 * @return the response it completes, if any (never more than one)
	 * @throws RelayAiException for an error event
	 */
	List<ChatResponse> accept(SseEvent event) {
		if (this.done) {
			return List.of();
		}
		if (event.isDone()) {
			this.done = true;
			return flushToolCalls();
		}
		String data = event.data();
		if ("error".equals(event.event())) {
			throw error(data);
		}
		if (!looksLikeJson(data)) {
			// keep-alive payloads such as "ping" or "..." carry nothing; malformed JSON still fails below
			return List.of();
		}
		JsonNode root = ChatCompletionParser.readJson(this.json, this.classifier,
				data.getBytes(java.nio.charset.StandardCharsets.UTF_8), this.model, this.endpoint);
		if (root.hasNonNull("error")) {
			throw error(data);
		}
		if (this.id == null && ChatResponses.text(root.get("id")) != null) {
			this.id = ChatResponses.text(root.get("id"));
		}
		this.lastRoot = root;
		List<Generation> generations = new ArrayList<>(1);
		int position = 0;
		for (JsonNode choice : root.path("choices")) {
			int index = (choice.has("index") && choice.get("index").isNumber()) ? choice.get("index").asInt() : position;
			position++;
			Generation generation = choice(index, choice);
			if (generation != null) {
				generations.add(generation);
			}
		}
		JsonNode usageNode = root.get("usage");
		boolean hasUsage = usageNode != null && usageNode.isObject();
		if (generations.isEmpty() && !hasUsage) {
			return List.of();
		}
		Usage usage = hasUsage ? this.responses.usage(usageNode) : new EmptyUsage();
		return List.of(new ChatResponse(generations, this.responses.metadata(root, usage, this.endpoint)));
	}

	/**
	 * Handles the end of the body.
	 * @return the tool calls still pending, if the stream finished properly
	 * @throws RelayAiException when the stream ended with neither {@code [DONE]} nor a finish reason
	 */
	List<ChatResponse> end() {
		if (this.done) {
			return List.of();
		}
		if (!this.finishSeen) {
			throw RelayExceptions.create(this.classifier.classifyTransport(new java.io.EOFException(
					"The stream ended before the model finished (no [DONE] and no finish_reason); "
							+ "the text received so far was delivered"),
					this.model, this.endpoint), null);
		}
		return flushToolCalls();
	}

	private static boolean looksLikeJson(String data) {
		for (int i = 0; i < data.length(); i++) {
			char c = data.charAt(i);
			if (!Character.isWhitespace(c)) {
				return c == '{' || c == '[';
			}
		}
		return false;
	}

	private RelayAiException error(String data) {
		return RelayExceptions.create(this.classifier.classifyStreamError(data, this.model, this.endpoint), null);
	}

	private Generation choice(int index, JsonNode choice) {
		ChoiceState state = this.choices.computeIfAbsent(index, i -> new ChoiceState());
		JsonNode delta = choice.get("delta");
		StringBuilder text = new StringBuilder();
		StringBuilder reasoning = new StringBuilder();
		String refusal = null;
		if (delta != null && delta.isObject()) {
			refusal = ChatResponses.text(delta.get("refusal"));
			ChatResponses.content(delta.get("content"), text, reasoning);
			ChatResponses.reasoning(delta, reasoning);
			JsonNode calls = delta.get("tool_calls");
			if (calls != null && calls.isArray()) {
				for (JsonNode call : calls) {
					state.toolCall(call);
				}
			}
		}
		ChatResponses.content(choice.get("text"), text, reasoning);
		String finishReason = ChatResponses.finishReason(choice);
		List<AssistantMessage.ToolCall> toolCalls = List.of();
		if (finishReason != null) {
			this.finishSeen = true;
			toolCalls = state.drainToolCalls();
		}
		boolean hasRefusal = refusal != null && !refusal.isEmpty();
		if (text.isEmpty() && reasoning.isEmpty() && !hasRefusal && finishReason == null && toolCalls.isEmpty()) {
			return null;
		}
		return this.responses.generation(index, this.id, text.toString(), reasoning.toString(), refusal, toolCalls,
				finishReason);
	}

	private List<ChatResponse> flushToolCalls() {
		List<Generation> generations = new ArrayList<>();
		this.choices.forEach((index, state) -> {
			List<AssistantMessage.ToolCall> calls = state.drainToolCalls();
			if (!calls.isEmpty()) {
				generations.add(this.responses.generation(index, this.id, "", "", null, calls, "TOOL_CALLS"));
			}
		});
		if (generations.isEmpty()) {
			return List.of();
		}
		return List.of(new ChatResponse(generations,
				this.responses.metadata(this.lastRoot, new EmptyUsage(), this.endpoint)));
	}

	/** Tool calls of one choice, assembled from their fragments. */
	private static final class ChoiceState {

		private final Map<Integer, ToolCallBuilder> calls = new LinkedHashMap<>();

		private final Map<Integer, Integer> keyOfIndex = new HashMap<>();

		private int nextKey;

		private Integer lastKey;

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
