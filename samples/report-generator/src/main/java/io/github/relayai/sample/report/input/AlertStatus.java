package io.github.relayai.sample.report.input;

import java.util.List;

/** How far the engineer got with an alert. */
public enum AlertStatus implements CodedEnum {

	HANDLED("handled", "已处置"), UNHANDLED("unhandled", "未处置"), IN_PROGRESS("in_progress", "处置中"),
	FALSE_POSITIVE("false_positive", "误报");

	private final String code;

	private final List<String> aliases;

	AlertStatus(String code, String alias) {
		this.code = code;
		this.aliases = List.of(alias);
	}

	@Override
	public String code() {
		return code;
	}

	@Override
	public List<String> aliases() {
		return aliases;
	}

	/** Whether the alert still needs work (unhandled or in progress). */
	public boolean unresolved() {
		return this == UNHANDLED || this == IN_PROGRESS;
	}

}
