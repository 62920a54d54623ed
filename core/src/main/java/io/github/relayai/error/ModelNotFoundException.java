package io.github.relayai.error;

/**
 * The gateway has no model, channel or worker for the requested model
 * ({@link ErrorCategory#MODEL_NOT_FOUND}).
 */
public class ModelNotFoundException extends NonTransientRelayException {

	public ModelNotFoundException(ProviderError error, Throwable cause) {
		super(error, cause);
	}

}
