package io.github.relayai.error;

/**
 * A content or safety filter refused the prompt or the answer
 * ({@link ErrorCategory#CONTENT_FILTERED}).
 */
public class ContentFilteredException extends NonTransientRelayException {

	public ContentFilteredException(ProviderError error, Throwable cause) {
		super(error, cause);
	}

}
