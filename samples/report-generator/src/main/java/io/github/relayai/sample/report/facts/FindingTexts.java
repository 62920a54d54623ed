package io.github.relayai.sample.report.facts;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.github.relayai.sample.report.i18n.Texts;
import io.github.relayai.sample.report.input.Alert;
import io.github.relayai.sample.report.input.AlertAction;

/**
 * The standard texts of a {@link RiskFinding} in one language: a short label and display
 * value (the facts pack), the problem and advice of the issue list, and the offline
 * analysis. Keys are {@code finding.<TYPE>.<part>}; device items take their advice from
 * {@code advice.<item>}.
 */
public final class FindingTexts {

	private final Texts texts;

	private final Facts facts;

	private final ItemDisplay itemDisplay;

	/** Texts for the findings of {@code facts}. */
	public FindingTexts(Texts texts, Facts facts) {
		this.texts = texts;
		this.facts = facts;
		this.itemDisplay = new ItemDisplay(texts);
	}

	/** Short label, e.g. "FW-02 风扇状态". */
	public String label(RiskFinding f) {
		return part(f, "label");
	}

	/** Display value, e.g. "false（异常）". */
	public String display(RiskFinding f) {
		return part(f, "display");
	}

	/** The problem as the issue list states it. */
	public String problem(RiskFinding f) {
		return part(f, "problem");
	}

	/** The standard remediation advice. */
	public String advice(RiskFinding f) {
		if (f.type() == FindingType.DEVICE_ITEM) {
			return texts.tOr("advice." + f.subject(), texts.t("advice.default"));
		}
		return part(f, "advice");
	}

	/** The standard analysis the offline writer uses. */
	public String analysis(RiskFinding f) {
		if (f.type() == FindingType.UNRESOLVED_ALERT && f.alert().action() != AlertAction.BLOCKED) {
			return texts.t("finding.UNRESOLVED_ALERT.analysisPolicyGap", args(f));
		}
		return part(f, "analysis");
	}

	/** The label of a catalogue item, e.g. "CPU 使用率". */
	public String itemLabel(String item) {
		return texts.tOr("item." + item, item);
	}

	/** The label of an alert category, e.g. "SQL 注入". */
	public String categoryLabel(String category) {
		return texts.tOr("category." + category, category);
	}

	private String part(RiskFinding f, String part) {
		return texts.t("finding." + f.type() + "." + part, args(f));
	}

	private Object[] args(RiskFinding f) {
		String risk = texts.t("risk." + f.risk());
		return switch (f.type()) {
			case DEVICE_ITEM -> {
				var device = facts.devices()
					.stream()
					.filter(d -> d.device().id().equals(f.deviceId()))
					.findFirst()
					.orElseThrow();
				var item = device.items()
					.stream()
					.filter(i -> i.item().equals(f.subject()))
					.findFirst()
					.orElseThrow();
				yield new Object[] { device.device().name(), f.deviceId(), itemLabel(f.subject()),
						itemDisplay.phrase(item), texts.t("status." + item.status()), f.ip(), risk };
			}
			case UNRESOLVED_ALERT -> {
				Alert a = f.alert();
				yield new Object[] { a.ruleId(), a.ruleName(), a.srcIp(), a.target().isEmpty() ? "—" : a.target(),
						texts.t("action." + a.action().code()), texts.t("alertStatus." + a.status().code()),
						texts.number(a.count()), texts.date(a.time().toLocalDate()), a.deviceId(),
						texts.t("severity." + a.severity().code()), risk };
			}
			case SUSPECTED_COMPROMISE, TARGETED_SOURCE -> new Object[] { f.ip(), f.deviceId(), categories(f.subject()),
					texts.number(Long.parseLong(f.detail())), f.deviceId().split(",").length, risk };
			case OPEN_VULN -> new Object[] { f.ip(), f.subject().isEmpty() ? "—" : f.subject(), f.detail(), risk };
			case OPEN_ISSUE -> new Object[] { f.subject(), f.detail(), f.deviceId().isEmpty() ? "—" : f.deviceId(),
					texts.date(f.due()), risk };
		};
	}

	private String categories(String joined) {
		return Arrays.stream(joined.split(","))
			.map(this::categoryLabel)
			.collect(Collectors.joining(texts.t("fmt.listSeparator")));
	}

}
