package io.github.relayai.endpoint;

import io.github.relayai.options.RelayChatOptions;
import io.github.relayai.options.ResponseFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one mapping from {@link RelayChatOptions} to request-body fields, for every
 * {@link Endpoint}: each option is written only when set, under the name (or dotted path)
 * the endpoint gives it, and not at all where the endpoint has no such field. Then the
 * {@link RelayChatOptions#getExtraBody() extra body}, which wins over any field Relay
 * wrote: a colliding key is logged once at WARN. Messages are each endpoint's own.
 */
final class OptionsBody {

	private static final Logger logger = LoggerFactory.getLogger(OptionsBody.class);

	/** The extra-body keys already reported as colliding. */
	private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

	private static final String SCHEMA_NAME = "response";

	/** Every mapped option: its value and its path in each endpoint that takes it. */
	private static final List<Field> FIELDS = List.of(
			Field.of(RelayChatOptions::getTemperature, "temperature", "temperature", "temperature"),
			Field.of(RelayChatOptions::getTopP, "top_p", "top_p", "top_p"),
			Field.of(RelayChatOptions::getTopK, "top_k", null, null),
			Field.of(RelayChatOptions::getMaxTokens, "max_tokens", null, null),
			Field.of(RelayChatOptions::getMaxCompletionTokens, "max_completion_tokens", null, null),
			Field.of(options -> firstSet(options.getMaxTokens(), options.getMaxCompletionTokens()), null, "max_tokens",
					null),
			Field.of(options -> firstSet(options.getMaxCompletionTokens(), options.getMaxTokens()), null, null,
					"max_output_tokens"),
			Field.of(RelayChatOptions::getPresencePenalty, "presence_penalty", "presence_penalty", null),
			Field.of(RelayChatOptions::getFrequencyPenalty, "frequency_penalty", "frequency_penalty", null),
			Field.of(RelayChatOptions::getSeed, "seed", "seed", null), Field.of(RelayChatOptions::getN, "n", "n", null),
			Field.of(RelayChatOptions::getUser, "user", "user", "user"),
			Field.of(RelayChatOptions::getReasoningEffort, "reasoning_effort", null, "reasoning.effort"),
			Field.of(options -> (options.getStopSequences() == null || options.getStopSequences().isEmpty()) ? null
					: options.getStopSequences(), "stop", "stop", null),
			Field.of(RelayChatOptions::getLogprobs, "logprobs", null, null),
			Field.of(RelayChatOptions::getTopLogprobs, "top_logprobs", null, "top_logprobs"),
			Field.of(RelayChatOptions::getLogitBias, "logit_bias", "logit_bias", null),
			Field.of(RelayChatOptions::getMetadata, "metadata", null, "metadata"),
			Field.of(RelayChatOptions::getStore, "store", null, "store"),
			Field.of(RelayChatOptions::getServiceTier, "service_tier", null, "service_tier"),
			Field.of(RelayChatOptions::getPromptCacheKey, "prompt_cache_key", null, "prompt_cache_key"),
			Field.of(RelayChatOptions::getSafetyIdentifier, "safety_identifier", null, "safety_identifier"),
			Field.of(RelayChatOptions::getVerbosity, "verbosity", null, "text.verbosity"));

	private final JsonMapper json;

	OptionsBody(JsonMapper json) {
		this.json = json;
	}

	/**
	 * Writes the options, then the extra body.
	 * @param body the request body, with its model and messages already written
	 * @param options the options
	 * @param endpoint the endpoint the body is sent to
	 * @param stream whether the answer is streamed
	 */
	void write(ObjectNode body, RelayChatOptions options, Endpoint endpoint, boolean stream) {
		if (stream) {
			body.put("stream", true);
			if (endpoint != Endpoint.RESPONSES && Boolean.TRUE.equals(options.getStreamUsage())) {
				body.putObject("stream_options").put("include_usage", true);
			}
		}
		for (Field field : FIELDS) {
			String path = field.paths().get(endpoint);
			Object value = (path != null) ? field.value().apply(options) : null;
			if (value != null) {
				at(body, path).set(leaf(path), this.json.valueToTree(value));
			}
		}
		responseFormat(body, options, endpoint);
		tools(body, options, endpoint);
		extraBody(body, options);
	}

	private void responseFormat(ObjectNode body, RelayChatOptions options, Endpoint endpoint) {
		ResponseFormat format = options.getResponseFormat();
		if (format == null && options.getOutputSchema() != null) {
			format = ResponseFormat.jsonSchema(SCHEMA_NAME, options.getOutputSchema());
		}
		if (format == null || endpoint == Endpoint.COMPLETIONS) {
			return;
		}
		ObjectNode node = (endpoint == Endpoint.CHAT) ? body.putObject("response_format")
				: at(body, "text.format").putObject("format");
		node.put("type", format.type());
		if ("json_schema".equals(format.type())) {
			// chat nests the schema under json_schema, responses writes it beside the
			// type
			ObjectNode schema = (endpoint == Endpoint.CHAT) ? node.putObject("json_schema") : node;
			schema.put("name", (format.name() != null) ? format.name() : SCHEMA_NAME);
			schema.set("schema", this.json.readTree(format.schema()));
			if (format.strict() != null) {
				schema.put("strict", format.strict());
			}
		}
	}

	/**
	 * Function tools, the tool choice and parallel tool calls; chat nests each function
	 * under {@code function}, responses writes it flat.
	 */
	private void tools(ObjectNode body, RelayChatOptions options, Endpoint endpoint) {
		List<ToolCallback> tools = options.getToolCallbacks();
		if (tools == null || tools.isEmpty() || endpoint == Endpoint.COMPLETIONS) {
			return;
		}
		boolean chat = endpoint == Endpoint.CHAT;
		ArrayNode array = body.putArray("tools");
		for (ToolCallback tool : tools) {
			ToolDefinition definition = tool.getToolDefinition();
			ObjectNode item = array.addObject().put("type", "function");
			ObjectNode function = chat ? item.putObject("function") : item;
			function.put("name", definition.name());
			if (definition.description() != null) {
				function.put("description", definition.description());
			}
			function.set("parameters", this.json.readTree(definition.inputSchema()));
			if (!chat) {
				// chat completions default to non-strict schemas; keep the same contract
				function.put("strict", false);
			}
		}
		String choice = options.getToolChoice();
		if (choice != null) {
			if (choice.equals("auto") || choice.equals("none") || choice.equals("required")) {
				body.put("tool_choice", choice);
			}
			else {
				ObjectNode named = body.putObject("tool_choice").put("type", "function");
				(chat ? named.putObject("function") : named).put("name", choice);
			}
		}
		if (options.getParallelToolCalls() != null) {
			body.put("parallel_tool_calls", options.getParallelToolCalls());
		}
	}

	private void extraBody(ObjectNode body, RelayChatOptions options) {
		Map<String, Object> extra = options.getExtraBody();
		if (extra == null) {
			return;
		}
		extra.forEach((key, value) -> {
			if (body.has(key) && WARNED.add(key)) {
				logger.warn("extra-body field '{}' replaces the '{}' Relay writes from its typed option; the "
						+ "extra-body value is sent. Set the typed option instead, or remove '{}' from extra-body.",
						key, key, key);
			}
			body.set(key, this.json.valueToTree(value));
		});
	}

	/** The object that holds the last segment of a dotted path, created when absent. */
	private static ObjectNode at(ObjectNode body, String path) {
		ObjectNode node = body;
		String[] segments = path.split("\\.");
		for (int i = 0; i < segments.length - 1; i++) {
			node = node.has(segments[i]) ? (ObjectNode) node.get(segments[i]) : node.putObject(segments[i]);
		}
		return node;
	}

	private static String leaf(String path) {
		return path.substring(path.lastIndexOf('.') + 1);
	}

	private static Integer firstSet(Integer first, Integer second) {
		return (first != null) ? first : second;
	}

	/**
	 * One option and its path in each endpoint that takes it.
	 *
	 * @param value reads the option, {@code null} when unset
	 * @param paths the field's dotted path by endpoint
	 */
	private record Field(Function<RelayChatOptions, Object> value, Map<Endpoint, String> paths) {

		static Field of(Function<RelayChatOptions, Object> value, String chat, String completions, String responses) {
			Map<Endpoint, String> paths = new EnumMap<>(Endpoint.class);
			put(paths, Endpoint.CHAT, chat);
			put(paths, Endpoint.COMPLETIONS, completions);
			put(paths, Endpoint.RESPONSES, responses);
			return new Field(value, paths);
		}

		private static void put(Map<Endpoint, String> paths, Endpoint endpoint, String path) {
			if (path != null) {
				paths.put(endpoint, path);
			}
		}

	}

}
