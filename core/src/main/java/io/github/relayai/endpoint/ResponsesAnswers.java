package io.github.relayai.endpoint;

import io.github.relayai.error.ProviderErrorClassifier;
import io.github.relayai.error.RelayAiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps Responses API answers onto the same {@link ChatResponse} shape as chat
 * completions: output text, reasoning summaries (or raw reasoning text), function calls
 * as tool calls, usage, and a chat-style finish reason ({@code STOP}, {@code TOOL_CALLS},
 * {@code LENGTH}, {@code CONTENT_FILTER}).
 */
final class ResponsesAnswers {

	private static final String PATH = Endpoint.RESPONSES.path();

	private final JsonMapper json;

	private final ProviderErrorClassifier classifier;

	ResponsesAnswers(JsonMapper json, ProviderErrorClassifier classifier) {
		this.json = json;
		this.classifier = classifier;
	}

	/** Parses a whole {@code response} object. */
	ChatResponse parse(byte[] body, String model) {
		JsonNode root = read(body, model);
		if (root.hasNonNull("error") || "failed".equals(ChatResponses.text(root.get("status")))) {
			throw error(root.toString(), model);
		}
		StringBuilder text = new StringBuilder();
		List<String> reasoning = new ArrayList<>();
		List<AssistantMessage.ToolCall> calls = new ArrayList<>();
		for (JsonNode item : root.path("output")) {
			String type = ChatResponses.text(item.get("type"));
			if ("message".equals(type)) {
				for (JsonNode part : item.path("content")) {
					appendIfText(text, part.has("text") ? part.get("text") : part.get("refusal"));
				}
			}
			else if ("reasoning".equals(type)) {
				for (JsonNode part : item.path("summary")) {
					reasoning.add(ChatResponses.text(part.get("text")));
				}
				for (JsonNode part : item.path("content")) {
					reasoning.add(ChatResponses.text(part.get("text")));
				}
			}
			else if ("function_call".equals(type)) {
				calls.add(toolCall(item));
			}
		}
		reasoning.removeIf(part -> part == null || part.isEmpty());
		return finalResponse(root, text.toString(), String.join("\n\n", reasoning), calls);
	}

	/** The response that ends an answer: its generation, usage and metadata. */
	ChatResponse finalResponse(JsonNode response, String text, String reasoning,
			List<AssistantMessage.ToolCall> calls) {
		Generation generation = ChatResponses.generation(0, ChatResponses.text(response.get("id")), text, reasoning,
				null, calls, finishReason(response, !calls.isEmpty()));
		Usage usage = ChatResponses.usage(response.get("usage"));
		return new ChatResponse(List.of(generation), ChatResponses.metadata(metadataRoot(response), usage, PATH));
	}

	/** A delta in the middle of a stream. */
	ChatResponse delta(JsonNode response, String text, String reasoning) {
		Generation generation = ChatResponses.generation(0, ChatResponses.text(response.get("id")), text, reasoning,
				null, List.of(), null);
		return new ChatResponse(List.of(generation),
				ChatResponses.metadata(metadataRoot(response), new EmptyUsage(), PATH));
	}

	JsonNode read(byte[] body, String model) {
		return ChatCompletionParser.readJson(this.json, this.classifier, body, model, PATH);
	}

	RelayAiException error(String data, String model) {
		return RelayAiException.of(this.classifier.classifyStreamError(data, model, PATH), null);
	}

	RelayAiException truncated(String model) {
		return RelayAiException.of(this.classifier.classifyTransport(
				new java.io.EOFException(
						"The stream ended before response.completed; the text received so far was delivered"),
				model, PATH), null);
	}

	static AssistantMessage.ToolCall toolCall(JsonNode item) {
		String arguments = ChatResponses.text(item.get("arguments"));
		return new AssistantMessage.ToolCall(ChatResponses.text(item.get("call_id")), "function",
				ChatResponses.text(item.get("name")), (arguments != null && !arguments.isEmpty()) ? arguments : "{}");
	}

	private static void appendIfText(StringBuilder text, JsonNode node) {
		if (node != null && node.isString()) {
			text.append(node.stringValue());
		}
	}

	/**
	 * The chat-style finish reason of a response: {@code incomplete_details.reason}
	 * mapped to chat names for incomplete responses, {@code TOOL_CALLS} or {@code STOP}
	 * for completed ones.
	 */
	private static String finishReason(JsonNode response, boolean hasToolCalls) {
		String status = ChatResponses.text(response.get("status"));
		if ("incomplete".equals(status)) {
			String reason = ChatResponses.text(response.path("incomplete_details").get("reason"));
			if ("max_output_tokens".equals(reason) || "max_tokens".equals(reason)) {
				return "LENGTH";
			}
			return (reason != null) ? reason.toUpperCase(Locale.ROOT) : "LENGTH";
		}
		return hasToolCalls ? "TOOL_CALLS" : "STOP";
	}

	/**
	 * The parts of a response that belong in the metadata (not its output, echoed tools
	 * or options).
	 */
	private JsonNode metadataRoot(JsonNode response) {
		ObjectNode root = this.json.createObjectNode();
		for (String field : new String[] { "id", "model", "usage", "status" }) {
			JsonNode value = response.get(field);
			if (value != null && !value.isNull()) {
				root.set(field, value);
			}
		}
		return root;
	}

}
