package io.github.relayai.sample.report.input;

import java.util.List;

/**
 * Alert and vulnerability severity, most severe first. Besides the codes, the Chinese
 * words vendors export are accepted: 严重/危急/紧急 (Qi An Xin SkyEye's top level is 危急), 高危/高,
 * 中危/中, 低危/低, 提示/信息.
 */
public enum Severity implements CodedEnum {

	CRITICAL("critical", "严重", "危急", "紧急", "致命"), HIGH("high", "高危", "高"), MEDIUM("medium", "中危", "中"),
	LOW("low", "低危", "低"), INFO("info", "提示", "信息", "informational");

	private final String code;

	private final List<String> aliases;

	Severity(String code, String... aliases) {
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

	/** Whether this is high or critical ("high and above"). */
	public boolean highPlus() {
		return this == CRITICAL || this == HIGH;
	}

}
