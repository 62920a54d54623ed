package io.github.relayai.sample.report.input;

import java.util.List;

/** What the security device did with the traffic behind an alert. */
public enum AlertAction implements CodedEnum {

	BLOCKED("blocked", "阻断"), ALLOWED("allowed", "放行"), DETECTED("detected", "检测");

	private final String code;

	private final List<String> aliases;

	AlertAction(String code, String alias) {
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
