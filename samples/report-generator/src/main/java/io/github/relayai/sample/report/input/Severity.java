package io.github.relayai.sample.report.input;

import java.util.List;

/** Alert and vulnerability severity, most severe first. */
public enum Severity implements CodedEnum {

	CRITICAL("critical", "严重"), HIGH("high", "高危"), MEDIUM("medium", "中危"), LOW("low", "低危"), INFO("info", "提示");

	private final String code;

	private final List<String> aliases;

	Severity(String code, String alias) {
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

	/** Whether this is high or critical ("high and above"). */
	public boolean highPlus() {
		return this == CRITICAL || this == HIGH;
	}

}
