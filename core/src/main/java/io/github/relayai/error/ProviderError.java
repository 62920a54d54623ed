package io.github.relayai.error;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A classified failure of a gateway call: the category, whether a retry may help, what
 * the provider said, and what the user should do about it.
 *
 * @param category what went wrong
 * @param retryable whether a retry may succeed
 * @param httpStatus the HTTP status, or {@code 0} for transport failures and in-band
 * stream errors
 * @param type the provider's error {@code type}, if any
 * @param code the provider's error {@code code} as text, if any
 * @param param the provider's error {@code param}, if any
 * @param message the provider's own message, with relay suffixes such as
 * {@code (request id: ...)} removed and secrets masked
 * @param requestId the request id from headers, the body or the message suffix, if any
 * @param retryAfter the server-directed delay before a retry, if any
 * @param model the model the request was for, if known
 * @param endpoint the endpoint path the request went to, if known
 * @param hint what happened and what to do, in the configured language
 */
public record ProviderError(ErrorCategory category, boolean retryable, int httpStatus, String type, String code,
		String param, String message, String requestId, Optional<Duration> retryAfter, String model, String endpoint,
		String hint) {

	/**
	 * {@link #suggestedEndpoint()} value for the legacy {@code /v1/completions} endpoint.
	 */
	public static final String COMPLETIONS = "completions";

	/** {@link #suggestedEndpoint()} value for the {@code /v1/responses} endpoint. */
	public static final String RESPONSES = "responses";

	public ProviderError {
		if (category == null) {
			throw new IllegalArgumentException("category must not be null");
		}
		retryAfter = (retryAfter != null) ? retryAfter : Optional.empty();
	}

	/**
	 * For {@link ErrorCategory#NON_CHAT_MODEL}, the endpoint the gateway's message points
	 * to.
	 * @return {@value #COMPLETIONS}, {@value #RESPONSES}, or empty when the message names
	 * neither or the category is another one
	 */
	public Optional<String> suggestedEndpoint() {
		if (this.category != ErrorCategory.NON_CHAT_MODEL || this.message == null) {
			return Optional.empty();
		}
		String text = this.message.toLowerCase(Locale.ROOT);
		if (text.contains("v1/responses")) {
			return Optional.of(RESPONSES);
		}
		return text.contains("v1/completions") ? Optional.of(COMPLETIONS) : Optional.empty();
	}

	ProviderError withHint(String newHint) {
		return new ProviderError(this.category, this.retryable, this.httpStatus, this.type, this.code, this.param,
				this.message, this.requestId, this.retryAfter, this.model, this.endpoint, newHint);
	}

}
