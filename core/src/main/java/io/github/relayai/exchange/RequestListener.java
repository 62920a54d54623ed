package io.github.relayai.exchange;

import java.util.Objects;
import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.RelayAiException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.ai.chat.metadata.Usage;

/**
 * Told once about every request a Relay chat or image model finishes, after its retries
 * and fallback models: for metrics or audit. Called on the thread that finished the
 * request, so it must be quick and must not block; an exception it throws is logged and
 * otherwise ignored. It is given no prompt or answer text.
 */
@FunctionalInterface
public interface RequestListener {

	/**
	 * Called when a request succeeds, fails or is cancelled.
	 * @param record what happened
	 */
	void onRequest(RequestRecord record);

	/**
	 * A listener that calls this one, then another.
	 * @param next the other listener
	 * @return the combined listener
	 */
	default RequestListener andThen(RequestListener next) {
		Objects.requireNonNull(next, "next must not be null");
		return record -> {
			onRequest(record);
			next.onRequest(record);
		};
	}

	/**
	 * One finished request, as a {@link RequestListener} sees it.
	 *
	 * @param model the model requested of the gateway (a fallback model, if one answered)
	 * or, for a failure, the model of the last attempt
	 * @param responseModel the model the answer names ({@code model} of the answer),
	 * which a gateway or server may spell differently from the request or map to another
	 * model; empty when no answer named one
	 * @param endpoint the endpoint path that answered or failed, such as
	 * {@code /v1/chat/completions}; empty when no answer or error names one (a connection
	 * failure before routing)
	 * @param stream whether the answer was streamed
	 * @param outcome how the request ended
	 * @param category the category of the typed failure; empty on success, on
	 * cancellation and for a failure that is not a
	 * {@link io.github.relayai.error.RelayAiException}
	 * @param duration from subscription to the end
	 * @param timeToFirstToken for a stream, from subscription to the first element with
	 * content; empty for a call or a stream that delivered none
	 * @param usage the token usage the answer reported (cached prompt tokens as
	 * {@link Usage#getCacheReadInputTokens()}); empty when it reported none
	 * @param reasoningTokens the reasoning tokens the answer's usage reported; empty when
	 * it reported none
	 * @param upstream the upstream that answered, when several are configured
	 * ({@code spring.ai.relay.upstreams}); empty with {@code spring.ai.relay.base-url}
	 * alone and for a failure
	 */
	public record RequestRecord(String model, Optional<String> responseModel, Optional<String> endpoint, boolean stream,
			Outcome outcome, Optional<ErrorCategory> category, Duration duration, Optional<Duration> timeToFirstToken,
			Optional<Usage> usage, Optional<Integer> reasoningTokens, Optional<String> upstream) {

		/** How a request ended. */
		public enum Outcome {

			/** An answer was delivered whole. */
			SUCCESS,
			/** The request failed. */
			FAILURE,
			/**
			 * The caller cancelled the request (for example stopped reading a stream).
			 */
			CANCELLED

		}

	}

}
