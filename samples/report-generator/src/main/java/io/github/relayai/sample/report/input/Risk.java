package io.github.relayai.sample.report.input;

import java.util.List;

/** Risk level of an issue (高 / 中 / 低), highest first. */
public enum Risk implements CodedEnum {

	HIGH("high", "高"), MEDIUM("medium", "中"), LOW("low", "低");

	private final String code;

	private final List<String> aliases;

	Risk(String code, String alias) {
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
