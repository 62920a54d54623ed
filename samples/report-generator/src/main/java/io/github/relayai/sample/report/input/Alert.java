package io.github.relayai.sample.report.input;

import java.time.LocalDateTime;

/**
 * One row of {@code alerts.csv}: a raw alert or an aggregate of one rule on one day.
 *
 * @param time local time in the period's time zone (midnight when {@code dateOnly})
 * @param category the category in the export's own wording
 * @param categoryClass its canonical class ({@code mining}, {@code c2},
 * {@code sql_injection}, ...), or null when the category table does not know the wording
 * @param dstIp empty when the export has none
 * @param dstPort null when the export has none
 */
public record Alert(LocalDateTime time, boolean dateOnly, String deviceId, Severity severity, String category,
		String categoryClass, String ruleId, String ruleName, String srcIp, String dstIp, Integer dstPort,
		String protocol, AlertAction action, long count, AlertStatus status, String note) {

	/** The target as {@code ip:port}, {@code ip} or empty. */
	public String target() {
		if (dstIp.isEmpty()) {
			return "";
		}
		return dstPort == null ? dstIp : dstIp + ":" + dstPort;
	}
}
