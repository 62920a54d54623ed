package io.github.relayai.sample.report.i18n;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-facing texts of one language ({@code i18n/messages_*.properties}) and its
 * number and date formats. Placeholders are {@code {0}}, {@code {1}}...; no other syntax
 * is interpreted.
 */
public final class Texts {

	private final Lang lang;

	private final ResourceBundle bundle;

	/** Loads the texts of {@code lang}. */
	public Texts(Lang lang) {
		this.lang = lang;
		this.bundle = ResourceBundle.getBundle("i18n/messages", lang.locale(),
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
	}

	/** The language. */
	public Lang lang() {
		return lang;
	}

	/** The text for {@code key} with its placeholders filled. */
	public String t(String key, Object... args) {
		String text = bundle.getString(key);
		for (int i = 0; i < args.length; i++) {
			text = text.replace("{" + i + "}", String.valueOf(args[i]));
		}
		return text;
	}

	/**
	 * The text for {@code key}, or {@code fallback} when the bundle has none (e.g. an
	 * unknown category).
	 */
	public String tOr(String key, String fallback) {
		try {
			return bundle.getString(key);
		}
		catch (MissingResourceException e) {
			return fallback;
		}
	}

	/** A count with grouping, e.g. {@code 4,328}. */
	public String number(long n) {
		return String.format(Locale.ROOT, "%,d", n);
	}

	/** A percentage such as {@code 98.9%}; a dash when unknown. */
	public String percent(BigDecimal pct) {
		return pct == null ? "—" : pct.toPlainString() + "%";
	}

	/** A signed change such as {@code +13.9%} or {@code -11.2%}; a dash when unknown. */
	public String change(BigDecimal pct) {
		return pct == null ? "—" : (pct.signum() > 0 ? "+" : "") + pct.toPlainString() + "%";
	}

	/** A month, e.g. {@code 2026年10月} or {@code October 2026}. */
	public String month(YearMonth month) {
		return t("fmt.month", month.getYear(), month.getMonthValue(),
				month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
	}

	/**
	 * An ISO date ({@code 2026-10-31}); the same in both languages, so the grounding
	 * check can match it.
	 */
	public String date(LocalDate date) {
		return date == null ? "—" : date.toString();
	}

}
