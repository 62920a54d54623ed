package io.github.relayai.sample.report.input;

import java.util.List;

/**
 * How far the engineer got with an alert, in English or in the words Chinese consoles
 * export (已处置/已处理, 未处置/未处理/待处理, 处置中/处理中, 误报).
 */
public enum AlertStatus implements CodedEnum {

	HANDLED("handled", "已处置", "已处理", "已解决", "已关闭", "resolved", "closed"),
	UNHANDLED("unhandled", "未处置", "未处理", "待处理", "待处置", "open", "new"),
	IN_PROGRESS("in_progress", "处置中", "处理中", "in progress"), FALSE_POSITIVE("false_positive", "误报", "false positive");

	private final String code;

	private final List<String> aliases;

	AlertStatus(String code, String... aliases) {
		this.code = code;
		this.aliases = List.of(aliases);
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
