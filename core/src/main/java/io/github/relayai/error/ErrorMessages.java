package io.github.relayai.error;

/**
 * Formats a {@link ProviderError} as the exception message users read: the hint and the
 * request id on the first line, what the gateway itself said on the second.
 */
final class ErrorMessages {

	private static final int MAX_PROVIDER_TEXT = 300;

	private ErrorMessages() {
	}

	static String format(ProviderError error) {
		StringBuilder text = new StringBuilder((error.hint() != null) ? error.hint() : error.category().name());
		if (error.requestId() != null) {
			text.append(" (request id ").append(error.requestId()).append(')');
		}
		String said = providerText(error);
		if (!said.isEmpty()) {
			text.append('\n').append(said);
		}
		return text.toString();
	}

	private static String providerText(ProviderError error) {
		StringBuilder said = new StringBuilder();
		if (error.httpStatus() > 0) {
			said.append("HTTP ").append(error.httpStatus());
		}
		String label = (error.code() != null) ? error.code() : error.type();
		if (label != null && !label.isBlank()) {
			said.append(said.isEmpty() ? "" : " ").append('[').append(label).append(']');
		}
		String message = error.message();
		if (message != null && !message.isBlank()) {
			message = message.strip();
			if (message.length() > MAX_PROVIDER_TEXT) {
				message = message.substring(0, MAX_PROVIDER_TEXT) + "...";
			}
			said.append(said.isEmpty() ? "" : ": ").append(message);
		}
		return said.toString();
	}

}
