package io.github.relayai.exchange;

import java.util.Objects;

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

}
