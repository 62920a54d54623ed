package io.github.relayai.error;

/**
 * Creates the typed exception for a {@link ProviderError}.
 */
public final class RelayExceptions {

	private RelayExceptions() {
	}

	/**
	 * Creates the exception that reports the given error.
	 * @param error the classified failure
	 * @param cause the underlying exception, may be {@code null}
	 * @return a {@link TransientRelayException} or {@link NonTransientRelayException}
	 */
	public static RelayAiException create(ProviderError error, Throwable cause) {
		return error.retryable() ? new TransientRelayException(error, cause)
				: new NonTransientRelayException(error, cause);
	}

}
