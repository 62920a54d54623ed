package io.github.relayai.endpoint;

import io.github.relayai.options.RelayChatOptions;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the typed OpenAI request fields of {@link RelayChatOptions} that every endpoint
 * names alike (logprobs, logit bias, metadata, store, service tier, verbosity, prompt
 * cache key, safety identifier), each only when set and only where the endpoint takes it,
 * and then the {@link RelayChatOptions#getExtraBody() extra body}, which wins over any
 * field Relay wrote: a colliding key is logged once at WARN.
 */
public final class RequestFields {

	private static final Logger logger = LoggerFactory.getLogger(RequestFields.class);

	/** The extra-body keys already reported as colliding. */
	private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

	private final JsonMapper json;

	/**
	 * Creates the writer.
	 * @param json the mapper
	 */
	public RequestFields(JsonMapper json) {
		this.json = json;
	}

	/**
	 * Writes the fields of {@code /v1/chat/completions}.
	 * @param body the request body
	 * @param options the options
	 */
	public void chat(ObjectNode body, RelayChatOptions options) {
		put(body, "logprobs", options.getLogprobs());
		put(body, "top_logprobs", options.getTopLogprobs());
		put(body, "logit_bias", options.getLogitBias());
		common(body, options);
		put(body, "verbosity", options.getVerbosity());
	}

	/**
	 * Writes the fields of {@code /v1/responses}, where verbosity is
	 * {@code text.verbosity} and there is no logit bias.
	 * @param body the request body
	 * @param options the options
	 */
	public void responses(ObjectNode body, RelayChatOptions options) {
		put(body, "top_logprobs", options.getTopLogprobs());
		common(body, options);
		if (options.getVerbosity() != null) {
			ObjectNode text = body.has("text") ? (ObjectNode) body.get("text") : body.putObject("text");
			text.put("verbosity", options.getVerbosity());
		}
	}

	/**
	 * Writes the fields of the legacy {@code /v1/completions}: only the logit bias.
	 * @param body the request body
	 * @param options the options
	 */
	public void completions(ObjectNode body, RelayChatOptions options) {
		put(body, "logit_bias", options.getLogitBias());
	}

	private void common(ObjectNode body, RelayChatOptions options) {
		put(body, "metadata", options.getMetadata());
		put(body, "store", options.getStore());
		put(body, "service_tier", options.getServiceTier());
		put(body, "prompt_cache_key", options.getPromptCacheKey());
		put(body, "safety_identifier", options.getSafetyIdentifier());
	}

	/**
	 * Writes the extra body over the fields already written; each key that replaces a
	 * field Relay wrote is logged once at WARN.
	 * @param body the request body
	 * @param options the options
	 */
	public void extraBody(ObjectNode body, RelayChatOptions options) {
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

	private void put(ObjectNode body, String field, Object value) {
		if (value != null) {
			body.set(field, this.json.valueToTree(value));
		}
	}

}
