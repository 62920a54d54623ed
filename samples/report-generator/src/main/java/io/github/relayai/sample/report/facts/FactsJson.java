package io.github.relayai.sample.report.facts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.relayai.sample.report.alerts.AlertStatistics;
import io.github.relayai.sample.report.checks.CheckStatus;
import io.github.relayai.sample.report.input.Alert;
import io.github.relayai.sample.report.narrative.NarrativeResult;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code facts.json}: the stable keys of the issue ({@code devicesTotal},
 * {@code deviceStatusCount}, {@code deviceStatus}, {@code alertsTotal},
 * {@code alertsBySeverity}, {@code blockedRatioPct}, {@code handledRatioPct},
 * {@code momAlertsPct}, {@code highPlusTotal}, {@code unresolvedHighPlus},
 * {@code internalHostsOnMultipleDevices}, {@code overallRating}) plus the facts pack and
 * how the narrative was written.
 */
public final class FactsJson {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private FactsJson() {
	}

	/** The JSON text. */
	public static String write(Facts facts, FactsPack pack, NarrativeResult narrative) {
		return JSON.writeValueAsString(tree(facts, pack, narrative));
	}

	/** The JSON tree as maps and lists, in key order. */
	public static Map<String, Object> tree(Facts facts, FactsPack pack, NarrativeResult narrative) {
		AlertStatistics a = facts.alerts();
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("clientId", facts.meta().client().id());
		m.put("month", facts.meta().period().month().toString());
		m.put("devicesTotal", facts.devices().size());
		Map<String, Long> statusCount = new LinkedHashMap<>();
		for (CheckStatus s : List.of(CheckStatus.OK, CheckStatus.WARN, CheckStatus.ABNORMAL, CheckStatus.REVIEW)) {
			statusCount.put(s.name(), facts.devicesWith(s));
		}
		m.put("deviceStatusCount", statusCount);
		Map<String, String> deviceStatus = new LinkedHashMap<>();
		facts.devices().forEach(d -> deviceStatus.put(d.device().id(), d.status().name()));
		m.put("deviceStatus", deviceStatus);
		m.put("alertsTotal", a.total());
		Map<String, Long> bySeverity = new LinkedHashMap<>();
		a.bySeverity().forEach((s, n) -> bySeverity.put(s.code(), n));
		m.put("alertsBySeverity", bySeverity);
		m.put("blockedRatioPct", a.blockedRatioPct());
		m.put("handledRatioPct", a.handledRatioPct());
		m.put("momAlertsPct", facts.momAlertsPct());
		m.put("highPlusTotal", a.highPlusTotal());
		m.put("momHighPlusPct", facts.momHighPlusPct());
		m.put("unresolvedHighPlus", a.unresolvedHighPlus().stream().map(FactsJson::alert).toList());
		m.put("internalHostsOnMultipleDevices", a.internalHostsOnMultipleDevices());
		m.put("suspectedCompromise", a.suspectedCompromise());
		m.put("multiExploitSources", a.multiExploitSources());
		m.put("topExternalSources", a.topExternalSources());
		m.put("topTargets", a.topTargets());
		m.put("topRules", a.topRules());
		m.put("overallRating", facts.overallRating().name());
		m.put("findings", facts.findings().stream().map(f -> {
			Map<String, Object> x = new LinkedHashMap<>();
			x.put("type", f.type().name());
			x.put("risk", f.risk().code());
			x.put("deviceId", f.deviceId());
			x.put("ip", f.ip());
			x.put("subject", f.subject());
			x.put("detail", f.detail());
			x.put("due", f.due().toString());
			return x;
		}).toList());
		m.put("factsPack", pack.facts());
		Map<String, Object> n = new LinkedHashMap<>();
		n.put("source", narrative.source().name());
		n.put("attempts", narrative.attempts());
		n.put("violations", narrative.violations().stream().map(Object::toString).toList());
		n.put("note", narrative.note());
		m.put("narrative", n);
		return m;
	}

	private static Map<String, Object> alert(Alert a) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("time", a.dateOnly() ? a.time().toLocalDate().toString() : a.time().toString());
		m.put("deviceId", a.deviceId());
		m.put("severity", a.severity().code());
		m.put("category", a.category());
		m.put("ruleId", a.ruleId());
		m.put("ruleName", a.ruleName());
		m.put("srcIp", a.srcIp());
		m.put("target", a.target());
		m.put("action", a.action().code());
		m.put("status", a.status().code());
		m.put("count", a.count());
		return m;
	}

}
