package io.github.relayai.error;

/**
 * The gateway answered with an error that no rule classifies
 * ({@link ErrorCategory#UNKNOWN}).
 */
public class UnknownProviderException extends NonTransientRelayException {

	public UnknownProviderException(ProviderError error, Throwable cause) {
		super(error, cause);
	}

}
