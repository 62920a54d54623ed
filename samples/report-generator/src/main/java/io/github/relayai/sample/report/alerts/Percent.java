package io.github.relayai.sample.report.alerts;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Percentages with one decimal, rounded half up, as every ratio in the report is shown.
 */
public final class Percent {

	private Percent() {
	}

	/** {@code part / whole} in percent; null when {@code whole} is 0. */
	public static BigDecimal of(long part, long whole) {
		if (whole == 0) {
			return null;
		}
		return BigDecimal.valueOf(part)
			.multiply(BigDecimal.valueOf(100))
			.divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
	}

	/**
	 * Month-on-month change from {@code before} to {@code now} in percent; null when
	 * {@code before} is 0.
	 */
	public static BigDecimal change(long now, long before) {
		return of(now - before, before);
	}

}
