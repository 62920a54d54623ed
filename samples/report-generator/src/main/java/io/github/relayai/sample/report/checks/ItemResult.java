package io.github.relayai.sample.report.checks;

import java.math.BigDecimal;

/**
 * The rated outcome of one catalogue item on one device.
 *
 * @param item the catalogue key, e.g. {@code cpu_pct}
 * @param value the value read by the item's type
 * @param days days left (expiry items) or days old (age items), else null
 * @param total the denominator of a ratio item ({@code sessions_max} for
 * {@code sessions}), else null
 * @param ratioPct the value as a percentage of {@code total}, one decimal, else null
 * @param note the note from the export
 */
public record ItemResult(String item, CheckValue value, CheckStatus status, Long days, CheckValue total,
		BigDecimal ratioPct, String note) {

	/** An item without days or ratio. */
	static ItemResult of(String item, CheckValue value, CheckStatus status, String note) {
		return new ItemResult(item, value, status, null, null, null, note);
	}

}
