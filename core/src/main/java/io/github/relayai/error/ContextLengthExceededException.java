package io.github.relayai.error;

/**
 * The prompt plus the requested output exceed the context window
 * ({@link ErrorCategory#CONTEXT_LENGTH_EXCEEDED}).
 */
public class ContextLengthExceededException extends NonTransientRelayException {

	public ContextLengthExceededException(ProviderError error, Throwable cause) {
		super(error, cause);
	}

}
