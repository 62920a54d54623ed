package io.github.relayai.sample.report.checks;

import java.util.Set;

/**
 * The type of a catalogue item's value, which decides how an export's spelling is read
 * and how the report shows it. Each type lists the unit spellings it accepts in the
 * {@code unit} column or after the number.
 */
public enum ValueType {

	/** A percentage: {@code 72}, {@code 72%}. */
	PERCENT(Set.of("%", "percent", "pct")),
	/** A count of things: {@code 3}, {@code 3个}, {@code 1,250台}. */
	COUNT(Set.of("count", "个", "台", "条", "次", "项", "pcs")),
	/** A number of days: {@code 126}, {@code 126天}, {@code 126 days}, {@code 126d}. */
	DAYS(Set.of("days", "day", "d", "天", "日")),
	/** A temperature in degrees Celsius: {@code 41}, {@code 41℃}. */
	CELSIUS(Set.of("°c", "c", "度", "celsius")),
	/** A calendar date: {@code 2026-10-20}, {@code 2026/10/20}, {@code 2026年10月20日}. */
	DATE(Set.of()),
	/** A state that is fine or faulty (power, fans): shown 正常 / 异常. */
	HEALTH(Set.of()),
	/** A yes / no fact (NTP synchronised, default admin enabled): shown 是 / 否. */
	YES_NO(Set.of()),
	/** A word from a small set (HA state, protection mode), English or Chinese. */
	WORD(Set.of()),
	/** Free text (firmware version, items outside the catalogue): shown as exported. */
	TEXT(Set.of());

	private final Set<String> units;

	ValueType(Set<String> units) {
		this.units = units;
	}

	/** The unit spellings accepted, lower case. */
	public Set<String> units() {
		return units;
	}

}
