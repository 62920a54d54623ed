package io.github.relayai.error;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

/**
 * Recognises failures to connect, send or receive anywhere in a cause chain (looking
 * through {@code CompletionException}, {@code ExecutionException} and SDK wrappers).
 */
final class TransportFailures {

	/** Spring's "I/O error on POST request for \"http://...\"" names the URL. */
	private static final Pattern REQUEST_FOR_URL = Pattern.compile("request for \"(https?://[^\"\\s]+)\"");

	private TransportFailures() {
	}

	/**
	 * The failures a user can act on, each with its own message and hint; declared from
	 * the least to the most specific, the most specific in a chain wins (an unknown host
	 * arrives as a {@code ConnectException} caused by an
	 * {@code UnresolvedAddressException}).
	 */
	enum Kind {

		/** Nothing accepted the connection (nothing listening, or a firewall said no). */
		CONNECTION_REFUSED,
		/** The host name does not resolve. */
		UNKNOWN_HOST,
		/**
		 * The TLS handshake failed (plain HTTP behind https://, untrusted
		 * certificate...).
		 */
		TLS_HANDSHAKE,
		/** The proxy refused to open a tunnel to the gateway. */
		PROXY_REFUSED,
		/** The host did not accept the connection within the connect timeout. */
		CONNECT_TIMEOUT

	}

	/**
	 * The kind of failure the chain describes; empty for others (a connection reset or
	 * closed mid-answer, a read timeout...).
	 */
	static Optional<Kind> kind(Throwable failure) {
		Kind found = null;
		for (Throwable link = failure; link != null && link != link.getCause(); link = link.getCause()) {
			Kind kind = kindOf(link);
			if (kind != null && (found == null || kind.compareTo(found) > 0)) {
				found = kind;
			}
		}
		return Optional.ofNullable(found);
	}

	private static Kind kindOf(Throwable link) {
		if (link instanceof HttpConnectTimeoutException
				|| (link instanceof SocketTimeoutException && message(link).contains("connect"))) {
			return Kind.CONNECT_TIMEOUT;
		}
		String message = message(link);
		if (link instanceof IOException && (message.startsWith("tunnel failed") || message.contains("proxy"))) {
			return Kind.PROXY_REFUSED;
		}
		if (link instanceof SSLException) {
			return Kind.TLS_HANDSHAKE;
		}
		if (link instanceof UnresolvedAddressException || link instanceof UnknownHostException) {
			return Kind.UNKNOWN_HOST;
		}
		return (link instanceof ConnectException) ? Kind.CONNECTION_REFUSED : null;
	}

	/**
	 * The URL a wrapper in the chain names (Spring's {@code ResourceAccessException}
	 * does), for failures that reach Relay without one.
	 */
	static Optional<URI> urlIn(Throwable failure) {
		for (Throwable link = failure; link != null && link != link.getCause(); link = link.getCause()) {
			Matcher matcher = REQUEST_FOR_URL.matcher((link.getMessage() != null) ? link.getMessage() : "");
			if (matcher.find()) {
				try {
					return Optional.of(URI.create(matcher.group(1)));
				}
				catch (IllegalArgumentException ex) {
					return Optional.empty();
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * The URL to name in a message, without user info, query or fragment (where keys
	 * hide); the endpoint without one, or {@code null}.
	 */
	static String safeTarget(URI url, String endpoint) {
		if (url == null || url.getHost() == null) {
			return endpoint;
		}
		String port = (url.getPort() >= 0) ? ":" + url.getPort() : "";
		String path = (url.getRawPath() != null) ? url.getRawPath() : "";
		return url.getScheme() + "://" + url.getHost() + port + path;
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
