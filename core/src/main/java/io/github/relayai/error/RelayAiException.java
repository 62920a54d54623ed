package io.github.relayai.error;

/**
 * Root of every exception Relay throws for a provider or transport failure;
 * {@link #error()} says what happened.
 * <p>
 * Spring AI 2.0 moved {@code TransientAiException} into {@code spring-ai-retry}, which
 * Relay does not depend on; {@link TransientRelayException} and
 * {@link NonTransientRelayException} play those roles.
 */
public abstract class RelayAiException extends RuntimeException {

	private final transient ProviderError error;

	protected RelayAiException(ProviderError error, Throwable cause) {
		super(ErrorMessages.format(error), cause);
		this.error = error;
	}

	/**
	 * The classified failure.
	 * @return the provider error
	 */
	public ProviderError error() {
		return this.error;
	}

	/**
	 * Whether a retry may succeed.
	 * @return {@link ProviderError#retryable()}
	 */
	public boolean isTransient() {
		return this.error.retryable();
	}

	/**
	 * Creates the exception that reports the given error: the family of its category
	 * ({@link TransientRelayException.QueueFull},
	 * {@link NonTransientRelayException.NonChatModel}...). When a user rule or an
	 * {@code x-should-retry} header made the error's retryability differ from its
	 * family's, the plain {@link TransientRelayException} or
	 * {@link NonTransientRelayException} is created instead, so that
	 * {@code instanceof TransientRelayException} always agrees with
	 * {@link ProviderError#retryable()}.
	 * @param error the classified failure
	 * @param cause the underlying exception, may be {@code null}
	 * @return the exception to throw
	 */
	public static RelayAiException of(ProviderError error, Throwable cause) {
		if (error.retryable() != error.category().retryableByDefault()) {
			return error.retryable() ? new TransientRelayException(error, cause)
					: new NonTransientRelayException(error, cause);
		}
		return switch (error.category()) {
			case NON_CHAT_MODEL -> new NonTransientRelayException.NonChatModel(error, cause);
			case MODEL_NOT_FOUND -> new NonTransientRelayException.ModelNotFound(error, cause);
			case AUTHENTICATION, PERMISSION_DENIED -> new NonTransientRelayException.AuthenticationFailed(error, cause);
			case INSUFFICIENT_QUOTA -> new NonTransientRelayException.QuotaExceeded(error, cause);
			case RATE_LIMITED -> new TransientRelayException.RateLimited(error, cause);
			case QUEUE_FULL -> new TransientRelayException.QueueFull(error, cause);
			case CONTEXT_LENGTH_EXCEEDED -> new NonTransientRelayException.ContextLengthExceeded(error, cause);
			case CONTENT_FILTERED -> new NonTransientRelayException.ContentFiltered(error, cause);
			case INVALID_REQUEST -> new NonTransientRelayException.InvalidRequest(error, cause);
			case SERVER_ERROR -> new TransientRelayException.ServerError(error, cause);
			case UNAVAILABLE -> new TransientRelayException.Unavailable(error, cause);
			case TIMEOUT -> new TransientRelayException.Timeout(error, cause);
			case UNKNOWN -> new NonTransientRelayException.Unclassified(error, cause);
		};
	}

}
