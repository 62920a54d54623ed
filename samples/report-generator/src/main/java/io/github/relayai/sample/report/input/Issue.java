package io.github.relayai.sample.report.input;

import java.time.LocalDate;

/**
 * One entry of the optional remediation register {@code issues.csv}, carried from month
 * to month.
 */
public record Issue(String id, LocalDate opened, String deviceId, String title, Risk risk, IssueStatus status,
		LocalDate due, LocalDate closed) {

	/**
	 * Whether the issue was still open at the end of {@code day} (a closed issue always
	 * has a closing date).
	 */
	public boolean openOn(LocalDate day) {
		return !opened.isAfter(day) && (closed == null || closed.isAfter(day));
	}
}
