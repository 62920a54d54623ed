package io.github.relayai.sample.report.checks;

import java.time.LocalDate;
import java.util.Map;

import io.github.relayai.sample.report.input.CheckRow;

/**
 * OK when the value is the expected one ({@code true}, {@code false} or a canonical word
 * such as {@code normal}, whatever the export's spelling), else a fixed status.
 */
final class ExpectedValueRule implements ItemRule {

	private final String expected;

	private final CheckStatus otherwise;

	/** {@code expected} is "true", "false" or an enum word such as "normal". */
	ExpectedValueRule(String expected, CheckStatus otherwise) {
		this.expected = expected;
		this.otherwise = otherwise;
	}

	@Override
	public ItemResult rate(CheckRow row, Map<String, CheckRow> latest, Thresholds thresholds, LocalDate reference) {
		CheckValue value = ValueReader.lenient(row);
		CheckStatus status = !value.usable() ? CheckStatus.REVIEW
				: value.word().equals(expected) ? CheckStatus.OK : otherwise;
		return ItemResult.of(row.item(), value, status, row.note());
	}

	@Override
	public boolean hasThresholds() {
		return false;
	}

}
