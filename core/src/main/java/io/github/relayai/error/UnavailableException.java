package io.github.relayai.error;

/**
 * The gateway could not be reached or has no upstream available right now
 * ({@link ErrorCategory#UNAVAILABLE}).
 */
public class UnavailableException extends TransientRelayException {

	public UnavailableException(ProviderError error, Throwable cause) {
		super(error, cause);
	}

}
