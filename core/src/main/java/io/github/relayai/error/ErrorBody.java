package io.github.relayai.error;

/**
 * What an error body says, whatever its shape.
 *
 * @param type the provider's error type, or {@code null}
 * @param code the provider's error code as text, or {@code null}
 * @param param the provider's error param, or {@code null}
 * @param message the provider's message (or an HTML page's title, or plain text), or
 * {@code null}
 * @param requestId a request id stated in the body, or {@code null}
 * @param status an HTTP status stated in the body, or {@code 0}
 */
record ErrorBody(String type, String code, String param, String message, String requestId, int status) {

	static final ErrorBody EMPTY = new ErrorBody(null, null, null, null, null, 0);

	/** Fills every field this body lacks from {@code fallback}. */
	ErrorBody orElse(ErrorBody fallback) {
		return new ErrorBody(pick(this.type, fallback.type), pick(this.code, fallback.code),
				pick(this.param, fallback.param), pick(this.message, fallback.message),
				pick(this.requestId, fallback.requestId), (this.status != 0) ? this.status : fallback.status);
	}

	private static String pick(String value, String fallback) {
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
