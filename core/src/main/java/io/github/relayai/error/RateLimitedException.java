package io.github.relayai.error;

/**
 * Too many requests or tokens, or the upstream is saturated
 * ({@link ErrorCategory#RATE_LIMITED}).
 */
public class RateLimitedException extends TransientRelayException {

	public RateLimitedException(ProviderError error, Throwable cause) {
		super(error, cause);
	}

}
