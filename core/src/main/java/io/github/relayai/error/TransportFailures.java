package io.github.relayai.error;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Recognises failures to connect, send or receive anywhere in a cause chain (looking
 * through {@code CompletionException}, {@code ExecutionException} and SDK wrappers).
 */
final class TransportFailures {

	private TransportFailures() {
	}

	/**
	 * The category of the transport failure in the chain: {@link ErrorCategory#TIMEOUT}
	 * if any link timed out, else {@link ErrorCategory#UNAVAILABLE} if any link is an I/O
	 * failure; empty if none is.
	 */
	static Optional<ErrorCategory> category(Throwable failure) {
		ErrorCategory found = null;
		for (Throwable link = failure; link != null && link != link.getCause(); link = link.getCause()) {
			if (isTimeout(link)) {
				return Optional.of(ErrorCategory.TIMEOUT);
			}
			if (isConnectionFailure(link)) {
				found = ErrorCategory.UNAVAILABLE;
			}
		}
		return Optional.ofNullable(found);
	}

	/**
	 * The innermost transport failure of the chain, for the message; the failure itself
	 * if none.
	 */
	static Throwable rootTransportFailure(Throwable failure) {
		Throwable root = failure;
		for (Throwable link = failure; link != null && link != link.getCause(); link = link.getCause()) {
			if (isTimeout(link) || isConnectionFailure(link)) {
				root = link;
			}
		}
		return root;
	}

	private static boolean isTimeout(Throwable link) {
		if (link instanceof HttpTimeoutException || link instanceof TimeoutException
				|| link instanceof SocketTimeoutException) {
			return true;
		}
		return link instanceof InterruptedIOException && message(link).contains("timeout");
	}

	private static boolean isConnectionFailure(Throwable link) {
		// ConnectException, ClosedChannelException, EOFException, "connection reset",
		// "HTTP/1.1 header parser received no bytes"... are all IOExceptions.
		return link instanceof IOException;
	}

	private static String message(Throwable link) {
		return (link.getMessage() != null) ? link.getMessage().toLowerCase(Locale.ROOT) : "";
	}

}
