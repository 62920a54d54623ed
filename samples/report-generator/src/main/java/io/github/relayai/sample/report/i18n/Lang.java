package io.github.relayai.sample.report.i18n;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The report languages: Simplified Chinese (default) and English. */
public enum Lang {

	ZH(Locale.SIMPLIFIED_CHINESE, "zh"), EN(Locale.ENGLISH, "en");

	private final Locale locale;

	private final String code;

	Lang(Locale locale, String code) {
		this.locale = locale;
		this.code = code;
	}

	/** The locale of the message bundle. */
	public Locale locale() {
		return locale;
	}

	/**
	 * The short code used on the command line and in resource names ({@code zh},
	 * {@code en}).
	 */
	public String code() {
		return code;
	}

	/**
	 * The language for a {@code --lang} value.
	 * @throws LocalizedException naming the languages there are
	 */
	public static Lang of(String code) {
		for (Lang l : values()) {
			if (l.code.equalsIgnoreCase(code)) {
				return l;
			}
		}
		throw new LocalizedException(Message.of("error.cli.lang", code,
				Arrays.stream(values()).map(Lang::code).collect(Collectors.joining(", "))));
	}

}
