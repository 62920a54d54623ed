package io.github.relayai.sample.report.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.relayai.sample.report.checks.DeviceInspector;
import io.github.relayai.sample.report.checks.ItemResult;
import io.github.relayai.sample.report.checks.Thresholds;
import io.github.relayai.sample.report.checks.ValueReader;
import io.github.relayai.sample.report.i18n.Lang;
import io.github.relayai.sample.report.i18n.Texts;
import io.github.relayai.sample.report.input.CheckRow;
import io.github.relayai.sample.report.input.Device;
import io.github.relayai.sample.report.input.DeviceType;

/**
 * Check values by the item's type, whatever the export's spelling, shown as each
 * language's reader expects; never the raw token.
 */
class ItemDisplayTest {

	private static final Device DEVICE = new Device("D1", "device", DeviceType.WAF, "", "", "10.0.0.1", "", "", "");

	@ParameterizedTest(name = "{0}={1} [{2}] -> {3} / {4}")
	@CsvSource(delimiter = '|', textBlock = """
			log_retention_days   | 126天     |      | 126天      | 126 days
			log_retention_days   | 126days   |      | 126天      | 126 days
			log_retention_days   | 126       | d    | 126天      | 126 days
			log_retention_days   | １２６     | 天   | 126天      | 126 days
			dormant_accounts     | 3         | 个   | 3个        | 3
			dormant_accounts     | 3         | count| 3个        | 3
			agents_total         | 1,200     | 台   | 1,200台    | 1,200
			sources_silent       | 2 个      |      | 2个        | 2
			cpu_pct              | 72        | %    | 72%        | 72%
			cpu_pct              | 72%       |      | 72%        | 72%
			temp_c               | 41        | ℃    | 41℃        | 41 °C
			ntp_synced           | true      |      | 是         | Yes
			ntp_synced           | 0         |      | 否         | No
			default_admin_enabled| 是        |      | 是         | Yes
			default_admin_enabled| no        |      | 否         | No
			fan_ok               | 1         |      | 正常       | OK
			fan_ok               | false     |      | 异常       | Fault
			power_ok             | 正常      |      | 正常       | OK
			power_ok             | 故障      |      | 异常       | Fault
			protect_mode         | block     |      | 阻断       | Block
			protect_mode         | 阻断      |      | 阻断       | Block
			protect_mode         | detect    |      | 检测       | Detect only
			protect_mode         | 监控      |      | 检测       | Detect only
			ha_state             | normal    |      | 正常       | normal
			ha_state             | 故障      |      | 异常       | abnormal
			cpu_pct              | N/A       | %    | 无有效数值 | no value
			""")
	void showsValuesByTypeInEachLanguage(String item, String value, String unit, String zh, String en) {
		ItemResult result = rate(item, value, unit == null ? "" : unit);
		assertThat(new ItemDisplay(new Texts(Lang.ZH)).value(result)).isEqualTo(zh);
		assertThat(new ItemDisplay(new Texts(Lang.EN)).value(result)).isEqualTo(en);
	}

	@ParameterizedTest(name = "{0}={1} [{2}]")
	@CsvSource(delimiter = '|', textBlock = """
			log_retention_days | 126GB     |
			log_retention_days | 126       | %
			cpu_pct            | 7O        | %
			dormant_accounts   | 1,20      | 个
			ntp_synced         | maybe     |
			sig_updated        | 2026-13-01|
			""")
	void refusesValuesThatWouldChangeANumber(String item, String value, String unit) {
		assertThatThrownBy(() -> ValueReader.read(item, value, unit == null ? "" : unit))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(value);
	}

	@ParameterizedTest(name = "{0}: {3}")
	@CsvSource(delimiter = '|', textBlock = """
			sig_updated        | 2026-09-02 |   | 特征库已59天未更新
			license_expiry     | 2026-10-20 |   | 授权已于2026-10-20到期，已过期11天
			log_retention_days | 126天      |   | 日志仅留存126天，未达到留存要求
			dormant_accounts   | 3          | 个 | 存在3个长期未使用账号
			fan_ok             | 0          |   | 风扇故障
			""")
	void namesTheItemAndWhatItMeans(String item, String value, String unit, String phrase) {
		assertThat(new ItemDisplay(new Texts(Lang.ZH)).phrase(rate(item, value, unit == null ? "" : unit)))
			.isEqualTo(phrase);
	}

	private static ItemResult rate(String item, String value, String unit) {
		CheckRow row = new CheckRow("D1", OffsetDateTime.parse("2026-10-28T10:00:00+08:00"), item, value, unit, "");
		return new DeviceInspector(Thresholds.defaults(), LocalDate.of(2026, 10, 31))
			.inspect(List.of(DEVICE), List.of(row))
			.get(0)
			.items()
			.get(0);
	}

}
