package io.github.relayai.sample.report.checks;

import static io.github.relayai.sample.report.checks.ThresholdRule.Compare.ABOVE;
import static io.github.relayai.sample.report.checks.ThresholdRule.Compare.AT_LEAST;
import static io.github.relayai.sample.report.checks.ThresholdRule.Compare.BELOW;
import static io.github.relayai.sample.report.checks.ThresholdRule.Measure.DAYS_OLD;
import static io.github.relayai.sample.report.checks.ThresholdRule.Measure.VALUE;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The check catalogue of the domain guide: each rated item with its default thresholds,
 * and the informational items that are shown but not rated. Anything else is rated
 * {@link CheckStatus#REVIEW}.
 */
public final class CheckCatalogue {

	private static final Map<String, ItemRule> RULES = new LinkedHashMap<>();

	/**
	 * Items shown for information; the denominators of the ratio items are among them.
	 */
	private static final Set<String> INFORMATIONAL = Set.of("uptime_days", "temp_c", "license_seats", "protect_mode",
			"sources_total", "sessions_max", "agents_total", "firmware_version");

	/** The value type of every known item; anything else is text. */
	private static final Map<String, ValueType> TYPES = Map.ofEntries(Map.entry("cpu_pct", ValueType.PERCENT),
			Map.entry("mem_pct", ValueType.PERCENT), Map.entry("disk_pct", ValueType.PERCENT),
			Map.entry("sessions", ValueType.COUNT), Map.entry("sessions_max", ValueType.COUNT),
			Map.entry("power_ok", ValueType.HEALTH), Map.entry("fan_ok", ValueType.HEALTH),
			Map.entry("ntp_synced", ValueType.YES_NO), Map.entry("default_admin_enabled", ValueType.YES_NO),
			Map.entry("ha_state", ValueType.WORD), Map.entry("protect_mode", ValueType.WORD),
			Map.entry("license_expiry", ValueType.DATE), Map.entry("cert_expiry", ValueType.DATE),
			Map.entry("sig_updated", ValueType.DATE), Map.entry("config_backup", ValueType.DATE),
			Map.entry("log_retention_days", ValueType.DAYS), Map.entry("uptime_days", ValueType.DAYS),
			Map.entry("sources_silent", ValueType.COUNT), Map.entry("sources_total", ValueType.COUNT),
			Map.entry("dormant_accounts", ValueType.COUNT), Map.entry("if_unexpected_down", ValueType.COUNT),
			Map.entry("agents_online", ValueType.COUNT), Map.entry("agents_total", ValueType.COUNT),
			Map.entry("agents_outdated_sig", ValueType.COUNT), Map.entry("license_seats", ValueType.COUNT),
			Map.entry("temp_c", ValueType.CELSIUS));

	/**
	 * The spellings of the word items, English and Chinese, to their canonical word;
	 * other words are kept as exported.
	 */
	private static final Map<String, Map<String, String>> WORDS = Map.of("ha_state",
			Map.ofEntries(Map.entry("normal", "normal"), Map.entry("ok", "normal"), Map.entry("正常", "normal"),
					Map.entry("主备正常", "normal"), Map.entry("abnormal", "abnormal"), Map.entry("fault", "abnormal"),
					Map.entry("异常", "abnormal"), Map.entry("故障", "abnormal"), Map.entry("standalone", "standalone"),
					Map.entry("单机", "standalone"), Map.entry("split-brain", "split_brain"),
					Map.entry("脑裂", "split_brain")),
			"protect_mode",
			Map.ofEntries(Map.entry("block", "block"), Map.entry("blocking", "block"), Map.entry("prevent", "block"),
					Map.entry("阻断", "block"), Map.entry("拦截", "block"), Map.entry("防护", "block"),
					Map.entry("detect", "detect"), Map.entry("detection", "detect"), Map.entry("monitor", "detect"),
					Map.entry("alert", "detect"), Map.entry("检测", "detect"), Map.entry("仅检测", "detect"),
					Map.entry("监控", "detect"), Map.entry("告警", "detect")));

	static {
		RULES.put("cpu_pct", ThresholdRule.of(VALUE, AT_LEAST, 70.0, 90.0));
		RULES.put("mem_pct", ThresholdRule.of(VALUE, AT_LEAST, 80.0, 90.0));
		RULES.put("disk_pct", ThresholdRule.of(VALUE, AT_LEAST, 80.0, 90.0));
		RULES.put("sessions", ThresholdRule.ratio("sessions_max", AT_LEAST, 80.0, 90.0));
		RULES.put("power_ok", new ExpectedValueRule("true", CheckStatus.ABNORMAL));
		RULES.put("fan_ok", new ExpectedValueRule("true", CheckStatus.ABNORMAL));
		RULES.put("ntp_synced", new ExpectedValueRule("true", CheckStatus.WARN));
		RULES.put("default_admin_enabled", new ExpectedValueRule("false", CheckStatus.WARN));
		RULES.put("ha_state", new ExpectedValueRule("normal", CheckStatus.ABNORMAL));
		RULES.put("license_expiry", ThresholdRule.expiry(30.0));
		RULES.put("cert_expiry", ThresholdRule.expiry(30.0));
		RULES.put("sig_updated", ThresholdRule.of(DAYS_OLD, ABOVE, 7.0, 30.0));
		RULES.put("config_backup", ThresholdRule.of(DAYS_OLD, ABOVE, 31.0, null));
		RULES.put("log_retention_days", ThresholdRule.of(VALUE, BELOW, null, 180.0));
		RULES.put("sources_silent", ThresholdRule.of(VALUE, ABOVE, 0.0, null));
		RULES.put("dormant_accounts", ThresholdRule.of(VALUE, ABOVE, 0.0, null));
		RULES.put("if_unexpected_down", ThresholdRule.of(VALUE, ABOVE, null, 0.0));
		RULES.put("agents_online", ThresholdRule.ratio("agents_total", BELOW, 95.0, null));
		RULES.put("agents_outdated_sig", ThresholdRule.of(VALUE, ABOVE, 0.0, null));
	}

	private CheckCatalogue() {
	}

	/** Whether {@code item} has thresholds a client may override. */
	public static boolean isRated(String item) {
		return RULES.containsKey(item) && RULES.get(item).hasThresholds();
	}

	/** Whether {@code item} is shown but not rated. */
	public static boolean isInformational(String item) {
		return INFORMATIONAL.contains(item);
	}

	/** The value type of {@code item}; {@link ValueType#TEXT} outside the catalogue. */
	public static ValueType type(String item) {
		return TYPES.getOrDefault(item, ValueType.TEXT);
	}

	/**
	 * The canonical word of word item {@code item} for the spelling {@code plain} (lower
	 * case), or {@code plain} itself when it is not a known spelling.
	 */
	static String word(String item, String plain) {
		return WORDS.getOrDefault(item, Map.of()).getOrDefault(plain, plain);
	}

	static Optional<ItemRule> rule(String item) {
		return Optional.ofNullable(RULES.get(item));
	}

}
