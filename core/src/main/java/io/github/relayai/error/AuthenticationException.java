package io.github.relayai.error;

/**
 * The API key is missing, invalid or expired, or may not use the model
 * ({@link ErrorCategory#AUTHENTICATION}, {@link ErrorCategory#PERMISSION_DENIED}).
 */
public class AuthenticationException extends NonTransientRelayException {

	public AuthenticationException(ProviderError error, Throwable cause) {
		super(error, cause);
	}

}
