package io.github.relayai.sample.report.input;

import java.util.List;
import java.util.Locale;

/** The kinds of device an inspection covers. */
public enum DeviceType implements CodedEnum {

	NGFW, IPS, IDS, WAF, BASTION, LOG_AUDIT, DB_AUDIT, SOC, EDR, AV, SWITCH, ROUTER, SERVER;

	@Override
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	@Override
	public List<String> aliases() {
		return List.of(name());
	}

}
