package io.github.relayai.sample.report.input;

import java.util.List;

/** State of an entry of the remediation register. */
public enum IssueStatus implements CodedEnum {

	OPEN("open", "未整改"), IN_PROGRESS("in_progress", "整改中"), CLOSED("closed", "已关闭");

	private final String code;

	private final List<String> aliases;

	IssueStatus(String code, String alias) {
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

}
