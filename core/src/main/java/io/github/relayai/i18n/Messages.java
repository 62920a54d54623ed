package io.github.relayai.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Relay's user-facing texts from one resource bundle, in Simplified Chinese for any
 * {@code zh*} locale and in English otherwise (never the JVM's default, so texts do not
 * change with the machine). Internal to Relay.
 */
public final class Messages {

	private final Locale locale;

	private final ResourceBundle bundle;

	/**
	 * Loads a bundle.
	 * @param baseName the bundle's base name, such as
	 * {@code io.github.relayai.endpoint.messages}
	 * @param requested the requested locale
	 */
	public Messages(String baseName, Locale requested) {
		this.locale = "zh".equals(requested.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT;
		this.bundle = ResourceBundle.getBundle(baseName, this.locale,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
	}

	/**
	 * Formats one text with {@link MessageFormat}.
	 * @param key the key
	 * @param arguments its arguments
	 * @return the text
	 */
	public String format(String key, Object... arguments) {
		return new MessageFormat(this.bundle.getString(key), this.locale).format(arguments);
	}

	/**
	 * One text without arguments.
	 * @param key the key
	 * @return the text
	 */
	public String text(String key) {
		return this.bundle.getString(key);
	}

}
