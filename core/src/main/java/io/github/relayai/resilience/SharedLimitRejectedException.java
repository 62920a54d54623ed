package io.github.relayai.resilience;

/**
 * The cause of a {@link io.github.relayai.error.RelayAiException} raised when a limit
 * shared by all instances rejected a request (no permit in time, or Redis unreachable
 * with {@link SharedLimiter.OnStoreFailure#REJECT}). Like the local rejections, such a
 * request was not sent: it is not retried and does not count as a gateway failure.
 */
public final class SharedLimitRejectedException extends RuntimeException {

	SharedLimitRejectedException(String message, Throwable cause) {
		super(message, cause, false, false);
	}

}
