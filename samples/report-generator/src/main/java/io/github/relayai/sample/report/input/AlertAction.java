package io.github.relayai.sample.report.input;

import java.util.List;

/**
 * What the security device did with the traffic behind an alert, in English or in the
 * words Chinese consoles export (阻断/拦截/丢弃, 放行/允许, 检测/告警/记录).
 */
public enum AlertAction implements CodedEnum {

	BLOCKED("blocked", "阻断", "拦截", "阻止", "丢弃", "拒绝", "已阻断", "已拦截", "block", "deny", "drop", "reset"),
	ALLOWED("allowed", "放行", "允许", "通过", "放通", "allow", "permit", "pass"),
	DETECTED("detected", "检测", "仅检测", "告警", "记录", "仅记录", "监控", "detect", "alert", "monitor", "log");

	private final String code;

	private final List<String> aliases;

	AlertAction(String code, String... aliases) {
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

}
