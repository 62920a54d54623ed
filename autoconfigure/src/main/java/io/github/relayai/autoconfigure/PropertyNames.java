package io.github.relayai.autoconfigure;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates the builder parameters that core's messages name (core knows no Spring Boot)
 * into the {@code spring.ai.relay.*} properties that set them, for configuration errors
 * reported at start-up.
 */
final class PropertyNames {

	private static final String PREFIX = "spring.ai.relay.";

	/** A settings record and its parameter: {@code RetrySettings maxAttempts}. */
	private static final Pattern SETTINGS = Pattern
		.compile("\\b(Retry|Bulkhead|CircuitBreaker|RateLimiter)Settings (\\w+)");

	/** An upstream and its parameter: {@code Upstream 'a': weight}. */
	private static final Pattern UPSTREAM = Pattern.compile("\\bUpstream '([^']*)': (\\w+)");

	/**
	 * A parameter of a builder that opens the message: {@code readIdleTimeout must...}.
	 */
	private static final Pattern LEADING = Pattern.compile("^([a-z]\\w*)(?= must| is not set| ')");

	/**
	 * Parameters whose property is not their name in kebab case, or sits under a group.
	 */
	private static final Map<String, String> PROPERTIES = Map.of("maxResponseBytes", "max-response-size", "maxImages",
			"input-images.max-per-request", "maxImageBytes", "input-images.max-bytes", "maxAttempts",
			"chat.max-attempts", "deadline", "chat.deadline", "cooldown", "balancing.cooldown", "stallTimeout",
			"read-idle-timeout");

	private PropertyNames() {
	}

	/**
	 * The message with each builder parameter it names replaced by its property.
	 * @param message core's message
	 * @return the message for a Spring Boot user
	 */
	static String translate(String message) {
		if (message == null) {
			return null;
		}
		String translated = replace(SETTINGS, message,
				(matcher) -> PREFIX + "resilience." + kebab(matcher.group(1)) + "." + kebab(matcher.group(2)));
		translated = replace(UPSTREAM, translated, (matcher) -> PREFIX + "upstreams." + matcher.group(1) + "."
				+ ("stallTimeout".equals(matcher.group(2)) ? "read-idle-timeout" : kebab(matcher.group(2))));
		return replace(LEADING, translated,
				(matcher) -> PREFIX + PROPERTIES.getOrDefault(matcher.group(1), kebab(matcher.group(1))));
	}

	private static String replace(Pattern pattern, String text, Function<MatchResult, String> with) {
		return pattern.matcher(text).replaceAll((result) -> Matcher.quoteReplacement(with.apply(result)));
	}

	private static String kebab(String name) {
		return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

}
