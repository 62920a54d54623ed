package io.github.relayai.error;

/**
 * A failure that may go away when the same request is sent again (rate limits, full
 * queues, server errors, outages, timeouts).
 */
public class TransientRelayException extends RelayAiException {

	public TransientRelayException(ProviderError error, Throwable cause) {
		super(error, cause);
	}

}
