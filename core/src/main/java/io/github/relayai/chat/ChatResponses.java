package io.github.relayai.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.relayai.media.MarkdownImages;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.content.Media;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps the pieces of an OpenAI chat answer (whole or streamed) onto Spring AI's response types, the
 * same way for both paths. Shared by every endpoint adapter (chat, completions, responses) so that
 * their {@link org.springframework.ai.chat.model.ChatResponse}s have the same shape.
 */
public final class ChatResponses {

	/** Metadata key of the choice index on each {@link AssistantMessage}. */
	static final String INDEX = "index";

	/** Metadata key of the model's reasoning text on each {@link AssistantMessage}. */
	static final String REASONING_CONTENT = "reasoningContent";

	/** Response metadata key naming the endpoint that answered. */
	public static final String ENDPOINT = "relay.endpoint";

	private static final java.util.Set<String> KNOWN_FIELDS = java.util.Set.of("id", "model", "choices", "usage",
			"object");

	private final JsonMapper json;

	/**
	 * Creates the mapper.
	 * @param json the JSON mapper
	 */
	public ChatResponses(JsonMapper json) {
		this.json = json;
	}

	/**
	 * A field as text: strings as they are, other values as JSON.
	 * @param node the field, may be {@code null}
	 * @return the text, or {@code null} when absent or {@code null}
	 */
	public static String text(JsonNode node) {
		return (node == null || node.isNull() || node.isMissingNode()) ? null
				: node.isString() ? node.stringValue() : node.toString();
	}

	/**
	 * Splits {@code content} into answer text and thinking text; content is a string or an array of
	 * {@code text} / {@code thinking} parts.
	 */
	static void content(JsonNode content, StringBuilder text, StringBuilder reasoning) {
		if (content == null || content.isNull() || content.isMissingNode()) {
			return;
		}
		if (content.isString()) {
			text.append(content.stringValue());
			return;
		}
		if (content.isArray()) {
			for (JsonNode part : content) {
				String type = text(part.get("type"));
				if ("thinking".equals(type) || "reasoning".equals(type)) {
					JsonNode thinking = part.has("thinking") ? part.get("thinking") : part.get("text");
					content(thinking, reasoning, reasoning);
				}
				else if (part.isString()) {
					text.append(part.stringValue());
				}
				else if (part.has("text")) {
					text.append(text(part.get("text")));
				}
			}
		}
	}

	/** The reasoning text of a message or delta: {@code reasoning_content}, {@code reasoning} or {@code thinking}. */
	static void reasoning(JsonNode message, StringBuilder reasoning) {
		for (String field : new String[] { "reasoning_content", "reasoning", "thinking" }) {
			JsonNode value = message.get(field);
			if (value != null && value.isString()) {
				reasoning.append(value.stringValue());
				return;
			}
		}
	}

	static String finishReason(JsonNode choice) {
		String reason = text(choice.get("finish_reason"));
		return (reason != null && !reason.isEmpty()) ? reason.toUpperCase(Locale.ROOT) : null;
	}

	/**
	 * One generation in the shape every endpoint returns; images in the text become media.
	 * @param index the choice index
	 * @param id the answer id
	 * @param text the answer text
	 * @param reasoning the reasoning text
	 * @param refusal the refusal text, or {@code null}
	 * @param toolCalls complete tool calls
	 * @param finishReason upper-case finish reason, or {@code null}
	 * @return the generation
	 */
	public Generation generation(int index, String id, String text, String reasoning, String refusal,
			List<AssistantMessage.ToolCall> toolCalls, String finishReason) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put(INDEX, index);
		properties.put("id", (id != null) ? id : "");
		properties.put("role", "assistant");
		properties.put("finishReason", (finishReason != null) ? finishReason : "");
		properties.put(REASONING_CONTENT, (reasoning != null) ? reasoning : "");
		properties.put("refusal", (refusal != null) ? refusal : "");
		List<Media> media = MarkdownImages.extract(text);
		AssistantMessage message = AssistantMessage.builder()
			.content(text)
			.properties(properties)
			.toolCalls(toolCalls)
			.media(media)
			.build();
		ChatGenerationMetadata.Builder metadata = ChatGenerationMetadata.builder();
		if (finishReason != null) {
			metadata.finishReason(finishReason);
		}
		return new Generation(message, metadata.build());
	}

	/**
	 * Maps a usage object (chat or Responses field names).
	 * @param usage the usage object, may be {@code null}
	 * @return the usage
	 */
	public Usage usage(JsonNode usage) {
		if (usage == null || !usage.isObject()) {
			return new EmptyUsage();
		}
		Integer prompt = integer(usage, "prompt_tokens", "input_tokens");
		Integer completion = integer(usage, "completion_tokens", "output_tokens");
		Integer total = integer(usage, "total_tokens");
		JsonNode promptDetails = usage.has("prompt_tokens_details") ? usage.get("prompt_tokens_details")
				: usage.get("input_tokens_details");
		Long cached = (promptDetails != null && promptDetails.has("cached_tokens"))
				? promptDetails.get("cached_tokens").asLong() : null;
		if (cached == null && usage.has("prompt_cache_hit_tokens")) {
			cached = usage.get("prompt_cache_hit_tokens").asLong();
		}
		Object nativeUsage = this.json.convertValue(usage, Map.class);
		return new DefaultUsage(prompt, completion, total, nativeUsage, cached, null);
	}

	/**
	 * The reasoning tokens of a usage object, from {@code completion_tokens_details} or
	 * {@code output_tokens_details}.
	 */
	static Integer reasoningTokens(JsonNode usage) {
		if (usage == null) {
			return null;
		}
		JsonNode details = usage.has("completion_tokens_details") ? usage.get("completion_tokens_details")
				: usage.get("output_tokens_details");
		return (details != null && details.has("reasoning_tokens")) ? details.get("reasoning_tokens").asInt() : null;
	}

	private static Integer integer(JsonNode node, String... fields) {
		for (String field : fields) {
			JsonNode value = node.get(field);
			if (value != null && value.isNumber()) {
				return value.asInt();
			}
		}
		return null;
	}

	/**
	 * The response metadata: id, model, usage, the endpoint and the answer's extra fields.
	 * @param root the answer, may be {@code null}
	 * @param usage the usage
	 * @param endpoint the endpoint path that answered
	 * @return the metadata
	 */
	public ChatResponseMetadata metadata(JsonNode root, Usage usage, String endpoint) {
		ChatResponseMetadata.Builder metadata = ChatResponseMetadata.builder()
			.id((root != null && text(root.get("id")) != null) ? text(root.get("id")) : "")
			.model((root != null && text(root.get("model")) != null) ? text(root.get("model")) : "")
			.usage(usage)
			.keyValue(ENDPOINT, endpoint);
		if (root != null) {
			Integer reasoningTokens = reasoningTokens(root.get("usage"));
			if (reasoningTokens != null) {
				metadata.keyValue("reasoningTokens", reasoningTokens);
			}
			for (Map.Entry<String, JsonNode> field : root.properties()) {
				if (!KNOWN_FIELDS.contains(field.getKey()) && !field.getValue().isNull()) {
					metadata.keyValue(field.getKey(), value(field.getValue()));
				}
			}
		}
		return metadata.build();
	}

	/**
	 * A JSON value as plain Java: scalars directly (every stream chunk carries {@code created},
	 * {@code system_fingerprint} and the like, and {@code convertValue} costs far more than the
	 * chunk's other fields together), containers through the mapper.
	 */
	private Object value(JsonNode node) {
		if (node.isString()) {
			return node.stringValue();
		}
		if (node.isNumber()) {
			return node.numberValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		return this.json.convertValue(node, Object.class);
	}

	static List<AssistantMessage.ToolCall> toolCalls(JsonNode calls) {
		if (calls == null || !calls.isArray()) {
			return List.of();
		}
		List<AssistantMessage.ToolCall> result = new ArrayList<>();
		for (JsonNode call : calls) {
			JsonNode function = call.get("function");
			if (function == null) {
				continue;
			}
			String arguments = function.get("arguments") != null && !function.get("arguments").isString()
					? function.get("arguments").toString() : text(function.get("arguments"));
			result.add(new AssistantMessage.ToolCall(text(call.get("id")), "function", text(function.get("name")),
					(arguments != null) ? arguments : "{}"));
		}
		return result;
	}

}
