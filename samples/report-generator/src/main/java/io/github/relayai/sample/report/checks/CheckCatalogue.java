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

	static Optional<ItemRule> rule(String item) {
		return Optional.ofNullable(RULES.get(item));
	}

}
