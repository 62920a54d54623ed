package io.github.relayai.chat;

import java.time.Duration;
import java.util.Optional;

import io.github.relayai.error.ErrorCategory;

/**
 * One finished request, as a {@link RequestListener} sees it.
 *
 * @param model the model that answered (a fallback model, if one did) or, for a failure,
 * the model of the last attempt
 * @param endpoint the endpoint path that answered or failed, such as
 * {@code /v1/chat/completions}; empty when no answer or error names one (a connection
 * failure before routing)
 * @param stream whether the answer was streamed
 * @param outcome how the request ended
 * @param category the category of the typed failure; empty on success, on cancellation
 * and for a failure that is not a {@link io.github.relayai.error.RelayAiException}
 * @param duration from subscription to the end
 * @param timeToFirstToken for a stream, from subscription to the first element with
 * content; empty for a call or a stream that delivered none
 * @param upstream the upstream that answered, when several are configured
 * ({@code spring.ai.relay.upstreams}); empty with {@code spring.ai.relay.base-url} alone
 * and for a failure
 */
public record RequestRecord(String model, Optional<String> endpoint, boolean stream, Outcome outcome,
		Optional<ErrorCategory> category, Duration duration, Optional<Duration> timeToFirstToken,
		Optional<String> upstream) {

	/**
	 * A record that names no upstream.
	 * @param model the model
	 * @param endpoint the endpoint path
	 * @param stream whether the answer was streamed
	 * @param outcome how the request ended
	 * @param category the category of the typed failure
	 * @param duration from subscription to the end
	 * @param timeToFirstToken for a stream, the time to its first content
	 */
	public RequestRecord(String model, Optional<String> endpoint, boolean stream, Outcome outcome,
			Optional<ErrorCategory> category, Duration duration, Optional<Duration> timeToFirstToken) {
		this(model, endpoint, stream, outcome, category, duration, timeToFirstToken, Optional.empty());
	}

	/** How a request ended. */
	public enum Outcome {

		/** An answer was delivered whole. */
		SUCCESS,
		/** The request failed. */
		FAILURE,
		/** The caller cancelled the request (for example stopped reading a stream). */
		CANCELLED

	}

}
