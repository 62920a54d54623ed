package io.github.relayai.error;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The "what happened, what to do" sentence for each category, in English or Simplified Chinese, from
 * {@link HintTexts} and {@link HintTexts_zh_CN}.
 */
final class Hints {

	private static final String BUNDLE = HintTexts.class.getName();

	private final Locale locale;

	private final ResourceBundle bundle;

	Hints(Locale locale) {
		this.locale = "zh".equals(locale.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT;
		this.bundle = ResourceBundle.getBundle(BUNDLE, this.locale,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_CLASS));
	}

	String hint(ProviderError error) {
		String key = "hint." + error.category().name()
				+ error.suggestedEndpoint().map(endpoint -> "." + endpoint).orElse("");
		String model = (error.model() != null && !error.model().isBlank()) ? error.model()
				: this.bundle.getString("model.unknown");
		String hint = format(key, model);
		if (error.retryable() && error.retryAfter().isPresent()) {
			hint = hint + " " + format("hint.wait", seconds(error.retryAfter().get()));
		}
		return hint;
	}

	private String format(String key, Object argument) {
		return new MessageFormat(this.bundle.getString(key), this.locale).format(new Object[] { argument });
	}

	private static String seconds(Duration delay) {
		long millis = delay.toMillis();
		return (millis % 1000 == 0) ? Long.toString(millis / 1000) : String.format(Locale.ROOT, "%.1f", millis / 1000.0);
	}

}
