package io.github.relayai.error;

import java.util.ListResourceBundle;

/**
 * English error hints, the default bundle of {@link Hints}.
 * <p>
 * Values are {@link java.text.MessageFormat} patterns: {@code {0}} is the model name, or
 * the wait in seconds for {@code hint.wait}.
 */
public class HintTexts extends ListResourceBundle {

	@Override
	protected Object[][] getContents() {
		return new Object[][] { { "model.unknown", "the requested model" }, { "hint.NON_CHAT_MODEL",
				"Model ''{0}'' is not a chat model, so /v1/chat/completions rejects it. Pick a chat model listed by /v1/models." },
				{ "hint.NON_CHAT_MODEL.completions",
						"Model ''{0}'' is not a chat model: the gateway says to use /v1/completions. Relay routes it there automatically unless spring.ai.relay.chat.endpoint-fallback=false." },
				{ "hint.NON_CHAT_MODEL.responses",
						"Model ''{0}'' is not a chat model: the gateway says to use /v1/responses. Relay routes it there automatically unless spring.ai.relay.chat.endpoint-fallback=false." },
				{ "hint.MODEL_NOT_FOUND",
						"The gateway has no model, channel or worker for ''{0}''. Pick a model listed by /v1/models (spring.ai.relay.chat.options.model) or ask the gateway admin to enable it for your group." },
				{ "hint.AUTHENTICATION",
						"The gateway rejected the API key. Check spring.ai.relay.api-key: it is missing, mistyped, expired or disabled." },
				{ "hint.PERMISSION_DENIED",
						"The API key may not use ''{0}'' or this endpoint. Ask the gateway admin to grant it to your key or group, or use another model." },
				{ "hint.INSUFFICIENT_QUOTA",
						"The account or key has run out of quota or balance. Top up the quota or raise the key''s limit; retrying will not help." },
				{ "hint.RATE_LIMITED",
						"The gateway is rate limiting requests or its upstream is saturated. Relay retries with backoff; lower the request rate or concurrency if it persists." },
				{ "hint.QUEUE_FULL",
						"The gateway''s request queue is full. Relay retries later; lower the concurrency, or use streaming if the gateway queues streams." },
				{ "hint.CONTEXT_LENGTH_EXCEEDED",
						"The prompt plus the requested output exceed the context window of ''{0}''. Reduce max-tokens or the prompt size, or use a model with a larger context." },
				{ "hint.CONTENT_FILTERED",
						"A content filter refused the prompt or the answer. Rephrase the prompt; sending the same request again will not help." },
				{ "hint.INVALID_REQUEST",
						"The gateway rejected the request as invalid. Check the options sent for ''{0}'' (parameters it does not support) against the gateway''s message." },
				{ "hint.SERVER_ERROR",
						"The gateway or its upstream failed internally. Relay retries it; if it persists, report the request id to the gateway operator." },
				{ "hint.UNAVAILABLE",
						"The gateway or its upstream cannot take the request right now. Relay retries it; if it persists, check spring.ai.relay.base-url and the gateway''s status." },
				{ "hint.TIMEOUT",
						"The gateway did not answer in time. Relay retries it; raise the timeouts or use streaming for long answers." },
				{ "hint.UNKNOWN",
						"The gateway answered with an error Relay cannot classify. Read the gateway''s message; to classify it, add a rule under spring.ai.relay.errors.rules." },
				{ "hint.wait", "The gateway asks to wait {0} seconds before retrying." } };
	}

}
