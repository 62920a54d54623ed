package io.github.relayai.sample.report.input;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The contents of {@code report.json}: who the report is for, the period and the
 * per-client settings.
 *
 * @param schemaVersion as written, a number or a string ({@code 1}, {@code "1.0"})
 * @param categories the client's own alert-category keywords, keyword to canonical class
 * (e.g. {@code "自定义情报告警": "c2"}), added to the built-in table
 */
public record ReportMeta(String schemaVersion, Client client, Period period, Provider provider,
		List<LocalDate> inspectionDates, PreviousMonth previousMonth, Map<String, ThresholdOverride> thresholdOverrides,
		Map<String, String> categories, String notes) {

	/** The client; {@code name} is the full legal name printed on the cover. */
	public record Client(String id, String name, String contact, Integer mlpsLevel) {
	}

	/** The reporting period; its last day is the reference date of the date checks. */
	public record Period(YearMonth month, LocalDate start, LocalDate end, ZoneId timezone) {
	}

	/**
	 * The security-services provider and the people who wrote and reviewed the report.
	 */
	public record Provider(String name, String engineer, String reviewer) {
	}

	/** Last month's headline numbers, for the month-on-month comparison. */
	public record PreviousMonth(long alertsTotal, long highPlusAlerts, long abnormalDevices, long openIssues) {
	}

	/**
	 * A client's own thresholds for one catalogue item; a null level keeps the default.
	 */
	public record ThresholdOverride(Double warn, Double abnormal) {
	}
}
