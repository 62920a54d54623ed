package io.github.relayai.sample.report.narrative;

import java.util.List;

/**
 * The prose of a report, as the model returns it through structured output (or the
 * offline writer builds it).
 *
 * @param summary the executive summary, at most 300 characters
 * @param findings the alert and risk analysis
 * @param recommendations remediation by priority P1-P3
 * @param nextMonthPlan next month's work plan, one item a line
 */
public record Narrative(String summary, List<Finding> findings, List<Recommendation> recommendations,
		List<String> nextMonthPlan) {

	/** One analysed finding, citing the facts it rests on. */
	public record Finding(List<String> factIds, String title, String analysis) {
	}

	/**
	 * One recommendation: priority {@code P1}, {@code P2} or {@code P3}, the action, the
	 * facts it answers.
	 */
	public record Recommendation(String priority, String action, List<String> factIds) {
	}
}
