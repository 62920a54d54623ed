package io.github.relayai.sample.report.facts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.relayai.sample.report.alerts.AlertStatistics;
import io.github.relayai.sample.report.checks.CheckStatus;
import io.github.relayai.sample.report.checks.DeviceResult;
import io.github.relayai.sample.report.input.Alert;
import io.github.relayai.sample.report.input.Issue;
import io.github.relayai.sample.report.input.ReportMeta;
import io.github.relayai.sample.report.input.Vuln;

/**
 * Every number, table and rating of one client's month, computed in code; the renderers
 * and the narrative writers only read it.
 *
 * @param deviceStatusCount OK, WARN, ABNORMAL and REVIEW, in that order
 * @param alertRows the validated alert rows, in file order
 * @param momAlertsPct null without {@code previousMonth}
 * @param momHighPlusPct null without {@code previousMonth}
 * @param vulns present when {@code vulns.csv} exists
 * @param carriedIssues register entries that were open when the period began (last
 * month's open issues)
 * @param findings the issue list, highest risk first
 */
public record Facts(ReportMeta meta, List<DeviceResult> devices, Map<CheckStatus, Long> deviceStatusCount,
		AlertStatistics alerts, List<Alert> alertRows, BigDecimal momAlertsPct, BigDecimal momHighPlusPct,
		Optional<List<Vuln>> vulns, List<Issue> carriedIssues, List<RiskFinding> findings,
		OverallRating overallRating) {

	/** Number of devices with {@code status}. */
	public long devicesWith(CheckStatus status) {
		return deviceStatusCount.getOrDefault(status, 0L);
	}
}
