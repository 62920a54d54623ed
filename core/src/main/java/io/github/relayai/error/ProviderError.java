package io.github.relayai.error;

import java.time.Duration;
import java.util.Optional;

/**
 * A classified failure of a gateway call: the category, whether a retry may help, what the provider
 * said, and what the user should do about it.
 *
 * @param category what went wrong
 * @param retryable whether a retry may succeed
 * @param httpStatus the HTTP status, or {@code 0} for transport failures and in-band stream errors
 * @param type the provider's error {@code type}, if any
 * @param code the provider's error {@code code} as text, if any
 * @param param the provider's error {@code param}, if any
 * @param message the provider's own message, with relay suffixes such as {@code (request id: ...)} removed
 * @param requestId the request id from headers or the message suffix, if any
 * @param retryAfter the server-directed delay before a retry, if any
 * @param model the model the request was for, if known
 * @param endpoint the endpoint path the request went to, if known
 * @param hint what happened and what to do, in the configured language
 */
public record ProviderError(ErrorCategory category, boolean retryable, int httpStatus, String type, String code,
		String param, String message, String requestId, Optional<Duration> retryAfter, String model, String endpoint,
		String hint) {

	public ProviderError {
		if (category == null) {
			throw new IllegalArgumentException("category must not be null");
		}
		retryAfter = (retryAfter != null) ? retryAfter : Optional.empty();
	}

}
