package io.github.relayai.sample.report.narrative;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.relayai.sample.report.checks.CheckStatus;
import io.github.relayai.sample.report.facts.Facts;
import io.github.relayai.sample.report.facts.FactsPack;
import io.github.relayai.sample.report.facts.FindingTexts;
import io.github.relayai.sample.report.facts.FindingType;
import io.github.relayai.sample.report.facts.RiskFinding;
import io.github.relayai.sample.report.i18n.Texts;
import io.github.relayai.sample.report.input.Risk;

/**
 * The deterministic writer used without a model: each finding type maps to its standard
 * analysis and remediation text (device items grouped per device), filled only with
 * values from the facts pack, so its output passes the grounding check by construction.
 */
public final class OfflineNarrativeWriter implements NarrativeWriter {

	@Override
	public NarrativeResult write(Facts facts, FactsPack pack, Texts texts) {
		FindingTexts ft = new FindingTexts(texts, facts);
		Map<String, List<Integer>> groups = new LinkedHashMap<>();
		for (int i = 0; i < facts.findings().size(); i++) {
			RiskFinding f = facts.findings().get(i);
			String key = f.type() == FindingType.DEVICE_ITEM ? "device:" + f.deviceId() : "finding:" + i;
			groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
		}
		List<Narrative.Finding> findings = new ArrayList<>();
		List<Narrative.Recommendation> recommendations = new ArrayList<>();
		for (List<Integer> group : groups.values()) {
			RiskFinding first = facts.findings().get(group.get(0));
			List<String> ids = group.stream().map(pack::findingFactId).toList();
			String priority = "P"
					+ (group.stream().mapToInt(i -> facts.findings().get(i).risk().ordinal()).min().orElseThrow() + 1);
			if (first.type() == FindingType.DEVICE_ITEM) {
				String name = facts.devices()
					.stream()
					.filter(d -> d.device().id().equals(first.deviceId()))
					.findFirst()
					.orElseThrow()
					.device()
					.name();
				List<String> items = group.stream().map(i -> ft.display(facts.findings().get(i))).toList();
				List<String> advice = group.stream().map(i -> ft.advice(facts.findings().get(i))).distinct().toList();
				findings.add(new Narrative.Finding(ids, texts.t("offline.device.title", first.deviceId(), name),
						texts.t("offline.device.analysis", first.deviceId(), name, first.ip(),
								String.join(texts.t("fmt.listSeparator"), items))));
				recommendations.add(new Narrative.Recommendation(priority,
						first.deviceId() + " " + name + texts.t("fmt.colon") + String.join(" ", advice), ids));
			}
			else {
				findings.add(new Narrative.Finding(ids, ft.label(first), ft.analysis(first)));
				recommendations.add(new Narrative.Recommendation(priority,
						ft.label(first) + texts.t("fmt.colon") + ft.advice(first), ids));
			}
		}
		recommendations.sort(Comparator.comparing(Narrative.Recommendation::priority));
		return new NarrativeResult(new Narrative(summary(facts, texts), findings, recommendations, plan(facts, texts)),
				NarrativeResult.Source.OFFLINE, 0, List.of(), "");
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
