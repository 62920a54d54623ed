package io.github.relayai.sample.report.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.relayai.sample.report.TestData;
import io.github.relayai.sample.report.checks.CheckStatus;
import io.github.relayai.sample.report.checks.DeviceResult;
import io.github.relayai.sample.report.checks.ItemResult;
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

	@Test
	void manufacturerDevicesReadWhateverTheSpelling() {
		Facts f = TestData.facts(TestData.MANUFACTURER);
		assertThat(f.meta().schemaVersion()).isEqualTo("1.0");
		assertThat(f.devices()).extracting(d -> d.device().id() + "=" + d.status())
			.containsExactly("FW-01=WARN", "IPS-01=WARN", "WAF-01=ABNORMAL", "IDS-01=ABNORMAL", "EDR-01=WARN",
					"LA-01=ABNORMAL", "SW-01=OK");
		assertThat(f.deviceStatusCount()).containsExactlyInAnyOrderEntriesOf(
				Map.of(CheckStatus.OK, 1L, CheckStatus.WARN, 3L, CheckStatus.ABNORMAL, 3L, CheckStatus.REVIEW, 0L));
		// full-width "４５" is 45 %; "1,250,000" of "2,000,000" sessions is 62.5 %
		assertThat(item(f, "FW-01", "cpu_pct")).isEqualTo(CheckStatus.OK);
		assertThat(result(f, "FW-01", "sessions").ratioPct()).isEqualByComparingTo("62.5");
		// "否" for NTP is a warning, "是" for power and "1" for fans are fine
		assertThat(item(f, "FW-01", "ntp_synced")).isEqualTo(CheckStatus.WARN);
		assertThat(item(f, "FW-01", "power_ok")).isEqualTo(CheckStatus.OK);
		assertThat(item(f, "FW-01", "fan_ok")).isEqualTo(CheckStatus.OK);
		// "2026年10月28日" is 3 days old; licence 2026-11-20 has 20 days left
		assertThat(result(f, "IPS-01", "sig_updated").days()).isEqualTo(3);
		assertThat(item(f, "IPS-01", "license_expiry")).isEqualTo(CheckStatus.WARN);
		assertThat(result(f, "WAF-01", "sig_updated").days()).isEqualTo(59);
		assertThat(item(f, "WAF-01", "sig_updated")).isEqualTo(CheckStatus.ABNORMAL);
		assertThat(item(f, "WAF-01", "default_admin_enabled")).isEqualTo(CheckStatus.WARN); // "yes"
		assertThat(item(f, "IDS-01", "fan_ok")).isEqualTo(CheckStatus.ABNORMAL); // "异常"
		assertThat(item(f, "LA-01", "log_retention_days")).isEqualTo(CheckStatus.ABNORMAL); // "126天"
		assertThat(item(f, "LA-01", "sources_silent")).isEqualTo(CheckStatus.WARN); // "3"
																					// "个"
		assertThat(item(f, "EDR-01", "agents_online")).isEqualTo(CheckStatus.OK); // 1,176
																					// /
																					// 1,200
																					// =
																					// 98
																					// %
		assertThat(item(f, "EDR-01", "agents_outdated_sig")).isEqualTo(CheckStatus.WARN);
	}

	@Test
	void manufacturerAlertsInChineseCategoriesFireTheClassRules() {
		Facts f = TestData.facts(TestData.MANUFACTURER);
		var a = f.alerts();
		// 1860 + 42 + 3 + 2 + 26 + 31 + 1 + 12 + 240 + 6 + 8 + 2315 + 15 + 9 + 19 + 1
		assertThat(a.total()).isEqualTo(4590);
		assertThat(a.bySeverity()).containsExactly(entry(Severity.CRITICAL, 4L), entry(Severity.HIGH, 141L),
				entry(Severity.MEDIUM, 2124L), entry(Severity.LOW, 2321L), entry(Severity.INFO, 0L));
		assertThat(a.highPlusTotal()).isEqualTo(145);
		assertThat(a.blockedRatioPct()).isEqualByComparingTo("97.4"); // 4469 / 4590
		assertThat(a.handledRatioPct()).isEqualByComparingTo("96.6"); // (4426 + 6) / 4590
		assertThat(f.momAlertsPct()).isEqualByComparingTo("12.0"); // (4590 - 4100) / 4100
		assertThat(f.momHighPlusPct()).isEqualByComparingTo("20.8"); // (145 - 120) / 120
		assertThat(a.unresolvedHighPlus()).extracting(Alert::ruleId)
			.containsExactly("WAF-10045", "WAF-10021", "WAF-10077", "IDS-70012", "FW-60031", "IPS-40233", "IDS-70012");
		// 挖矿木马 / 矿池通信 -> mining, 远控木马 / 僵尸网络 -> c2, 勒索病毒 -> malware
		assertThat(a.suspectedCompromise()).extracting(h -> h.ip() + " " + h.categories() + " " + h.count())
			.containsExactly("172.16.20.35 [mining] 76", "172.16.30.12 [c2] 13", "172.16.30.77 [malware] 1");
		assertThat(a.internalHostsOnMultipleDevices()).extracting(h -> h.ip() + ":" + h.devices())
			.containsExactly("172.16.20.35:[FW-01, IDS-01]", "172.16.30.12:[EDR-01, IPS-01]");
		// Web攻击-SQL注入, 命令执行, Webshell上传 from one source; 目录穿越 and 漏洞利用 from another
		assertThat(a.multiExploitSources()).extracting(h -> h.ip() + " " + h.categories())
			.containsExactly("192.0.2.45 [exploit, path_traversal]",
					"198.51.100.88 [command_injection, sql_injection, webshell]");
		assertThat(a.unclassifiedCategories()).extracting(c -> c.key() + "=" + c.count()).containsExactly("自定义情报告警=8");
		assertThat(a.topExternalSources().get(0)).satisfies(c -> {
			assertThat(c.key()).isEqualTo("203.0.113.66");
			assertThat(c.count()).isEqualTo(4175); // 1,860 + 2,315
		});
		assertThat(f.overallRating()).isEqualTo(OverallRating.POOR);
	}

	@Test
	void repeatedAlertsOfOneRuleAndSourceAreOneFinding() {
		Facts f = TestData.facts(TestData.MANUFACTURER);
		var alerts = f.findings().stream().filter(x -> x.type() == FindingType.UNRESOLVED_ALERT).toList();
		// seven rows, six findings: IDS-70012 from 172.16.20.35 on 10-09 and 10-28 is one
		assertThat(alerts).hasSize(6);
		assertThat(alerts).filteredOn(x -> x.subject().equals("IDS-70012")).singleElement().satisfies(x -> {
			assertThat(x.alerts().total()).isEqualTo(45);
			assertThat(x.alerts().from()).hasToString("2026-10-09");
			assertThat(x.alerts().to()).hasToString("2026-10-28");
		});
	}

	private static CheckStatus item(Facts f, String device, String item) {
		return result(f, device, item).status();
	}

	private static ItemResult result(Facts f, String device, String item) {
		DeviceResult d = f.devices().stream().filter(x -> x.device().id().equals(device)).findFirst().orElseThrow();
		return d.items().stream().filter(i -> i.item().equals(item)).findFirst().orElseThrow();
	}

}
