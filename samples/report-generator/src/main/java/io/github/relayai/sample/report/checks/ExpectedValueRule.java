package io.github.relayai.sample.report.checks;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.relayai.sample.report.input.CheckRow;

/**
 * OK when the value is the expected one (a boolean or an enum word), else a fixed status.
 */
final class ExpectedValueRule implements ItemRule {

	private static final Set<String> TRUE = Set.of("true", "yes", "1", "是", "正常");

	private static final Set<String> FALSE = Set.of("false", "no", "0", "否", "异常");

	private final String expected;

	private final CheckStatus otherwise;

	/** {@code expected} is "true", "false" or an enum word such as "normal". */
	ExpectedValueRule(String expected, CheckStatus otherwise) {
		this.expected = expected;
		this.otherwise = otherwise;
	}

	@Override
	public ItemResult rate(CheckRow row, Map<String, CheckRow> latest, Thresholds thresholds, LocalDate reference) {
		String value = normalise(row.value());
		CheckStatus status;
		if (value.isEmpty()) {
			status = CheckStatus.REVIEW;
		}
		else if (isBoolean() && !TRUE.contains(value) && !FALSE.contains(value)) {
			status = CheckStatus.REVIEW;
		}
		else {
			status = value.equals(expected) ? CheckStatus.OK : otherwise;
		}
		return new ItemResult(row.item(), row.value(), status, null, row.note());
	}

	@Override
	public boolean hasThresholds() {
		return false;
	}

	private boolean isBoolean() {
		return expected.equals("true") || expected.equals("false");
	}

	private String normalise(String raw) {
		String v = raw.trim().toLowerCase(Locale.ROOT);
		if (isBoolean()) {
			return TRUE.contains(v) ? "true" : FALSE.contains(v) ? "false" : v;
		}
		return v;
	}

}
