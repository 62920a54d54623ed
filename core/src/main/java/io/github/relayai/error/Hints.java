package io.github.relayai.error;

import java.time.Duration;
import java.util.Locale;

import io.github.relayai.i18n.Messages;

/**
 * The "what happened, what to do" sentence for each category, in English or Simplified
 * Chinese, from {@link HintTexts} and {@link HintTexts_zh_CN}.
 */
final class Hints {

	private static final String BUNDLE = HintTexts.class.getName();

	private final Messages messages;

	Hints(Locale locale) {
		this.messages = new Messages(BUNDLE, locale);
	}

	String hint(ProviderError error) {
		String key = "hint." + error.category().name()
				+ error.suggestedEndpoint().map(endpoint -> "." + endpoint).orElse("");
		String model = (error.model() != null && !error.model().isBlank()) ? error.model()
				: this.messages.text("model.unknown");
		String hint = format(key, model);
		if (error.retryable() && error.retryAfter().isPresent()) {
			hint = hint + " " + format("hint.wait", seconds(error.retryAfter().get()));
		}
		return hint;
	}

	private String format(String key, Object argument) {
		return this.messages.format(key, argument);
	}

	private static String seconds(Duration delay) {
		long millis = delay.toMillis();
		return (millis % 1000 == 0) ? Long.toString(millis / 1000)
				: String.format(Locale.ROOT, "%.1f", millis / 1000.0);
	}

}
