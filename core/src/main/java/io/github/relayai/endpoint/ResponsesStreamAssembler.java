package io.github.relayai.endpoint;

import io.github.relayai.http.SseDecoder;
import io.github.relayai.http.SseDecoder.SseEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Turns the typed events of one Responses API stream into {@link ChatResponse} deltas:
 * text and reasoning deltas as they come, and one final response at
 * {@code response.completed} (or {@code response.incomplete}) with the complete function
 * calls, the finish reason and the usage. The event type is read from the JSON
 * {@code type}, since some gateways send no {@code event:} lines; {@code response.failed}
 * and {@code error} events fail the stream with a typed exception, and so does a stream
 * that ends before the response completed.
 * <p>
 * One assembler per stream; not thread-safe (reactive operators call it serially).
 */
final class ResponsesStreamAssembler implements SseDecoder<ChatResponse> {

	private final ResponsesAnswers answers;

	private final String model;

	private final Map<String, FunctionCall> calls = new LinkedHashMap<>();

	private JsonNode response;

	private boolean done;

	private Integer summaryIndex;

	ResponsesStreamAssembler(ResponsesAnswers answers, String model) {
		this.answers = answers;
		this.model = model;
	}

	@Override
	public List<ChatResponse> accept(SseEvent event) {
		if (this.done || event.isDone() || event.data().isBlank()) {
			return List.of();
		}
		JsonNode root = this.answers.read(event.data().getBytes(java.nio.charset.StandardCharsets.UTF_8), this.model);
		String type = (ChatResponses.text(root.get("type")) != null) ? ChatResponses.text(root.get("type"))
				: event.event();
		if (type == null) {
			return List.of();
		}
		switch (type) {
			case "response.created", "response.in_progress" -> this.response = root.path("response");
			case "response.output_text.delta", "response.refusal.delta" -> {
				return delta(ChatResponses.text(root.get("delta")), "");
			}
			case "response.reasoning_summary_text.delta" -> {
				Integer index = root.has("summary_index") ? root.get("summary_index").asInt() : null;
				String separator = (this.summaryIndex != null && !this.summaryIndex.equals(index)) ? "\n\n" : "";
				this.summaryIndex = index;
				return delta("", separator + ChatResponses.text(root.get("delta")));
			}
			case "response.reasoning_text.delta" -> {
				return delta("", ChatResponses.text(root.get("delta")));
			}
			case "response.output_item.added", "response.output_item.done" -> item(root.path("item"));
			case "response.function_call_arguments.delta" ->
				call(ChatResponses.text(root.get("item_id"))).arguments.append(ChatResponses.text(root.get("delta")));
			case "response.function_call_arguments.done" -> {
				FunctionCall call = call(ChatResponses.text(root.get("item_id")));
				call.arguments.setLength(0);
				call.arguments.append(ChatResponses.text(root.get("arguments")));
			}
			case "response.completed", "response.incomplete" -> {
				this.done = true;
				List<AssistantMessage.ToolCall> toolCalls = new ArrayList<>();
				this.calls.values().forEach(call -> toolCalls.add(call.build()));
				return List.of(this.answers.finalResponse(root.path("response"), "", "", toolCalls));
			}
			case "response.failed", "error" -> throw this.answers.error(event.data(), this.model);
			default -> {
				// lifecycle events (content_part, *.done, ...) carry nothing new
			}
		}
		return List.of();
	}

	/**
	 * Handles the end of the body.
	 * @throws io.github.relayai.error.RelayAiException when the response never completed
	 */
	@Override
	public List<ChatResponse> end() {
		if (!this.done) {
			throw this.answers.truncated(this.model);
		}
		return List.of();
	}

	private List<ChatResponse> delta(String text, String reasoning) {
		if ((text == null || text.isEmpty()) && (reasoning == null || reasoning.isEmpty())) {
			return List.of();
		}
		JsonNode response = (this.response != null) ? this.response : MissingNode.getInstance();
		return List.of(this.answers.delta(response, (text != null) ? text : "", (reasoning != null) ? reasoning : ""));
	}

	private void item(JsonNode item) {
		if (!"function_call".equals(ChatResponses.text(item.get("type")))) {
			return;
		}
		String id = ChatResponses.text(item.get("id"));
		FunctionCall call = call((id != null) ? id : ChatResponses.text(item.get("call_id")));
		call.callId = ChatResponses.text(item.get("call_id"));
		call.name = ChatResponses.text(item.get("name"));
		String arguments = ChatResponses.text(item.get("arguments"));
		if (arguments != null && !arguments.isEmpty()) {
			call.arguments.setLength(0);
			call.arguments.append(arguments);
		}
	}

	private FunctionCall call(String itemId) {
		return this.calls.computeIfAbsent(itemId, id -> new FunctionCall());
	}

	/** One function call being assembled. */
	private static final class FunctionCall {

		private String callId;

		private String name;

		private final StringBuilder arguments = new StringBuilder();

		AssistantMessage.ToolCall build() {
			return new AssistantMessage.ToolCall(this.callId, "function", this.name,
					this.arguments.isEmpty() ? "{}" : this.arguments.toString());
		}

	}

}
