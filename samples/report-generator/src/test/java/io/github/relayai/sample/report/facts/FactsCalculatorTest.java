package io.github.relayai.sample.report.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.relayai.sample.report.TestData;
import io.github.relayai.sample.report.checks.CheckStatus;
import io.github.relayai.sample.report.checks.DeviceResult;
import io.github.relayai.sample.report.input.Alert;
import io.github.relayai.sample.report.input.Severity;

/** The facts of the bundled clients, hand-checked against their CSV files. */
class FactsCalculatorTest {

	@Test
	void acmeBankDevices() {
		Facts f = TestData.facts(TestData.ACME);
		assertThat(f.devices()).hasSize(8);
		assertThat(f.deviceStatusCount()).containsExactlyInAnyOrderEntriesOf(
				Map.of(CheckStatus.OK, 2L, CheckStatus.WARN, 2L, CheckStatus.ABNORMAL, 3L, CheckStatus.REVIEW, 1L));
		assertThat(f.devices()).extracting(d -> d.device().id() + "=" + d.status())
			.containsExactly("FW-01=OK", "FW-02=ABNORMAL", "IPS-01=WARN", "WAF-01=ABNORMAL", "BH-01=WARN",
					"LA-01=ABNORMAL", "DBA-01=OK", "SW-01=REVIEW");
		// IPS-01: the later reading (70 %) wins over the earlier one (55 %), and exactly
		// 70 % is WARN
		assertThat(item(f, "IPS-01", "cpu_pct")).isEqualTo(CheckStatus.WARN);
		// FW-02: licence exactly 30 days left (2026-11-30) is WARN, backup 46 days old is
		// WARN, fan failure ABNORMAL
		assertThat(item(f, "FW-02", "license_expiry")).isEqualTo(CheckStatus.WARN);
		assertThat(item(f, "FW-02", "config_backup")).isEqualTo(CheckStatus.WARN);
		assertThat(item(f, "FW-02", "fan_ok")).isEqualTo(CheckStatus.ABNORMAL);
		assertThat(item(f, "WAF-01", "sig_updated")).isEqualTo(CheckStatus.ABNORMAL);
		assertThat(item(f, "LA-01", "log_retention_days")).isEqualTo(CheckStatus.ABNORMAL);
		assertThat(item(f, "SW-01", "cpu_pct")).isEqualTo(CheckStatus.REVIEW);
		assertThat(item(f, "SW-01", "temp_c")).isEqualTo(CheckStatus.INFO);
	}

	@Test
	void acmeBankAlerts() {
		Facts f = TestData.facts(TestData.ACME);
		var a = f.alerts();
		assertThat(a.total()).isEqualTo(4328);
		assertThat(a.bySeverity()).containsExactly(entry(Severity.CRITICAL, 6L), entry(Severity.HIGH, 139L),
				entry(Severity.MEDIUM, 2848L), entry(Severity.LOW, 1330L), entry(Severity.INFO, 5L));
		assertThat(a.highPlusTotal()).isEqualTo(145);
		assertThat(a.blockedRatioPct()).isEqualByComparingTo("98.9"); // 4280 / 4328
		assertThat(a.handledRatioPct()).isEqualByComparingTo("80.4"); // (3476 + 5) / 4328
		assertThat(f.momAlertsPct()).isEqualByComparingTo("13.9"); // (4328 - 3800) / 3800
		assertThat(f.momHighPlusPct()).isEqualByComparingTo("20.8"); // (145 - 120) / 120
		assertThat(a.unresolvedHighPlus()).extracting(Alert::ruleId)
			.containsExactly("WAF-932100", "IPS-30077", "FW-30077");
		assertThat(a.internalHostsOnMultipleDevices()).singleElement().satisfies(h -> {
			assertThat(h.ip()).isEqualTo("10.10.3.15");
			assertThat(h.devices()).containsExactly("FW-01", "IPS-01");
			assertThat(h.count()).isEqualTo(37);
		});
		assertThat(a.multiExploitSources()).extracting(h -> h.ip()).containsExactly("192.0.2.77", "203.0.113.45");
		assertThat(a.topExternalSources().get(0).key()).isEqualTo("203.0.113.45");
		assertThat(a.topExternalSources().get(0).count()).isEqualTo(1957); // 1200 + 35 +
																			// 20 + 2 +
																			// 700
		assertThat(a.daily()).hasSize(31);
		assertThat(a.daily().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(4328);
		assertThat(f.carriedIssues()).extracting(i -> i.id())
			.containsExactly("ISS-2026-07", "ISS-2026-08", "ISS-2026-09");
		assertThat(f.overallRating()).isEqualTo(OverallRating.POOR);
	}

	@Test
	void hospitalRespectsThresholdOverrides() {
		Facts f = TestData.facts(TestData.HOSPITAL);
		// cpu 72 % is OK under the client's 75 % (the default 70 % would warn); FW-A
		// warns for sessions and NTP
		assertThat(item(f, "FW-A", "cpu_pct")).isEqualTo(CheckStatus.OK);
		assertThat(item(f, "FW-A", "sessions")).isEqualTo(CheckStatus.WARN); // 170000 /
																				// 200000
																				// = 85 %
		// retention 300 days is fine by default (180) but ABNORMAL under the client's 365
		assertThat(item(f, "SOC-A", "log_retention_days")).isEqualTo(CheckStatus.ABNORMAL);
		assertThat(item(f, "HIS-DB", "cpu_pct")).isEqualTo(CheckStatus.WARN); // 88 >= 75,
																				// < 92
		assertThat(item(f, "EDR-A", "agents_online")).isEqualTo(CheckStatus.WARN); // 1180
																					// /
																					// 1250
																					// =
																					// 94.4
																					// %
		assertThat(item(f, "EDR-A", "license_expiry")).isEqualTo(CheckStatus.ABNORMAL); // expired
																						// 2026-10-20
		assertThat(item(f, "IDS-A", "sig_updated")).isEqualTo(CheckStatus.OK); // exactly
																				// 7 days
																				// old
		assertThat(f.deviceStatusCount()).containsEntry(CheckStatus.OK, 2L)
			.containsEntry(CheckStatus.WARN, 2L)
			.containsEntry(CheckStatus.ABNORMAL, 3L)
			.containsEntry(CheckStatus.REVIEW, 0L);
		var a = f.alerts();
		assertThat(a.total()).isEqualTo(1154);
		assertThat(a.highPlusTotal()).isEqualTo(56);
		assertThat(a.blockedRatioPct()).isEqualByComparingTo("94.3"); // 1088 / 1154
		assertThat(a.handledRatioPct()).isEqualByComparingTo("95.1"); // 1097 / 1154
		assertThat(f.momAlertsPct()).isEqualByComparingTo(new BigDecimal("-11.2")); // (1154
																					// -
																					// 1300)
																					// /
																					// 1300
		assertThat(a.unresolvedHighPlus()).extracting(Alert::ruleId)
			.containsExactly("IDS-50012", "IDS-60003", "FW-20031");
		assertThat(a.internalHostsOnMultipleDevices()).extracting(h -> h.ip() + ":" + h.devices().size())
			.containsExactly("192.168.40.23:3", "192.168.40.57:2");
		assertThat(f.vulns()).hasValueSatisfying(v -> assertThat(v).hasSize(3));
		assertThat(f.findings()).anySatisfy(x -> assertThat(x.subject()).isEqualTo("CVE-2020-0796"));
	}

	private static CheckStatus item(Facts f, String device, String item) {
		DeviceResult d = f.devices().stream().filter(x -> x.device().id().equals(device)).findFirst().orElseThrow();
		return d.items().stream().filter(i -> i.item().equals(item)).findFirst().orElseThrow().status();
	}

}
