package io.github.relayai.error;

import java.util.ListResourceBundle;

/**
 * English error hints, the default bundle of {@link Hints}.
 * <p>
 * Values are {@link java.text.MessageFormat} patterns: {@code {0}} is the model name, or
 * the wait in seconds for {@code hint.wait}; in {@code transport.*} {@code {0}} is the
 * URL and {@code {1}} what the JDK said. {@code hint.transport.*} are plain text.
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
				{ "hint.CONTEXT_LENGTH_EXCEEDED.per-minute",
						"The request alone needs more tokens than the per-minute token limit of ''{0}'' allows, so waiting will not help. Shorten the input or max-tokens, or raise the account''s tier or limit." },
				{ "hint.MODEL_NOT_FOUND.group",
						"The gateway has no channel serving ''{0}'' for the group of this API key; this is not a passing outage. Check the model name (spring.ai.relay.chat.options.model), or ask the gateway admin to enable the model for your group or move the key to a group that has it." },
				{ "target.unknown", "the gateway" },
				{ "transport.CONNECTION_REFUSED",
						"Connection to {0} refused: nothing accepts connections at that host and port." },
				{ "transport.UNKNOWN_HOST", "Unknown host in {0}: the host name does not resolve." },
				{ "transport.TLS_HANDSHAKE", "TLS handshake with {0} failed: {1}" },
				{ "transport.PROXY_REFUSED", "The proxy refused to connect to {0}: {1}" },
				{ "transport.CONNECT_TIMEOUT",
						"Connecting to {0} timed out: the host did not accept the connection within the connect timeout." },
				{ "hint.transport.CONNECTION_REFUSED",
						"Start the gateway, or fix the host and port in spring.ai.relay.base-url (and spring.ai.relay.proxy if you use one). Relay retries it." },
				{ "hint.transport.UNKNOWN_HOST",
						"Check the host name in spring.ai.relay.base-url for typos, and that this machine's DNS (or VPN) can resolve it. Relay retries it." },
				{ "hint.transport.TLS_HANDSHAKE",
						"If the gateway serves plain HTTP, write http:// in spring.ai.relay.base-url; otherwise make sure this JVM trusts the gateway's certificate and supports its TLS version. Relay retries it." },
				{ "hint.transport.PROXY_REFUSED",
						"Check spring.ai.relay.proxy (host, port, credentials) and that the proxy allows connections to the gateway's host and port. Relay retries it." },
				{ "hint.transport.CONNECT_TIMEOUT",
						"Check that the host is reachable from this machine (firewall, VPN, proxy), and raise spring.ai.relay.connect-timeout if the network is slow. Relay retries it." },
				{ "hint.wait", "The gateway asks to wait {0} seconds before retrying." } };
	}

}
