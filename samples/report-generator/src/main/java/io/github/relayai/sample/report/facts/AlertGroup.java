package io.github.relayai.sample.report.facts;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import io.github.relayai.sample.report.input.Alert;
import io.github.relayai.sample.report.input.AlertAction;
import io.github.relayai.sample.report.input.AlertStatus;
import io.github.relayai.sample.report.input.Severity;

/**
 * Repeated alert rows of one rule from one source on one device (several days, or one
 * row), reported as one finding with its date range and total.
 *
 * @param alerts the rows, in time order, at least one
 */
public record AlertGroup(List<Alert> alerts) {

	/** The rows in time order. */
	public AlertGroup {
		alerts = alerts.stream().sorted(Comparator.comparing(Alert::time)).toList();
	}

	/** The first row: device, rule, source and target of the group. */
	public Alert first() {
		return alerts.get(0);
	}

	/** The day of the first row. */
	public LocalDate from() {
		return first().time().toLocalDate();
	}

	/** The day of the last row. */
	public LocalDate to() {
		return alerts.get(alerts.size() - 1).time().toLocalDate();
	}

	/** The sum of the rows' counts. */
	public long total() {
		return alerts.stream().mapToLong(Alert::count).sum();
	}

	/** The most severe severity of the rows. */
	public Severity severity() {
		return alerts.stream().map(Alert::severity).min(Comparator.naturalOrder()).orElseThrow();
	}

	/**
	 * What the device did, the least protective first: allowed if any row was allowed,
	 * else detected if any was, else blocked.
	 */
	public AlertAction action() {
		return alerts.stream().map(Alert::action).anyMatch(a -> a == AlertAction.ALLOWED) ? AlertAction.ALLOWED
				: alerts.stream().anyMatch(a -> a.action() == AlertAction.DETECTED) ? AlertAction.DETECTED
						: AlertAction.BLOCKED;
	}

	/** The status of the latest row: where the case stands now. */
	public AlertStatus status() {
		return alerts.get(alerts.size() - 1).status();
	}

}
