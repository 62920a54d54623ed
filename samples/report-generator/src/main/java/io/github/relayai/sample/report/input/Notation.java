package io.github.relayai.sample.report.input;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Notation that does not change a value: full-width digits, letters and punctuation
 * (NFKC), surrounding white space and thousands separators.
 */
public final class Notation {

	private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

	private static final Pattern PLAIN = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

	private Notation() {
	}

	/** {@code text} in NFKC without surrounding white space. */
	public static String plain(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
	}

	/**
	 * The decimal number written as {@code text} ({@code 1,200}, {@code １２００},
	 * {@code 12.5}), or null when it is not one exactly.
	 */
	public static BigDecimal decimal(String text) {
		String s = plain(text);
		if (GROUPED.matcher(s).matches()) {
			return new BigDecimal(s.replace(",", ""));
		}
		return PLAIN.matcher(s).matches() ? new BigDecimal(s) : null;
	}

	/**
	 * The whole number written as {@code text}.
	 * @throws NumberFormatException when it is not one exactly
	 */
	public static long wholeNumber(String text) {
		BigDecimal n = decimal(text);
		if (n == null || n.stripTrailingZeros().scale() > 0) {
			throw new NumberFormatException(text);
		}
		return n.longValueExact();
	}

}
