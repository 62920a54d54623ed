package io.github.relayai.sample.report.checks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.github.relayai.sample.report.input.CheckRow;

/**
 * A numeric item compared against a WARN and an ABNORMAL threshold; the measure is the
 * value itself, a ratio of two items, days left until a date or days since a date.
 */
final class ThresholdRule implements ItemRule {

	/** How a threshold is compared with the measure; the named relation means "bad". */
	enum Compare {

		AT_LEAST, ABOVE, BELOW, AT_MOST;

		boolean bad(double measure, double threshold) {
			return switch (this) {
				case AT_LEAST -> measure >= threshold;
				case ABOVE -> measure > threshold;
				case BELOW -> measure < threshold;
				case AT_MOST -> measure <= threshold;
			};
		}

	}

	/** What is measured. */
	enum Measure {

		VALUE, RATIO_PCT, DAYS_LEFT, DAYS_OLD

	}

	private final Measure measure;

	private final String denominator;

	private final Compare warnCompare;

	private final Double warn;

	private final Compare abnormalCompare;

	private final Double abnormal;

	private ThresholdRule(Measure measure, String denominator, Compare warnCompare, Double warn,
			Compare abnormalCompare, Double abnormal) {
		this.measure = measure;
		this.denominator = denominator;
		this.warnCompare = warnCompare;
		this.warn = warn;
		this.abnormalCompare = abnormalCompare;
		this.abnormal = abnormal;
	}

	/** Both levels compared the same way; a null level does not apply. */
	static ThresholdRule of(Measure measure, Compare compare, Double warn, Double abnormal) {
		return new ThresholdRule(measure, null, compare, warn, compare, abnormal);
	}

	/** The value as a percentage of the device's {@code denominator} item. */
	static ThresholdRule ratio(String denominator, Compare compare, Double warn, Double abnormal) {
		return new ThresholdRule(Measure.RATIO_PCT, denominator, compare, warn, compare, abnormal);
	}

	/**
	 * Days left until the date: WARN at or below {@code warnDays}, ABNORMAL once expired.
	 */
	static ThresholdRule expiry(double warnDays) {
		return new ThresholdRule(Measure.DAYS_LEFT, null, Compare.AT_MOST, warnDays, Compare.BELOW, 0.0);
	}

	@Override
	public ItemResult rate(CheckRow row, Map<String, CheckRow> latest, Thresholds thresholds, LocalDate reference) {
		String raw = row.value().trim();
		Double m;
		String shown = row.displayValue();
		Long days = null;
		try {
			switch (measure) {
				case VALUE -> m = Double.valueOf(raw.endsWith("%") ? raw.substring(0, raw.length() - 1) : raw);
				case RATIO_PCT -> {
					CheckRow total = latest.get(denominator);
					double t = total == null ? 0 : Double.parseDouble(total.value().trim());
					if (t <= 0) {
						return review(row);
					}
					double pct = Double.parseDouble(raw) * 100.0 / t;
					m = BigDecimal.valueOf(pct).setScale(1, RoundingMode.HALF_UP).doubleValue();
					shown = raw + " / " + total.value().trim() + " ("
							+ BigDecimal.valueOf(m).stripTrailingZeros().toPlainString() + "%)";
				}
				case DAYS_LEFT -> {
					days = ChronoUnit.DAYS.between(reference, LocalDate.parse(raw));
					m = days.doubleValue();
					shown = raw;
				}
				default -> {
					days = ChronoUnit.DAYS.between(LocalDate.parse(raw), reference);
					m = days.doubleValue();
					shown = raw;
				}
			}
		}
		catch (NumberFormatException | DateTimeParseException e) {
			return review(row);
		}
		Double abnormalAt = thresholds.abnormal(row.item(), abnormal);
		Double warnAt = thresholds.warn(row.item(), warn);
		CheckStatus status = CheckStatus.OK;
		if (abnormalAt != null && abnormalCompare.bad(m, abnormalAt)) {
			status = CheckStatus.ABNORMAL;
		}
		else if (warnAt != null && warnCompare.bad(m, warnAt)) {
			status = CheckStatus.WARN;
		}
		return new ItemResult(row.item(), shown, status, days, row.note());
	}

	@Override
	public boolean hasThresholds() {
		return true;
	}

	private static ItemResult review(CheckRow row) {
		return new ItemResult(row.item(), row.value(), CheckStatus.REVIEW, null, row.note());
	}

}
