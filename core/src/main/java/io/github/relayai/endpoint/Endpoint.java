package io.github.relayai.endpoint;

import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.ProviderError;
import java.util.Locale;
import java.util.Optional;

/**
 * The OpenAI-compatible endpoints a chat request can be sent to.
 */
public enum Endpoint {

	/** {@code /v1/chat/completions}: messages in, a message out. */
	CHAT("chat", "/v1/chat/completions"),
	/** {@code /v1/completions}: the legacy endpoint, one text prompt in, text out. */
	COMPLETIONS(ProviderError.COMPLETIONS, "/v1/completions"),
	/** {@code /v1/responses}: the Responses API, input items in, output items out. */
	RESPONSES(ProviderError.RESPONSES, "/v1/responses");

	private final String id;

	private final String path;

	Endpoint(String id, String path) {
		this.id = id;
		this.path = path;
	}

	/**
	 * The name used in properties and options: {@code chat}, {@code completions} or
	 * {@code responses}.
	 * @return the id
	 */
	public String id() {
		return this.id;
	}

	/**
	 * The API path, such as {@code /v1/responses}.
	 * @return the path
	 */
	public String path() {
		return this.path;
	}

	/**
	 * Parses an endpoint id (any letter case).
	 * @param id {@code chat}, {@code completions} or {@code responses}
	 * @return the endpoint
	 * @throws IllegalArgumentException naming the accepted values
	 */
	public static Endpoint of(String id) {
		String wanted = (id != null) ? id.strip().toLowerCase(Locale.ROOT) : "";
		for (Endpoint endpoint : values()) {
			if (endpoint.id.equals(wanted)) {
				return endpoint;
			}
		}
		throw new IllegalArgumentException("Unknown endpoint '" + id + "': use chat, completions or responses");
	}

	/**
	 * The endpoint a {@link io.github.relayai.error.ErrorCategory#NON_CHAT_MODEL} error
	 * points to.
	 * @param error the error
	 * @return the endpoint the gateway's message names, or empty
	 */
	public static Optional<Endpoint> suggestedBy(ProviderError error) {
		return error.suggestedEndpoint().map(Endpoint::of);
	}

}
