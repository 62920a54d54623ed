package io.github.relayai.endpoint;

import io.github.relayai.exchange.ChatExchange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.content.Media;
import tools.jackson.databind.JsonNode;

/**
 * Maps the pieces of an OpenAI chat answer (whole or streamed) onto Spring AI's response
 * types, the same way for both paths. Shared by every endpoint adapter (chat,
 * completions, responses) so that their
 * {@link org.springframework.ai.chat.model.ChatResponse}s have the same shape.
 */
final class ChatResponses {

	/** Metadata key of the choice index on each {@link AssistantMessage}. */
	static final String INDEX = "index";

	/** Metadata key of the model's reasoning text on each {@link AssistantMessage}. */
	static final String REASONING_CONTENT = "reasoningContent";

	private static final java.util.Set<String> KNOWN_FIELDS = java.util.Set.of("id", "model", "choices", "usage",
			"object");

	private ChatResponses() {
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
	 * Splits {@code content} into answer text and thinking text; content is a string or
	 * an array of {@code text} / {@code thinking} parts.
	 */
	public static void content(JsonNode content, StringBuilder text, StringBuilder reasoning) {
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

	/**
	 * One generation in the shape every endpoint returns; images in the text become
	 * media.
	 * @param index the choice index
	 * @param id the answer id
	 * @param text the answer text
	 * @param reasoning the reasoning text
	 * @param refusal the refusal text, or {@code null}
	 * @param toolCalls complete tool calls
	 * @param finishReason upper-case finish reason, or {@code null}
	 * @return the generation
	 */
	public static Generation generation(int index, String id, String text, String reasoning, String refusal,
			List<AssistantMessage.ToolCall> toolCalls, String finishReason) {
		return generation(properties(index, id, reasoning, refusal, finishReason), text, toolCalls, finishReason);
	}

	/**
	 * The properties of a generation's message: choice index, answer id, role, finish
	 * reason, reasoning text and refusal, absent values as empty strings.
	 */
	public static Map<String, Object> properties(int index, String id, String reasoning, String refusal,
			String finishReason) {
		// the message copies its properties into a map of its own: an immutable map is
		// enough here
		return Map.of(INDEX, index, "id", (id != null) ? id : "", "role", "assistant", "finishReason",
				(finishReason != null) ? finishReason : "", REASONING_CONTENT, (reasoning != null) ? reasoning : "",
				"refusal", (refusal != null) ? refusal : "");
	}

	/**
	 * A generation whose message properties were built already (see {@link #properties}).
	 */
	public static Generation generation(Map<String, Object> properties, String text,
			List<AssistantMessage.ToolCall> toolCalls, String finishReason) {
		List<Media> media = MarkdownImages.extract(text);
		AssistantMessage message = AssistantMessage.builder()
			.content(text)
			.properties(properties)
			.toolCalls(toolCalls)
			.media(media)
			.build();
		ChatGenerationMetadata metadata = (finishReason != null)
				? ChatGenerationMetadata.builder().finishReason(finishReason).build() : ChatGenerationMetadata.NULL;
		return new Generation(message, metadata);
	}

	/**
	 * Maps a usage object (chat or Responses field names).
	 * @param usage the usage object, may be {@code null}
	 * @return the usage
	 */
	public static Usage usage(JsonNode usage) {
		return (usage != null && usage.isObject()) ? usage(plainObject(usage)) : new EmptyUsage();
	}

	/**
	 * Maps a usage object read as plain Java (chat or Responses field names).
	 * @param usage the usage object, may be {@code null}
	 * @return the usage
	 */
	public static Usage usage(Map<String, Object> usage) {
		if (usage == null) {
			return new EmptyUsage();
		}
		Integer prompt = integer(usage, "prompt_tokens", "input_tokens");
		Integer completion = integer(usage, "completion_tokens", "output_tokens");
		Integer total = integer(usage, "total_tokens");
		Map<String, Object> promptDetails = object(usage,
				usage.containsKey("prompt_tokens_details") ? "prompt_tokens_details" : "input_tokens_details");
		Long cached = number(promptDetails, "cached_tokens").map(Number::longValue)
			.or(() -> number(usage, "prompt_cache_hit_tokens").map(Number::longValue))
			.or(() -> number(usage, "cached_tokens").map(Number::longValue))
			.orElse(null);
		return new DefaultUsage(prompt, completion, total, usage, cached, null);
	}

	/**
	 * The reasoning tokens of a usage object, from {@code completion_tokens_details} or
	 * {@code output_tokens_details}, else a top-level {@code reasoning_tokens} (as
	 * DeepSeek on Azure sends).
	 */
	public static Integer reasoningTokens(Map<String, Object> usage) {
		if (usage == null) {
			return null;
		}
		Map<String, Object> details = object(usage,
				usage.containsKey("completion_tokens_details") ? "completion_tokens_details" : "output_tokens_details");
		return number(details, "reasoning_tokens").or(() -> number(usage, "reasoning_tokens"))
			.map(Number::intValue)
			.orElse(null);
	}

	private static Integer integer(Map<String, Object> usage, String... fields) {
		for (String field : fields) {
			Optional<Number> value = number(usage, field);
			if (value.isPresent()) {
				return value.get().intValue();
			}
		}
		return null;
	}

	private static Optional<Number> number(Map<String, Object> object, String field) {
		return (object != null && object.get(field) instanceof Number number) ? Optional.of(number) : Optional.empty();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> object(Map<String, Object> object, String field) {
		return (object.get(field) instanceof Map<?, ?> map) ? (Map<String, Object>) map : null;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> plainObject(JsonNode object) {
		return (Map<String, Object>) value(object);
	}

	/**
	 * The response metadata: id, model, usage, the endpoint and the answer's extra
	 * fields.
	 * @param root the answer, may be {@code null}
	 * @param usage the usage
	 * @param endpoint the endpoint path that answered
	 * @return the metadata
	 */
	public static ChatResponseMetadata metadata(JsonNode root, Usage usage, String endpoint) {
		if (root == null) {
			return metadata(null, null, null, Map.of(), usage, endpoint);
		}
		Map<String, Object> extras = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> field : root.properties()) {
			if (!isKnownField(field.getKey()) && !field.getValue().isNull()) {
				extras.put(field.getKey(), value(field.getValue()));
			}
		}
		JsonNode usageNode = root.get("usage");
		Integer reasoningTokens = (usageNode != null && usageNode.isObject()) ? reasoningTokens(plainObject(usageNode))
				: null;
		return metadata(text(root.get("id")), text(root.get("model")), reasoningTokens, extras, usage, endpoint);
	}

	/**
	 * The response metadata from fields already read: id, model, usage, the endpoint and
	 * the answer's extra fields.
	 * @param id the answer id, may be {@code null}
	 * @param model the model that answered, may be {@code null}
	 * @param reasoningTokens the reasoning tokens of the usage, may be {@code null}
	 * @param extras the answer's other top-level fields, as plain Java values
	 * @param usage the usage
	 * @param endpoint the endpoint path that answered
	 * @return the metadata
	 */
	public static ChatResponseMetadata metadata(String id, String model, Integer reasoningTokens,
			Map<String, Object> extras, Usage usage, String endpoint) {
		ChatResponseMetadata.Builder metadata = ChatResponseMetadata.builder()
			.id((id != null) ? id : "")
			.model((model != null) ? model : "")
			.usage(usage)
			.keyValue(ChatExchange.ENDPOINT_KEY, endpoint);
		if (reasoningTokens != null) {
			metadata.keyValue(ChatExchange.REASONING_TOKENS_KEY, reasoningTokens);
		}
		extras.forEach(metadata::keyValue);
		return metadata.build();
	}

	/**
	 * Whether a top-level field of a chat answer is mapped on its own rather than kept as
	 * metadata.
	 * @param name the field name
	 * @return {@code true} for {@code id}, {@code model}, {@code choices}, {@code usage}
	 * and {@code object}
	 */
	public static boolean isKnownField(String name) {
		return KNOWN_FIELDS.contains(name);
	}

	/**
	 * A JSON value as plain Java (strings, numbers, booleans, {@code null}, and lists and
	 * maps of them), converted directly: every stream chunk carries {@code created},
	 * {@code system_fingerprint} and the like, and a round trip through the mapper costs
	 * far more than the chunk's other fields together.
	 */
	public static Object value(JsonNode node) {
		if (node.isString()) {
			return node.stringValue();
		}
		if (node.isNumber()) {
			return node.numberValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isObject()) {
			Map<String, Object> map = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				map.put(field.getKey(), value(field.getValue()));
			}
			return map;
		}
		if (node.isArray()) {
			List<Object> list = new ArrayList<>(node.size());
			for (JsonNode element : node) {
				list.add(value(element));
			}
			return list;
		}
		return null;
	}

	public static List<AssistantMessage.ToolCall> toolCalls(JsonNode calls) {
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
