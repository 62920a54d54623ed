package io.github.relayai.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The root address of an OpenAI-compatible gateway, normalised so that endpoint paths can
 * be appended: a trailing {@code /} and a trailing {@code /v1} are removed, so
 * {@code https://gw.example.com}, {@code https://gw.example.com/} and
 * {@code https://gw.example.com/v1/} all address
 * {@code https://gw.example.com/v1/chat/completions}.
 *
 * @param root the normalised root, without a trailing slash or {@code /v1}
 */
public record BaseUrl(URI root) {

	private static final String PROPERTY = "baseUrl";

	private static final String[] ENDPOINT_SUFFIXES = { "/chat/completions", "/chat/completion", "/completions",
			"/completion", "/responses", "/models", "/v1/chat" };

	/**
	 * Parses and validates a base URL.
	 * @param value the configured value
	 * @return the normalised base URL
	 * @throws IllegalArgumentException naming the property and the fix when the value is
	 * unusable
	 */
	public static BaseUrl parse(String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(PROPERTY + " is not set: set it to your gateway's address, for example "
					+ "https://gateway.example.com or https://gateway.example.com/v1");
		}
		String trimmed = value.strip();
		URI uri;
		try {
			uri = new URI(trimmed);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException(PROPERTY + " '" + trimmed + "' is not a valid URL (" + ex.getReason()
					+ "): use a form such as https://gateway.example.com/v1", ex);
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (scheme == null || uri.getHost() == null) {
			throw new IllegalArgumentException(PROPERTY + " '" + trimmed
					+ "' has no scheme or host: write it with http:// or https://, for example https://" + trimmed);
		}
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new IllegalArgumentException(
					PROPERTY + " '" + trimmed + "' uses scheme '" + scheme + "': only http and https are supported");
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw new IllegalArgumentException(
					PROPERTY + " '" + trimmed + "' has a query or fragment: give only the gateway root, for example "
							+ scheme + "://" + uri.getRawAuthority());
		}
		String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
		path = stripTrailingSlashes(path);
		for (String suffix : ENDPOINT_SUFFIXES) {
			if (path.endsWith(suffix)) {
				throw new IllegalArgumentException(PROPERTY + " '" + trimmed + "' ends with the endpoint '" + suffix
						+ "': give only the gateway root, for example " + scheme + "://" + uri.getRawAuthority()
						+ path.substring(0, path.length() - suffix.length()));
			}
		}
		if (path.endsWith("/vl") || path.endsWith("/V1")) {
			throw new IllegalArgumentException(PROPERTY + " '" + trimmed + "' ends with '"
					+ path.substring(path.length() - 3) + "', which looks like a typo: write /v1, for example " + scheme
					+ "://" + uri.getRawAuthority() + path.substring(0, path.length() - 3) + "/v1");
		}
		if (path.endsWith("/v1")) {
			path = path.substring(0, path.length() - 3);
		}
		return new BaseUrl(URI.create(scheme + "://" + uri.getRawAuthority() + path));
	}

	private static String stripTrailingSlashes(String path) {
		int end = path.length();
		while (end > 0 && path.charAt(end - 1) == '/') {
			end--;
		}
		return path.substring(0, end);
	}

	/**
	 * Resolves an OpenAI API path such as {@code /v1/chat/completions} against this root.
	 * @param apiPath the path, starting with {@code /}
	 * @return the absolute URI
	 */
	public URI resolve(String apiPath) {
		return URI.create(this.root + apiPath);
	}

	/**
	 * Whether requests travel unencrypted to a host other than this machine.
	 * @return {@code true} for {@code http://} to a non-loopback host
	 */
	public boolean isInsecureRemote() {
		if (!"http".equals(this.root.getScheme())) {
			return false;
		}
		String host = this.root.getHost();
		return !(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"));
	}

	@Override
	public String toString() {
		return this.root.toString();
	}

}
