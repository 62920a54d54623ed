package io.github.relayai.error;

/**
 * What went wrong with a call to a gateway, independent of how the gateway phrased it.
 * <p>
 * Users match on these names, so they are part of the public API.
 */
public enum ErrorCategory {

	/** The model exists but is not served by the chat-completions endpoint. */
	NON_CHAT_MODEL(false),
	/** The gateway does not know the model, or has no channel/worker for it. */
	MODEL_NOT_FOUND(false),
	/** The API key is missing, invalid or expired. */
	AUTHENTICATION(false),
	/** The key is valid but may not use this model or resource. */
	PERMISSION_DENIED(false),
	/** The account or key has run out of balance or quota. */
	INSUFFICIENT_QUOTA(false),
	/** Too many requests or tokens per period, or the upstream is saturated. */
	RATE_LIMITED(true),
	/** A queue (the gateway's or Relay's own) is full. */
	QUEUE_FULL(true),
	/** The prompt plus the requested output exceed the model's context window. */
	CONTEXT_LENGTH_EXCEEDED(false),
	/** A content or safety filter refused the prompt or the answer. */
	CONTENT_FILTERED(false),
	/** The request is malformed or uses unsupported parameters. */
	INVALID_REQUEST(false),
	/** The gateway or the upstream failed internally. */
	SERVER_ERROR(true),
	/** The gateway could not be reached, or has no upstream available right now. */
	UNAVAILABLE(true),
	/** Connecting, or waiting for the next byte of the answer, took too long. */
	TIMEOUT(true),
	/** Nothing in the answer says what happened. */
	UNKNOWN(false);

	private final boolean retryableByDefault;

	ErrorCategory(boolean retryableByDefault) {
		this.retryableByDefault = retryableByDefault;
	}

	/**
	 * Whether failures of this category are retried unless a rule or header says
	 * otherwise.
	 * @return {@code true} for transient categories
	 */
	public boolean retryableByDefault() {
		return this.retryableByDefault;
	}

}
