package io.github.relayai.error;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The "what happened, what to do" sentence for each category, in English or Simplified
 * Chinese, from {@code io/github/relayai/error/hints*.properties}.
 */
final class Hints {

	private static final String BUNDLE = "io.github.relayai.error.hints";

	private final ResourceBundle bundle;

	Hints(Locale locale) {
		this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
	}

	/**
	 * The hint of a classified answer.
	 * @param error the error
	 * @param variant the variant of the category's hint ({@code hint.CATEGORY.variant}),
	 * or {@code null}; the endpoint a non-chat model belongs on is one
	 */
	String hint(ProviderError error, String variant) {
		String suffix = (variant != null) ? "." + variant
				: error.suggestedEndpoint().map(endpoint -> "." + endpoint).orElse("");
		String model = (error.model() != null && !error.model().isBlank()) ? error.model()
				: this.bundle.getString("model.unknown");
		String hint = format("hint." + error.category().name() + suffix, model);
		if (error.retryable() && error.retryAfter().isPresent()) {
			hint = hint + " " + format("hint.wait", seconds(error.retryAfter().get()));
		}
		return hint;
	}

	/**
	 * What failed on the way to the gateway, naming the target.
	 * @param kind the kind of failure
	 * @param target the URL (or endpoint) without secrets, or {@code null}
	 * @param detail what the JDK said, or {@code null}
	 */
	String transportMessage(TransportFailures.Kind kind, String target, String detail) {
		return format("transport." + kind.name(), (target != null) ? target : this.bundle.getString("target.unknown"),
				(detail != null) ? detail : "-");
	}

	/**
	 * What to do about a kind of transport failure.
	 * @param kind the kind of failure
	 */
	String transportHint(TransportFailures.Kind kind) {
		return this.bundle.getString("hint.transport." + kind.name());
	}

	private String format(String key, Object... arguments) {
		return new MessageFormat(this.bundle.getString(key), this.bundle.getLocale()).format(arguments);
	}

	private static String seconds(Duration delay) {
		long millis = delay.toMillis();
		return (millis % 1000 == 0) ? Long.toString(millis / 1000)
				: String.format(Locale.ROOT, "%.1f", millis / 1000.0);
	}

}
