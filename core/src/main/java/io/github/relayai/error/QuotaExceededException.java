package io.github.relayai.error;

/**
 * The account or key has run out of quota or balance
 * ({@link ErrorCategory#INSUFFICIENT_QUOTA}).
 */
public class QuotaExceededException extends NonTransientRelayException {

	public QuotaExceededException(ProviderError error, Throwable cause) {
		super(error, cause);
	}

}
