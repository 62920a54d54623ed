package io.github.relayai.error;

/**
 * A failure that sending the same request again will not fix (bad key, unknown model,
 * invalid request, exhausted quota).
 * <p>
 * One nested subclass per {@link ErrorCategory}, such as
 * {@code NonTransientRelayException.ModelNotFound}, to catch what you can handle, the way
 * Spring's {@code HttpClientErrorException.NotFound} nests under its family.
 */
public class NonTransientRelayException extends RelayAiException {

	/**
	 * Creates the exception for a failure of no more specific category.
	 * @param error what the gateway answered, classified
	 * @param cause the underlying failure, or {@code null}
	 */
	public NonTransientRelayException(ProviderError error, Throwable cause) {
		super(error, cause);
	}

	/**
	 * The model is not served by the chat-completions endpoint
	 * ({@link ErrorCategory#NON_CHAT_MODEL}); see
	 * {@link ProviderError#suggestedEndpoint()}.
	 */
	public static class NonChatModel extends NonTransientRelayException {

		/**
		 * Creates the exception.
		 * @param error what the gateway answered, classified
		 * @param cause the underlying failure, or {@code null}
		 */
		public NonChatModel(ProviderError error, Throwable cause) {
			super(error, cause);
		}

	}

	/**
	 * The gateway has no model, channel or worker for the requested model
	 * ({@link ErrorCategory#MODEL_NOT_FOUND}).
	 */
	public static class ModelNotFound extends NonTransientRelayException {

		/**
		 * Creates the exception.
		 * @param error what the gateway answered, classified
		 * @param cause the underlying failure, or {@code null}
		 */
		public ModelNotFound(ProviderError error, Throwable cause) {
			super(error, cause);
		}

	}

	/**
	 * The API key is missing, invalid or expired, or may not use the model
	 * ({@link ErrorCategory#AUTHENTICATION}, {@link ErrorCategory#PERMISSION_DENIED}).
	 */
	public static class AuthenticationFailed extends NonTransientRelayException {

		/**
		 * Creates the exception.
		 * @param error what the gateway answered, classified
		 * @param cause the underlying failure, or {@code null}
		 */
		public AuthenticationFailed(ProviderError error, Throwable cause) {
			super(error, cause);
		}

	}

	/**
	 * The account or key has run out of quota or balance
	 * ({@link ErrorCategory#INSUFFICIENT_QUOTA}).
	 */
	public static class QuotaExceeded extends NonTransientRelayException {

		/**
		 * Creates the exception.
		 * @param error what the gateway answered, classified
		 * @param cause the underlying failure, or {@code null}
		 */
		public QuotaExceeded(ProviderError error, Throwable cause) {
			super(error, cause);
		}

	}

	/**
	 * The prompt plus the requested output exceed the context window
	 * ({@link ErrorCategory#CONTEXT_LENGTH_EXCEEDED}).
	 */
	public static class ContextLengthExceeded extends NonTransientRelayException {

		/**
		 * Creates the exception.
		 * @param error what the gateway answered, classified
		 * @param cause the underlying failure, or {@code null}
		 */
		public ContextLengthExceeded(ProviderError error, Throwable cause) {
			super(error, cause);
		}

	}

	/**
	 * A content or safety filter refused the prompt or the answer
	 * ({@link ErrorCategory#CONTENT_FILTERED}).
	 */
	public static class ContentFiltered extends NonTransientRelayException {

		/**
		 * Creates the exception.
		 * @param error what the gateway answered, classified
		 * @param cause the underlying failure, or {@code null}
		 */
		public ContentFiltered(ProviderError error, Throwable cause) {
			super(error, cause);
		}

	}

	/**
	 * The gateway rejected the request as malformed or unsupported
	 * ({@link ErrorCategory#INVALID_REQUEST}).
	 */
	public static class InvalidRequest extends NonTransientRelayException {

		/**
		 * Creates the exception.
		 * @param error what the gateway answered, classified
		 * @param cause the underlying failure, or {@code null}
		 */
		public InvalidRequest(ProviderError error, Throwable cause) {
			super(error, cause);
		}

	}

	/**
	 * The gateway answered with an error that no rule classifies
	 * ({@link ErrorCategory#UNKNOWN}).
	 */
	public static class Unclassified extends NonTransientRelayException {

		/**
		 * Creates the exception.
		 * @param error what the gateway answered, classified
		 * @param cause the underlying failure, or {@code null}
		 */
		public Unclassified(ProviderError error, Throwable cause) {
			super(error, cause);
		}

	}

}
