package io.github.relayai.sample.report.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.relayai.sample.report.alerts.AlertAnalyzer;
import io.github.relayai.sample.report.alerts.AlertStatistics;
import io.github.relayai.sample.report.alerts.Percent;
import io.github.relayai.sample.report.checks.CheckStatus;
import io.github.relayai.sample.report.checks.DeviceInspector;
import io.github.relayai.sample.report.checks.DeviceResult;
import io.github.relayai.sample.report.checks.ItemResult;
import io.github.relayai.sample.report.checks.Thresholds;
import io.github.relayai.sample.report.input.Alert;
import io.github.relayai.sample.report.input.InspectionData;
import io.github.relayai.sample.report.input.Issue;
import io.github.relayai.sample.report.input.ReportMeta;
import io.github.relayai.sample.report.input.Risk;
import io.github.relayai.sample.report.input.Severity;
import io.github.relayai.sample.report.input.Vuln;
import io.github.relayai.sample.report.input.VulnStatus;

/** Computes the {@link Facts} of one client's month from its validated input. */
public final class FactsCalculator {

	/** Days after the period's end by which a new finding should be fixed, by risk. */
	private static final Map<Risk, Integer> DUE_DAYS = Map.of(Risk.HIGH, 15, Risk.MEDIUM, 30, Risk.LOW, 60);

	private final AlertAnalyzer alertAnalyzer = new AlertAnalyzer();

	/** Computes the facts of {@code data}. */
	public Facts compute(InspectionData data) {
		ReportMeta meta = data.meta();
		LocalDate start = meta.period().start();
		LocalDate end = meta.period().end();
		List<DeviceResult> devices = new DeviceInspector(new Thresholds(meta.thresholdOverrides()), end)
			.inspect(data.devices(), data.checks());
		Map<CheckStatus, Long> statusCount = new EnumMap<>(CheckStatus.class);
		for (CheckStatus s : List.of(CheckStatus.OK, CheckStatus.WARN, CheckStatus.ABNORMAL, CheckStatus.REVIEW)) {
			statusCount.put(s, devices.stream().filter(d -> d.status() == s).count());
		}
		AlertStatistics alerts = alertAnalyzer.analyze(data.alerts(), start, end);
		ReportMeta.PreviousMonth prev = meta.previousMonth();
		List<Issue> carried = data.issues().stream().filter(i -> i.openOn(start.minusDays(1))).toList();
		List<RiskFinding> findings = findings(data, devices, alerts, end);
		return new Facts(meta, devices, statusCount, alerts, data.alerts(),
				prev == null ? null : Percent.change(alerts.total(), prev.alertsTotal()),
				prev == null ? null : Percent.change(alerts.highPlusTotal(), prev.highPlusAlerts()), data.vulns(),
				carried, findings, rating(findings, statusCount));
	}

	private static List<RiskFinding> findings(InspectionData data, List<DeviceResult> devices, AlertStatistics alerts,
			LocalDate end) {
		List<RiskFinding> out = new ArrayList<>();
		for (DeviceResult d : devices) {
			for (ItemResult item : d.items()) {
				if (item.status() == CheckStatus.WARN || item.status() == CheckStatus.ABNORMAL) {
					Risk risk = item.status() == CheckStatus.ABNORMAL ? Risk.HIGH : Risk.MEDIUM;
					out.add(new RiskFinding(FindingType.DEVICE_ITEM, risk, d.device().id(), d.device().mgmtIp(),
							item.item(), item.value().raw(), due(end, risk), null));
				}
			}
		}
		// repeated events of one rule from one source on one device are one finding
		Map<List<String>, List<Alert>> groups = new LinkedHashMap<>();
		for (Alert a : alerts.unresolvedHighPlus()) {
			groups.computeIfAbsent(List.of(a.deviceId(), a.ruleId(), a.srcIp()), k -> new ArrayList<>()).add(a);
		}
		for (List<Alert> rows : groups.values()) {
			AlertGroup g = new AlertGroup(rows);
			out.add(new RiskFinding(FindingType.UNRESOLVED_ALERT, Risk.HIGH, g.first().deviceId(), g.first().srcIp(),
					g.first().ruleId(), g.first().ruleName(), due(end, Risk.HIGH), g));
		}
		for (AlertStatistics.HostSpread h : alerts.suspectedCompromise()) {
			out.add(new RiskFinding(FindingType.SUSPECTED_COMPROMISE, Risk.HIGH, String.join(",", h.devices()), h.ip(),
					String.join(",", h.categories()), String.valueOf(h.count()), due(end, Risk.HIGH), null));
		}
		for (AlertStatistics.HostSpread h : alerts.multiExploitSources()) {
			out.add(new RiskFinding(FindingType.TARGETED_SOURCE, Risk.MEDIUM, String.join(",", h.devices()), h.ip(),
					String.join(",", h.categories()), String.valueOf(h.count()), due(end, Risk.MEDIUM), null));
		}
		for (Vuln v : data.vulns().orElse(List.of())) {
			if (v.status() == VulnStatus.OPEN) {
				Risk risk = v.severity().highPlus() ? Risk.HIGH
						: v.severity() == Severity.MEDIUM ? Risk.MEDIUM : Risk.LOW;
				out.add(new RiskFinding(FindingType.OPEN_VULN, risk, "", v.asset(), v.cve(), v.name(), due(end, risk),
						null));
			}
		}
		for (Issue i : data.issues()) {
			if (i.openOn(end)) {
				String ip = i.deviceId().isEmpty() ? "" : data.device(i.deviceId()).mgmtIp();
				out.add(new RiskFinding(FindingType.OPEN_ISSUE, i.risk(), i.deviceId(), ip, i.id(), i.title(),
						i.due() == null ? due(end, i.risk()) : i.due(), null));
			}
		}
		// stable: by risk, keeping the order of discovery within a risk
		out.sort(Comparator.comparing(RiskFinding::risk));
		return List.copyOf(out);
	}

	private static LocalDate due(LocalDate end, Risk risk) {
		return end.plusDays(DUE_DAYS.get(risk));
	}

	private static OverallRating rating(List<RiskFinding> findings, Map<CheckStatus, Long> statusCount) {
		if (findings.stream().anyMatch(f -> f.risk() == Risk.HIGH)) {
			return OverallRating.POOR;
		}
		if (findings.stream().anyMatch(f -> f.risk() == Risk.MEDIUM)
				|| statusCount.get(CheckStatus.WARN) + statusCount.get(CheckStatus.ABNORMAL) > 0) {
			return OverallRating.FAIR;
		}
		return OverallRating.GOOD;
	}

}
