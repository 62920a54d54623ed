package io.github.relayai.error;

/**
 * Formats a {@link ProviderError} as the one- or two-line exception message users read.
 */
final class ErrorMessages {

	private ErrorMessages() {
	}

	static String format(ProviderError error) {
		StringBuilder sb = new StringBuilder();
		sb.append(error.hint() != null ? error.hint() : error.category().name());
		if (error.message() != null && !error.message().isBlank() && (error.hint() == null || !error.hint().contains(error.message()))) {
			sb.append(" [").append(error.category()).append(error.httpStatus() > 0 ? " " + error.httpStatus() : "")
				.append(": ").append(error.message()).append(']');
		}
		if (error.requestId() != null) {
			sb.append(" (request id ").append(error.requestId()).append(')');
		}
		return sb.toString();
	}

}
