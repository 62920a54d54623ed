package io.github.relayai.error;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans provider messages: removes relay request-id suffixes, masks secrets, and reads
 * retry delays that only the text states.
 */
final class MessageText {

	private static final Pattern REQUEST_ID_SUFFIX = Pattern
		.compile("\\s*[(（]\\s*request id[:：]?\\s*([^)）\\s:：][^)）\\s]*)?\\s*[)）]", Pattern.CASE_INSENSITIVE);

	private static final Pattern OPENAI_KEY = Pattern.compile("\\bsk-[A-Za-z0-9_*.\\-]{4,}");

	private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=\\-]{8,}");

	private static final Pattern GOOGLE_KEY = Pattern.compile("\\bAIza[0-9A-Za-z_\\-]{10,}");

	private static final Pattern RETRY_SECONDS = Pattern
		.compile("(?i)(?:retry after|try again in)\\s+(\\d+(?:\\.\\d+)?)\\s*(?:seconds?|secs?)\\b");

	private static final Pattern RETRY_COMPACT = Pattern
		.compile("(?i)try again in\\s+(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+(?:\\.\\d+)?)s)\\b");

	private MessageText() {
	}

	/**
	 * A message without its request-id suffix.
	 *
	 * @param message the message, or {@code null}
	 * @param requestId the id the suffix named, or {@code null} (also for an empty
	 * {@code (request id: )} suffix, which is removed all the same)
	 */
	record Stripped(String message, String requestId) {
	}

	static Stripped stripRequestId(String message) {
		if (message == null) {
			return new Stripped(null, null);
		}
		Matcher matcher = REQUEST_ID_SUFFIX.matcher(message);
		if (!matcher.find()) {
			return new Stripped(message, null);
		}
		return new Stripped(message.substring(0, matcher.start()) + message.substring(matcher.end()), matcher.group(1));
	}

	static String mask(String text) {
		if (text == null) {
			return null;
		}
		String masked = OPENAI_KEY.matcher(text).replaceAll("sk-***");
		masked = BEARER.matcher(masked).replaceAll("$1***");
		return GOOGLE_KEY.matcher(masked).replaceAll("AIza***");
	}

	/**
	 * Delays such as "Please retry after 20 seconds" or "Please try again in 1m0.36s".
	 */
	static Optional<Duration> retryAfter(String message) {
		if (message == null) {
			return Optional.empty();
		}
		Matcher seconds = RETRY_SECONDS.matcher(message);
		if (seconds.find()) {
			return Optional.of(millis(0, 0, seconds.group(1)));
		}
		Matcher compact = RETRY_COMPACT.matcher(message);
		if (compact.find()) {
			return Optional.of(millis(parse(compact.group(1)), parse(compact.group(2)), compact.group(3)));
		}
		return Optional.empty();
	}

	private static Duration millis(long hours, long minutes, String seconds) {
		long ms = Math.round(Double.parseDouble(seconds) * 1000);
		return Duration.ofHours(hours).plusMinutes(minutes).plusMillis(ms);
	}

	private static long parse(String number) {
		return (number != null) ? Long.parseLong(number) : 0;
	}

}
