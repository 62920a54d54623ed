package io.github.relayai.sample.report.alerts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.github.relayai.sample.report.input.Alert;
import io.github.relayai.sample.report.input.Severity;

/**
 * Everything the report says about the month's alerts; all counts are sums of the
 * {@code count} column.
 *
 * @param bySeverity every severity, most severe first, zero included
 * @param byCategory by the export's wording; the label is the canonical class, empty when
 * unknown
 * @param unclassifiedCategories the wordings the category table does not know, never
 * dropped
 * @param daily every day of the period, zero included
 * @param blockedRatioPct blocked / total, one decimal; null without alerts
 * @param handledRatioPct (handled + false positive) / total, one decimal; null without
 * alerts
 * @param unresolvedHighPlus high-and-above rows still unhandled / in progress, or not
 * blocked
 * @param internalHostsOnMultipleDevices RFC 1918 sources seen by two or more devices
 * @param suspectedCompromise RFC 1918 sources of mining, C2 or malware alerts (by
 * canonical class, whatever the export's wording)
 * @param multiExploitSources external sources that tried two or more exploit classes
 */
public record AlertStatistics(long total, Map<Severity, Long> bySeverity, long highPlusTotal, List<Count> byDevice,
		List<Count> byCategory, List<Count> unclassifiedCategories, List<Count> byAction, List<Count> byStatus,
		List<Count> topExternalSources, List<Count> topInternalSources, List<Count> topTargets, List<Count> topRules,
		Map<LocalDate, Long> daily, BigDecimal blockedRatioPct, BigDecimal handledRatioPct,
		List<Alert> unresolvedHighPlus, List<HostSpread> internalHostsOnMultipleDevices,
		List<HostSpread> suspectedCompromise, List<HostSpread> multiExploitSources) {

	/**
	 * A key (device id, category, IP, rule id...) with an optional label and its alert
	 * count.
	 */
	public record Count(String key, String label, long count) {
	}

	/**
	 * One source address with the devices that saw it, the canonical classes of the
	 * categories it triggered and its alert count.
	 */
	public record HostSpread(String ip, List<String> devices, List<String> categories, long count) {
	}
}
