package io.github.relayai.sample.report.checks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
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
		CheckValue value = ValueReader.lenient(row);
		if (!value.usable()) {
			return ItemResult.of(row.item(), value, CheckStatus.REVIEW, row.note());
		}
		double m;
		Long days = null;
		CheckValue total = null;
		BigDecimal pct = null;
		switch (measure) {
			case VALUE -> m = value.number().doubleValue();
			case RATIO_PCT -> {
				CheckRow totalRow = latest.get(denominator);
				total = totalRow == null ? null : ValueReader.lenient(totalRow);
				if (total == null || !total.usable() || total.number().signum() <= 0) {
					return ItemResult.of(row.item(), value, CheckStatus.REVIEW, row.note());
				}
				pct = value.number().multiply(BigDecimal.valueOf(100)).divide(total.number(), 1, RoundingMode.HALF_UP);
				m = pct.doubleValue();
			}
			case DAYS_LEFT -> {
				days = ChronoUnit.DAYS.between(reference, value.date());
				m = days.doubleValue();
			}
			default -> {
				days = ChronoUnit.DAYS.between(value.date(), reference);
				m = days.doubleValue();
			}
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
		return new ItemResult(row.item(), value, status, days, total, pct, row.note());
	}

	@Override
	public boolean hasThresholds() {
		return true;
	}

}
