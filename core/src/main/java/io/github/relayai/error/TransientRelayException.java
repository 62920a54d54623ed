package io.github.relayai.error;

/**
 * A failure that may go away when the same request is sent again (rate limits, full
 * queues, server errors, outages, timeouts).
 * <p>
 * One nested subclass per {@link ErrorCategory}, such as
 * {@code TransientRelayException.RateLimited}, to catch what you can handle, the way
 * Spring's {@code HttpClientErrorException.NotFound} nests under its family.
 */
public class TransientRelayException extends RelayAiException {

	/**
	 * Creates the exception for a failure of no more specific category.
	 * @param error what the gateway answered, classified
	 * @param cause the underlying failure, or {@code null}
	 */
	public TransientRelayException(ProviderError error, Throwable cause) {
		super(error, cause);
	}

	/**
	 * Too many requests or tokens, or the upstream is saturated
	 * ({@link ErrorCategory#RATE_LIMITED}).
	 */
	public static class RateLimited extends TransientRelayException {

		/**
		 * Creates the exception.
		 * @param error what the gateway answered, classified
		 * @param cause the underlying failure, or {@code null}
		 */
		public RateLimited(ProviderError error, Throwable cause) {
			super(error, cause);
		}

	}

	/**
	 * A gateway queue is full ({@link ErrorCategory#QUEUE_FULL}).
	 */
	public static class QueueFull extends TransientRelayException {

		/**
		 * Creates the exception.
		 * @param error what the gateway answered, classified
		 * @param cause the underlying failure, or {@code null}
		 */
		public QueueFull(ProviderError error, Throwable cause) {
			super(error, cause);
		}

	}

	/**
	 * The gateway or its upstream failed internally ({@link ErrorCategory#SERVER_ERROR}).
	 */
	public static class ServerError extends TransientRelayException {

		/**
		 * Creates the exception.
		 * @param error what the gateway answered, classified
		 * @param cause the underlying failure, or {@code null}
		 */
		public ServerError(ProviderError error, Throwable cause) {
			super(error, cause);
		}

	}

	/**
	 * The gateway could not be reached or has no upstream available right now
	 * ({@link ErrorCategory#UNAVAILABLE}).
	 */
	public static class Unavailable extends TransientRelayException {

		/**
		 * Creates the exception.
		 * @param error what the gateway answered, classified
		 * @param cause the underlying failure, or {@code null}
		 */
		public Unavailable(ProviderError error, Throwable cause) {
			super(error, cause);
		}

	}

	/**
	 * Connecting to the gateway, or waiting for its answer, took too long
	 * ({@link ErrorCategory#TIMEOUT}).
	 */
	public static class Timeout extends TransientRelayException {

		/**
		 * Creates the exception.
		 * @param error what the gateway answered, classified
		 * @param cause the underlying failure, or {@code null}
		 */
		public Timeout(ProviderError error, Throwable cause) {
			super(error, cause);
		}

	}

}
