package io.github.relayai.sample.report.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.relayai.sample.report.facts.ItemDisplay;
import io.github.relayai.sample.report.i18n.Lang;
import io.github.relayai.sample.report.i18n.Texts;
import io.github.relayai.sample.report.input.CheckRow;
import io.github.relayai.sample.report.input.Device;
import io.github.relayai.sample.report.input.DeviceType;
import io.github.relayai.sample.report.input.ReportMeta.ThresholdOverride;

/** The catalogue's thresholds at their edges, with the reference date 2026-10-31. */
class DeviceInspectorTest {

	private static final LocalDate REFERENCE = LocalDate.of(2026, 10, 31);

	private static final Device DEVICE = new Device("D1", "device", DeviceType.NGFW, "", "", "10.0.0.1", "", "", "");

	@ParameterizedTest(name = "{0}={1} -> {2}")
	@CsvSource({ "cpu_pct, 69.9, OK", "cpu_pct, 70, WARN", "cpu_pct, 89.9, WARN", "cpu_pct, 90, ABNORMAL",
			"mem_pct, 80, WARN", "disk_pct, 90, ABNORMAL", "cpu_pct, N/A, REVIEW", "cpu_pct, '', REVIEW",
			"license_expiry, 2026-12-01, OK", "license_expiry, 2026-11-30, WARN", "license_expiry, 2026-10-31, WARN",
			"license_expiry, 2026-10-30, ABNORMAL", "cert_expiry, 2026-11-30, WARN", "sig_updated, 2026-10-24, OK",
			"sig_updated, 2026-10-23, WARN", "sig_updated, 2026-10-01, WARN", "sig_updated, 2026-09-30, ABNORMAL",
			"config_backup, 2026-09-30, OK", "config_backup, 2026-09-29, WARN", "log_retention_days, 180, OK",
			"log_retention_days, 179, ABNORMAL", "power_ok, true, OK", "power_ok, false, ABNORMAL",
			"power_ok, maybe, REVIEW", "ntp_synced, false, WARN", "default_admin_enabled, true, WARN",
			"default_admin_enabled, false, OK", "ha_state, normal, OK", "ha_state, split-brain, ABNORMAL",
			"sources_silent, 0, OK", "sources_silent, 1, WARN", "if_unexpected_down, 1, ABNORMAL",
			"dormant_accounts, 2, WARN", "agents_outdated_sig, 0, OK", "uptime_days, 12, INFO",
			"no_such_item, 1, REVIEW" })
	void ratesOneItem(String item, String value, CheckStatus expected) {
		assertThat(rate(Thresholds.defaults(), row(item, value)).get(0).status()).isEqualTo(expected);
	}

	@Test
	void ratiosUseTheDenominatorItem() {
		List<ItemResult> sessions = rate(Thresholds.defaults(), row("sessions", "800"), row("sessions_max", "1000"));
		assertThat(sessions.get(0).status()).isEqualTo(CheckStatus.WARN);
		assertThat(sessions.get(0).ratioPct()).isEqualByComparingTo("80");
		assertThat(new ItemDisplay(new Texts(Lang.ZH)).value(sessions.get(0))).isEqualTo("800 / 1,000（80%）");
		assertThat(rate(Thresholds.defaults(), row("agents_online", "95"), row("agents_total", "100")).get(0).status())
			.isEqualTo(CheckStatus.OK);
		assertThat(rate(Thresholds.defaults(), row("agents_online", "94"), row("agents_total", "100")).get(0).status())
			.isEqualTo(CheckStatus.WARN);
		assertThat(rate(Thresholds.defaults(), row("sessions", "800")).get(0).status()).isEqualTo(CheckStatus.REVIEW);
	}

	@Test
	void clientOverridesReplaceDefaults() {
		Thresholds t = new Thresholds(Map.of("cpu_pct", new ThresholdOverride(75.0, null)));
		assertThat(rate(t, row("cpu_pct", "74")).get(0).status()).isEqualTo(CheckStatus.OK);
		assertThat(rate(t, row("cpu_pct", "75")).get(0).status()).isEqualTo(CheckStatus.WARN);
		assertThat(rate(t, row("cpu_pct", "90")).get(0).status()).isEqualTo(CheckStatus.ABNORMAL);
	}

	@Test
	void deviceTakesItsWorstItemAndLatestReading() {
		List<CheckRow> rows = new ArrayList<>(List.of(row("cpu_pct", "95"), row("fan_ok", "true")));
		rows.add(new CheckRow("D1", OffsetDateTime.parse("2026-10-29T10:00:00+08:00"), "cpu_pct", "20", "%", ""));
		DeviceResult d = new DeviceInspector(Thresholds.defaults(), REFERENCE).inspect(List.of(DEVICE), rows).get(0);
		assertThat(d.status()).isEqualTo(CheckStatus.OK);
		rows.add(row("ntp_synced", "false"));
		rows.add(row("no_such_item", "x"));
		d = new DeviceInspector(Thresholds.defaults(), REFERENCE).inspect(List.of(DEVICE), rows).get(0);
		assertThat(d.status()).isEqualTo(CheckStatus.WARN);
		assertThat(new DeviceInspector(Thresholds.defaults(), REFERENCE).inspect(List.of(DEVICE), List.of())
			.get(0)
			.status()).isEqualTo(CheckStatus.REVIEW);
	}

	private static List<ItemResult> rate(Thresholds thresholds, CheckRow... rows) {
		return new DeviceInspector(thresholds, REFERENCE).inspect(List.of(DEVICE), List.of(rows)).get(0).items();
	}

	private static CheckRow row(String item, String value) {
		return new CheckRow("D1", OffsetDateTime.parse("2026-10-28T10:00:00+08:00"), item, value, "", "");
	}

}
