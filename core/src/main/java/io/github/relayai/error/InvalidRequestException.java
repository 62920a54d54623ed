package io.github.relayai.error;

/**
 * The gateway rejected the request as malformed or unsupported
 * ({@link ErrorCategory#INVALID_REQUEST}).
 */
public class InvalidRequestException extends NonTransientRelayException {

	public InvalidRequestException(ProviderError error, Throwable cause) {
		super(error, cause);
	}

}
