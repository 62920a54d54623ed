package io.github.relayai.sample.report.narrative;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.relayai.sample.report.checks.CheckStatus;
import io.github.relayai.sample.report.facts.Facts;
import io.github.relayai.sample.report.facts.FactsPack;
import io.github.relayai.sample.report.facts.FindingTexts;
import io.github.relayai.sample.report.facts.RiskFinding;
import io.github.relayai.sample.report.i18n.Texts;
import io.github.relayai.sample.report.input.Risk;

/**
 * The deterministic writer used without a model: each finding type maps to its standard
 * analysis and remediation text (device items grouped per device), filled only with
 * values from the facts pack, so its output passes the grounding check by construction.
 */
public final class OfflineNarrativeWriter implements NarrativeWriter {

	/**
	 * What a device item's finding means beyond the device, by item; each sentence is
	 * said once in a narrative, not after every device.
	 */
	private static final Map<String, String> IMPACT = Map.ofEntries(Map.entry("sig_updated", "detection"),
			Map.entry("sources_silent", "detection"), Map.entry("agents_online", "detection"),
			Map.entry("agents_outdated_sig", "detection"), Map.entry("cpu_pct", "availability"),
			Map.entry("mem_pct", "availability"), Map.entry("disk_pct", "availability"),
			Map.entry("sessions", "availability"), Map.entry("power_ok", "availability"),
			Map.entry("fan_ok", "availability"), Map.entry("ha_state", "availability"),
			Map.entry("if_unexpected_down", "availability"), Map.entry("log_retention_days", "compliance"),
			Map.entry("ntp_synced", "compliance"), Map.entry("default_admin_enabled", "compliance"),
			Map.entry("dormant_accounts", "compliance"), Map.entry("config_backup", "compliance"),
			Map.entry("license_expiry", "licence"), Map.entry("cert_expiry", "licence"));

	@Override
	public NarrativeResult write(Facts facts, FactsPack pack, Texts texts) {
		FindingTexts ft = new FindingTexts(texts, facts);
		Map<String, List<Integer>> groups = new LinkedHashMap<>();
		for (int i = 0; i < facts.findings().size(); i++) {
			RiskFinding f = facts.findings().get(i);
			String key = switch (f.type()) {
				case DEVICE_ITEM -> "device:" + f.deviceId();
				case SUSPECTED_COMPROMISE -> "compromise";
				case TARGETED_SOURCE -> "targeted";
				// one paragraph for the alerts of one source on one device that mean the
				// same
				case UNRESOLVED_ALERT -> "alerts:" + f.deviceId() + ":" + f.ip() + ":" + ft.assessment(f);
				default -> "finding:" + i;
			};
			groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
		}
		List<Narrative.Finding> findings = new ArrayList<>();
		List<Narrative.Recommendation> recommendations = new ArrayList<>();
		Set<String> impactsSaid = new HashSet<>();
		for (List<Integer> group : groups.values()) {
			List<RiskFinding> members = group.stream().map(facts.findings()::get).toList();
			RiskFinding first = members.get(0);
			List<String> ids = group.stream().map(pack::findingFactId).toList();
			String priority = "P" + (members.stream().mapToInt(f -> f.risk().ordinal()).min().orElseThrow() + 1);
			String title;
			String analysis;
			String action;
			switch (first.type()) {
				case DEVICE_ITEM -> {
					String name = facts.devices()
						.stream()
						.filter(d -> d.device().id().equals(first.deviceId()))
						.findFirst()
						.orElseThrow()
						.device()
						.name();
					title = texts.t("offline.device.title", first.deviceId(), name);
					analysis = texts.t("offline.device.analysis", first.deviceId(), name, first.ip(),
							list(texts, members.stream().map(ft::display).toList()))
							+ members.stream()
								.map(f -> IMPACT.get(f.subject()))
								.filter(impact -> impact != null && impactsSaid.add(impact))
								.distinct()
								.map(impact -> texts.t("offline.impact." + impact))
								.collect(Collectors.joining());
					action = first.deviceId() + " " + name + texts.t("fmt.colon")
							+ String.join(" ", members.stream().map(ft::advice).distinct().toList());
				}
				case SUSPECTED_COMPROMISE -> {
					List<String> multi = members.stream()
						.filter(f -> f.deviceId().contains(","))
						.map(RiskFinding::ip)
						.toList();
					title = texts.t("offline.compromise.title");
					analysis = texts.t("offline.compromise.analysis",
							list(texts, members.stream()
								.map(f -> texts.t("offline.compromise.host", f.ip(), ft.categoryList(f.subject()),
										list(texts, List.of(f.deviceId().split(","))),
										texts.number(Long.parseLong(f.detail()))))
								.toList()),
							multi.isEmpty() ? "" : texts.t("offline.compromise.multi", list(texts, multi)));
					action = texts.t("offline.compromise.advice", list(texts, ips(members)));
				}
				case TARGETED_SOURCE -> {
					title = texts.t("offline.targeted.title");
					analysis = texts.t("offline.targeted.analysis",
							list(texts,
									members.stream()
										.map(f -> texts.t("offline.targeted.source", f.ip(),
												ft.categoryList(f.subject()), texts.number(Long.parseLong(f.detail()))))
										.toList()));
					action = texts.t("offline.targeted.advice", list(texts, ips(members)));
				}
				case UNRESOLVED_ALERT -> {
					title = members.size() == 1 ? ft.label(first)
							: texts.t("offline.alerts.title", first.deviceId(), first.ip());
					analysis = members.stream().map(ft::alertFacts).collect(Collectors.joining())
							+ ft.assessment(first);
					action = members.size() == 1 ? ft.label(first) + texts.t("fmt.colon") + ft.advice(first)
							: list(texts, members.stream().map(RiskFinding::subject).toList()) + texts.t("fmt.colon")
									+ ft.advice(first);
				}
				default -> {
					title = ft.label(first);
					analysis = ft.analysis(first);
					action = ft.label(first) + texts.t("fmt.colon") + ft.advice(first);
				}
			}
			findings.add(new Narrative.Finding(ids, title, analysis));
			recommendations.add(new Narrative.Recommendation(priority, action, ids));
		}
		recommendations.sort(Comparator.comparing(Narrative.Recommendation::priority));
		return new NarrativeResult(new Narrative(summary(facts, texts), findings, recommendations, plan(facts, texts)),
				NarrativeResult.Source.OFFLINE, 0, List.of(), "");
	}

	private static List<String> ips(List<RiskFinding> findings) {
		return findings.stream().map(RiskFinding::ip).toList();
	}

	private static String list(Texts texts, List<String> items) {
		return String.join(texts.t("fmt.listSeparator"), items);
	}

	private static String summary(Facts facts, Texts texts) {
		var a = facts.alerts();
		String summary = texts.t("offline.summary", texts.month(facts.meta().period().month()),
				texts.number(facts.devices().size()), texts.number(facts.devicesWith(CheckStatus.OK)),
				texts.number(facts.devicesWith(CheckStatus.WARN)),
				texts.number(facts.devicesWith(CheckStatus.ABNORMAL)), texts.number(a.total()),
				texts.number(a.highPlusTotal()), texts.percent(a.blockedRatioPct()),
				texts.t("rating." + facts.overallRating()));
		if (facts.momAlertsPct() != null) {
			summary += texts.t("offline.summary.mom", texts.change(facts.momAlertsPct()));
		}
		if (!a.unresolvedHighPlus().isEmpty()) {
			summary += texts.t("offline.summary.unresolved");
		}
		if (!a.suspectedCompromise().isEmpty()) {
			summary += texts.t("offline.summary.compromise", String.join(texts.t("fmt.listSeparator"),
					a.suspectedCompromise().stream().map(h -> h.ip()).toList()));
		}
		return summary;
	}

	private static List<String> plan(Facts facts, Texts texts) {
		List<String> plan = new ArrayList<>();
		if (facts.findings().stream().anyMatch(f -> f.risk() == Risk.HIGH)) {
			plan.add(texts.t("offline.plan.p1"));
		}
		if (!facts.alerts().suspectedCompromise().isEmpty()) {
			plan.add(texts.t("offline.plan.compromise"));
		}
		if (facts.devicesWith(CheckStatus.REVIEW) > 0) {
			plan.add(texts.t("offline.plan.review"));
		}
		plan.add(texts.t("offline.plan.inspection"));
		plan.add(texts.t("offline.plan.alerts"));
		return plan;
	}

}
