package io.github.relayai.sample.report.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.relayai.sample.report.TestData;
import io.github.relayai.sample.report.i18n.Lang;
import io.github.relayai.sample.report.i18n.Texts;

/**
 * Each kind of input error, in English and in Simplified Chinese, at the same
 * {@code file:line:column}.
 */
class InputErrorLanguagesTest {

	private static final String ALERT_HEADER = "time,device_id,severity,category,rule_id,rule_name,src_ip,dst_ip,"
			+ "dst_port,protocol,action,count,status,note";

	/** An alert row (line 19 of the copy) with a severity and a count. */
	private static final String ALERT = "2026-10-30,IPS-01,%s,scan,R-1,r,192.0.2.1,,,TCP,blocked,%s,handled,\n";

	/** A check row (line 58 of the copy) with an item, a value and a unit. */
	private static final String CHECK = "LA-01,2026-10-28T10:00:00+08:00,%s,%s,%s,\n";

	@TempDir
	Path tmp;

	/** Breaks a copy of the example month folder. */
	@FunctionalInterface
	interface Breakage {

		void apply(Path folder) throws IOException;

	}

	static Stream<Arguments> kinds() {
		return Stream.of(Arguments.of("missing file", (Breakage) f -> Files.delete(f.resolve("alerts.csv")),
				"alerts.csv:0: file is missing in {folder}; export it from the vendor console and save it there under"
						+ " this name",
				"alerts.csv:0: 缺少此文件（应在 {folder} 中）；请从厂商控制台导出，并以此文件名保存到该文件夹"),
				Arguments.of("missing column", (Breakage) f -> replace(f.resolve("alerts.csv"), "rule_name,", ""),
						"alerts.csv:1: missing column(s) rule_name; expected header " + ALERT_HEADER,
						"alerts.csv:1: 缺少列：rule_name；表头应为 " + ALERT_HEADER),
				Arguments.of("bad number",
						(Breakage) f -> append(f.resolve("alerts.csv"), ALERT.formatted("low", "\"1,20\"")),
						"alerts.csv:19:12: count: \"1,20\" is not a whole number",
						"alerts.csv:19:12: count：“1,20”不是整数"),
				Arguments.of("unknown code",
						(Breakage) f -> append(f.resolve("alerts.csv"), ALERT.formatted("urgent", "1")),
						"alerts.csv:19:3: severity: unknown value \"urgent\"; expected one of critical, high, medium, low, info",
						"alerts.csv:19:3: severity：无法识别的值“urgent”；应为以下之一：critical, high, medium, low, info"),
				Arguments.of("bad date",
						(Breakage) f -> append(f.resolve("checks.csv"),
								CHECK.formatted("sig_updated", "2026-13-01", "")),
						"checks.csv:58:4: value: sig_updated: \"2026-13-01\" is not a date (2026-10-20, 2026/10/20 or"
								+ " 2026年10月20日)",
						"checks.csv:58:4: value：sig_updated：“2026-13-01”不是日期（2026-10-20、2026/10/20 或 2026年10月20日）"),
				Arguments.of("bad date-time",
						(Breakage) f -> append(f.resolve("checks.csv"),
								"LA-01,2026-10-32T10:00:00+08:00,cpu_pct,1,%,\n"),
						"checks.csv:58:2: collected_at: \"2026-10-32T10:00:00+08:00\" is not an ISO-8601 date-time with"
								+ " offset like 2026-10-28T10:00:00+08:00",
						"checks.csv:58:2: collected_at：“2026-10-32T10:00:00+08:00”不是带时区偏移的 ISO-8601 日期时间"
								+ "（如 2026-10-28T10:00:00+08:00）"),
				Arguments.of("bad unit",
						(Breakage) f -> append(f.resolve("checks.csv"),
								CHECK.formatted("log_retention_days", "126", "GB")),
						"checks.csv:58:4: value: log_retention_days: \"126GB\" is not a number of days; accepted units:"
								+ " d day days 天 日 (or none)",
						"checks.csv:58:4: value：log_retention_days：“126GB”不是天数；可用单位：d day days 天 日（或不写单位）"),
				Arguments.of("unknown device",
						(Breakage) f -> append(f.resolve("checks.csv"),
								"XX-99,2026-10-28T10:00:00+08:00,cpu_pct,1,%,\n"),
						"checks.csv:58:1: device_id: unknown device id \"XX-99\" (not in devices.csv); add the device to"
								+ " devices.csv or correct the id",
						"checks.csv:58:1: device_id：未知设备编号“XX-99”（devices.csv 中没有）；请在 devices.csv 中补充该设备或更正编号"),
				Arguments.of("bad report.json value",
						(Breakage) f -> replace(f.resolve("report.json"), "\"schemaVersion\": 1",
								"\"schemaVersion\": \"2.0\""),
						"report.json:2:3: schemaVersion must be 1 (as 1, \"1\" or \"1.0\"), found \"2.0\"",
						"report.json:2:3: schemaVersion 必须为 1（可写作 1、\"1\" 或 \"1.0\"），实际为“2.0”"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("kinds")
	void saysWhatIsWrongWhereAndWhatToDoInBothLanguages(String kind, Breakage breakage, String en, String zh)
			throws IOException {
		Path folder = TestData.copy(TestData.ACME, tmp);
		breakage.apply(folder);
		assertThatThrownBy(() -> new InputReader().read(folder)).isInstanceOfSatisfying(InputException.class,
				e -> assertThat(e.errors()).singleElement().satisfies(err -> {
					assertThat(err.in(new Texts(Lang.EN))).isEqualTo(en.replace("{folder}", folder.toString()));
					assertThat(err.in(new Texts(Lang.ZH))).isEqualTo(zh.replace("{folder}", folder.toString()));
					assertThat(err).hasToString(err.in(new Texts(Lang.EN)));
				}));
	}

	private static void replace(Path file, String from, String to) throws IOException {
		String text = Files.readString(file);
		assertThat(text).contains(from);
		Files.writeString(file, text.replaceFirst(Pattern.quote(from), to));
	}

	private static void append(Path file, String text) throws IOException {
		Files.writeString(file, Files.readString(file) + text);
	}

}
