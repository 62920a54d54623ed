package io.github.relayai.error;

/**
 * A failure that sending the same request again will not fix (bad key, unknown model,
 * invalid request, exhausted quota).
 */
public class NonTransientRelayException extends RelayAiException {

	public NonTransientRelayException(ProviderError error, Throwable cause) {
		super(error, cause);
	}

}
