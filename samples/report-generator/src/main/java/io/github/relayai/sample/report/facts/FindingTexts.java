package io.github.relayai.sample.report.facts;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.relayai.sample.report.i18n.Texts;
import io.github.relayai.sample.report.input.Alert;
import io.github.relayai.sample.report.input.AlertAction;
import io.github.relayai.sample.report.input.DeviceType;

/**
 * The standard texts of a {@link RiskFinding} in one language: a short label and display
 * value (the facts pack), the problem and advice of the issue list, and the offline
 * analysis. Keys are {@code finding.<TYPE>.<part>}; device items take their advice from
 * {@code advice.<item>}.
 */
public final class FindingTexts {

	/**
	 * Device types that can only detect: the gap of an alert they saw is the response.
	 */
	private static final Set<DeviceType> DETECT_ONLY = Set.of(DeviceType.IDS, DeviceType.LOG_AUDIT, DeviceType.DB_AUDIT,
			DeviceType.SOC);

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

	/**
	 * The standard remediation advice; for an alert it follows what the device did and
	 * what it can do.
	 */
	public String advice(RiskFinding f) {
		if (f.type() == FindingType.DEVICE_ITEM) {
			return texts.tOr("advice." + f.subject(), texts.t("advice.default"));
		}
		if (f.type() == FindingType.UNRESOLVED_ALERT) {
			return part(f, "advice." + alertCase(f.alerts()));
		}
		return part(f, "advice");
	}

	/**
	 * The standard analysis the offline writer uses. An alert's says what happened, then
	 * what it means given the action, the device type and the status: a policy gap when a
	 * device that can block did not, a response gap on a detect-only device, an open case
	 * when it was blocked; a handled or false-positive alert is not called unresolved.
	 */
	public String analysis(RiskFinding f) {
		if (f.type() != FindingType.UNRESOLVED_ALERT) {
			return part(f, "analysis");
		}
		return part(f, "analysis") + assessment(f);
	}

	/**
	 * What an alert finding means, the second half of its {@link #analysis}; the same for
	 * the alerts of one source on one device handled alike.
	 */
	public String assessment(RiskFinding f) {
		AlertGroup g = f.alerts();
		String text = part(f, "assess." + alertCase(g));
		if (g.action() != AlertAction.BLOCKED && !g.status().unresolved()) {
			text += part(f, "assess." + g.status().code());
		}
		return text;
	}

	/**
	 * What happened in an alert finding, the first half of its {@link #analysis}: when,
	 * where, from where, how many, action and status.
	 */
	public String alertFacts(RiskFinding f) {
		return part(f, "analysis");
	}

	/**
	 * The case of an alert group: {@code allowed}, {@code detected} on a device that can
	 * block, {@code detectOnly} on one that cannot, or {@code blocked}.
	 */
	private String alertCase(AlertGroup g) {
		return switch (g.action()) {
			case ALLOWED -> "allowed";
			case DETECTED -> DETECT_ONLY.contains(deviceType(g.first().deviceId())) ? "detectOnly" : "detected";
			case BLOCKED -> "blocked";
		};
	}

	private DeviceType deviceType(String deviceId) {
		return facts.devices()
			.stream()
			.filter(d -> d.device().id().equals(deviceId))
			.findFirst()
			.orElseThrow()
			.device()
			.type();
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
				var item = device.items().stream().filter(i -> i.item().equals(f.subject())).findFirst().orElseThrow();
				yield new Object[] { device.device().name(), f.deviceId(), itemLabel(f.subject()),
						itemDisplay.phrase(item), texts.t("status." + item.status()), f.ip(), risk };
			}
			case UNRESOLVED_ALERT -> {
				AlertGroup g = f.alerts();
				Alert a = g.first();
				String when = g.from().equals(g.to()) ? texts.date(g.from())
						: texts.t("fmt.dateRange", texts.date(g.from()), texts.date(g.to()));
				yield new Object[] { a.ruleId(), a.ruleName(), a.srcIp(),
						a.target().isEmpty() ? "" : texts.t("fmt.target", a.target()),
						texts.t("action." + g.action().code()), texts.t("alertStatus." + g.status().code()),
						texts.number(g.total()), when, a.deviceId(), texts.t("severity." + g.severity().code()), risk,
						a.target().isEmpty() ? "" : texts.t("fmt.arrow", a.target()),
						texts.t("deviceType." + deviceType(a.deviceId()).name()) };
			}
			case SUSPECTED_COMPROMISE, TARGETED_SOURCE ->
				new Object[] { f.ip(), f.deviceId(), categoryList(f.subject()),
						texts.number(Long.parseLong(f.detail())), f.deviceId().split(",").length, risk };
			// a vulnerability without a CVE is named by its title, an issue without a
			// device
			// says so: no bare dash in the prose
			case OPEN_VULN ->
				new Object[] { f.ip(), f.subject().isEmpty() ? f.detail() : f.subject(), f.detail(), risk };
			case OPEN_ISSUE -> new Object[] { f.subject(), f.detail(),
					f.deviceId().isEmpty() ? texts.t("issue.noDevice") : f.deviceId(), texts.date(f.due()), risk };
		};
	}

	/** Canonical classes joined by commas, as labels in a list, e.g. "挖矿、C2通信". */
	public String categoryList(String joined) {
		return Arrays.stream(joined.split(","))
			.map(this::categoryLabel)
			.collect(Collectors.joining(texts.t("fmt.listSeparator")));
	}

}
