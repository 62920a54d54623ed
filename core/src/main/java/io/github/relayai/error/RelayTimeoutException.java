package io.github.relayai.error;

/**
 * Connecting to the gateway, or waiting for its answer, took too long
 * ({@link ErrorCategory#TIMEOUT}).
 */
public class RelayTimeoutException extends TransientRelayException {

	public RelayTimeoutException(ProviderError error, Throwable cause) {
		super(error, cause);
	}

}
