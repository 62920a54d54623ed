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
	 * ({@link QueueFullException}, {@link NonChatModelException}...). When a user rule or
	 * an {@code x-should-retry} header made the error's retryability differ from its
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
			case NON_CHAT_MODEL -> new NonChatModelException(error, cause);
			case MODEL_NOT_FOUND -> new ModelNotFoundException(error, cause);
			case AUTHENTICATION, PERMISSION_DENIED -> new AuthenticationException(error, cause);
			case INSUFFICIENT_QUOTA -> new QuotaExceededException(error, cause);
			case RATE_LIMITED -> new RateLimitedException(error, cause);
			case QUEUE_FULL -> new QueueFullException(error, cause);
			case CONTEXT_LENGTH_EXCEEDED -> new ContextLengthExceededException(error, cause);
			case CONTENT_FILTERED -> new ContentFilteredException(error, cause);
			case INVALID_REQUEST -> new InvalidRequestException(error, cause);
			case SERVER_ERROR -> new ServerErrorException(error, cause);
			case UNAVAILABLE -> new UnavailableException(error, cause);
			case TIMEOUT -> new RelayTimeoutException(error, cause);
			case UNKNOWN -> new UnknownProviderException(error, cause);
		};
	}

}
