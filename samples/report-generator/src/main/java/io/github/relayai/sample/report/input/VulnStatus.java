package io.github.relayai.sample.report.input;

import java.util.List;

/** State of a vulnerability finding. */
public enum VulnStatus implements CodedEnum {

	OPEN("open", "未修复"), FIXED("fixed", "已修复"), ACCEPTED("accepted", "风险接受");

	private final String code;

	private final List<String> aliases;

	VulnStatus(String code, String alias) {
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
