package io.github.relayai.sample.report.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.github.relayai.sample.report.alerts.AlertStatistics;
import io.github.relayai.sample.report.checks.CheckStatus;
import io.github.relayai.sample.report.i18n.Texts;
import io.github.relayai.sample.report.input.Risk;
import io.github.relayai.sample.report.input.Severity;

/**
 * The facts pack: what the narrative may say, each fact with a stable id. Headline facts
 * and one fact per device come first, then the top sources, targets and rules, then one
 * fact per finding (high-risk findings are high-risk facts).
 */
public final class FactsPack {

	private final List<Fact> facts = new ArrayList<>();

	private final List<String> findingIds = new ArrayList<>();

	private FactsPack() {
	}

	/** Builds the pack of {@code facts} with labels in the language of {@code texts}. */
	public static FactsPack of(Facts facts, Texts texts) {
		FactsPack pack = new FactsPack();
		var meta = facts.meta();
		var prev = meta.previousMonth();
		AlertStatistics alerts = facts.alerts();
		String unitDevice = texts.t("unit.device");
		String unitAlert = texts.t("unit.alert");
		pack.add(texts.t("fact.period"), meta.period().month().toString(),
				texts.month(meta.period().month()) + " (" + meta.period().start() + " ~ " + meta.period().end() + ")",
				null, false);
		pack.add(texts.t("fact.devicesTotal"), facts.devices().size(),
				texts.number(facts.devices().size()) + unitDevice, null, false);
		for (CheckStatus s : List.of(CheckStatus.OK, CheckStatus.WARN, CheckStatus.ABNORMAL, CheckStatus.REVIEW)) {
			long n = facts.devicesWith(s);
			String mom = s == CheckStatus.ABNORMAL && prev != null
					? texts.t("fact.lastMonth", texts.number(prev.abnormalDevices()) + unitDevice) : null;
			pack.add(texts.t("fact.devicesWith", texts.t("status." + s)), n, texts.number(n) + unitDevice, mom, false);
		}
		for (var d : facts.devices()) {
			pack.add(texts.t("fact.device", d.device().id(), d.device().name()), d.status().name(),
					texts.t("deviceType." + d.device().type().name()) + ", " + d.device().mgmtIp() + ", "
							+ texts.t("status." + d.status()),
					null, false);
		}
		pack.add(texts.t("fact.alertsTotal"), alerts.total(), texts.number(alerts.total()) + unitAlert,
				prev == null ? null : texts.change(facts.momAlertsPct()) + " ("
						+ texts.t("fact.lastMonth", texts.number(prev.alertsTotal()) + unitAlert) + ")",
				false);
		pack.add(texts.t("fact.highPlusTotal"), alerts.highPlusTotal(),
				texts.number(alerts.highPlusTotal()) + unitAlert,
				prev == null ? null
						: texts.change(facts.momHighPlusPct()) + " ("
								+ texts.t("fact.lastMonth", texts.number(prev.highPlusAlerts()) + unitAlert) + ")",
				false);
		for (Severity s : Severity.values()) {
			long n = alerts.bySeverity().get(s);
			pack.add(texts.t("fact.severity", texts.t("severity." + s.code())), n, texts.number(n) + unitAlert, null,
					false);
		}
		pack.add(texts.t("fact.blockedRatio"), alerts.blockedRatioPct(), texts.percent(alerts.blockedRatioPct()), null,
				false);
		pack.add(texts.t("fact.handledRatio"), alerts.handledRatioPct(), texts.percent(alerts.handledRatioPct()), null,
				false);
		pack.add(texts.t("fact.overallRating"), facts.overallRating().name(),
				texts.t("rating." + facts.overallRating()), null, false);
		if (prev != null) {
			pack.add(texts.t("fact.prevOpenIssues"), prev.openIssues(), texts.number(prev.openIssues()), null, false);
		}
		pack.add(texts.t("fact.logRule"), 180, texts.t("fact.logRule.display"), null, false);
		pack.add(texts.t("fact.carriedIssues"), facts.carriedIssues().size(),
				texts.number(facts.carriedIssues().size()), null, false);
		for (var c : alerts.topExternalSources().subList(0, Math.min(3, alerts.topExternalSources().size()))) {
			pack.add(texts.t("fact.topSource"), c.key(), c.key() + " " + texts.number(c.count()) + unitAlert, null,
					false);
		}
		for (var c : alerts.topTargets().subList(0, Math.min(3, alerts.topTargets().size()))) {
			pack.add(texts.t("fact.topTarget"), c.key(), c.key() + " " + texts.number(c.count()) + unitAlert, null,
					false);
		}
		for (var c : alerts.topRules().subList(0, Math.min(3, alerts.topRules().size()))) {
			pack.add(texts.t("fact.topRule"), c.key(),
					c.key() + " " + c.label() + " " + texts.number(c.count()) + unitAlert, null, false);
		}
		for (var c : alerts.unclassifiedCategories()) {
			pack.add(texts.t("fact.unclassified"), c.key(), c.key() + " " + texts.number(c.count()) + unitAlert, null,
					false);
		}
		FindingTexts findingTexts = new FindingTexts(texts, facts);
		for (RiskFinding f : facts.findings()) {
			pack.findingIds.add(pack.add(texts.t("finding.kind." + f.type()) + ": " + findingTexts.label(f),
					f.subject(), findingTexts.display(f) + " [" + texts.t("risk." + f.risk()) + ", "
							+ texts.t("fact.due") + " " + texts.date(f.due()) + "]",
					null, f.risk() == Risk.HIGH));
		}
		return pack;
	}

	private String add(String label, Object value, String display, String mom, boolean highRisk) {
		String id = String.format(Locale.ROOT, "F%02d", facts.size() + 1);
		facts.add(new Fact(id, label, value, display, mom, highRisk));
		return id;
	}

	/** All facts, in id order. */
	public List<Fact> facts() {
		return List.copyOf(facts);
	}

	/** The fact with {@code id}. */
	public Optional<Fact> get(String id) {
		return facts.stream().filter(f -> f.id().equals(id)).findFirst();
	}

	/** The id of the fact of the finding at {@code index} in {@link Facts#findings()}. */
	public String findingFactId(int index) {
		return findingIds.get(index);
	}

	/** The facts the narrative must cite. */
	public List<Fact> highRisk() {
		return facts.stream().filter(Fact::highRisk).toList();
	}

}
