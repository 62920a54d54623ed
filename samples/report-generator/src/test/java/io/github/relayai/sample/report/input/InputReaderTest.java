package io.github.relayai.sample.report.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.relayai.sample.report.TestData;
import io.github.relayai.sample.report.alerts.AlertCategories;

/** Encodings and strict validation, with errors naming file, line and column. */
class InputReaderTest {

	@TempDir
	Path tmp;

	@Test
	void readsGbkGb18030AndUtf8WithBom() throws IOException {
		Path folder = TestData.copy(TestData.ACME, tmp);
		recode(folder.resolve("devices.csv"), Charset.forName("GBK"), false);
		recode(folder.resolve("alerts.csv"), Charset.forName("GB18030"), false);
		recode(folder.resolve("checks.csv"), StandardCharsets.UTF_8, true);
		recode(folder.resolve("report.json"), StandardCharsets.UTF_8, true);
		InspectionData data = new InputReader().read(folder);
		assertThat(data.device("FW-01").name()).isEqualTo("互联网边界防火墙A");
		assertThat(data.alerts().get(0).ruleName()).isEqualTo("端口扫描");
		assertThat(data.checks()).hasSize(56);
		assertThat(data.meta().client().name()).isEqualTo("示例城市商业银行股份有限公司");
		assertThat(TextDecoding.decode("设备".getBytes(Charset.forName("GBK"))).charset()).isEqualTo("GB18030");
	}

	@Test
	void reportsEveryErrorWithFileLineAndColumn() throws IOException {
		Path folder = TestData.copy(TestData.ACME, tmp);
		append(folder.resolve("devices.csv"), "FW-01,重复设备,NGFW,,,10.10.0.9,,,\n"); // line
																					// 10
		append(folder.resolve("checks.csv"), "XX-99,2026-10-28T10:00:00+08:00,cpu_pct,1,%,\n" // line
																								// 58
				+ "FW-01,2026-10-32T10:00:00+08:00,cpu_pct,1,%,\n"); // line 59
		append(folder.resolve("alerts.csv"), "2026-10-30,IPS-01,urgent,scan,R-1,r,192.0.2.1,,,TCP,blocked,1,handled,\n" // line
																														// 19
				+ "2026-10-30,IPS-01,low,scan,R-1,r,192.0.2.1,,,TCP,blocked,-5,handled,\n" // line
																							// 20
				+ "2026-11-02,IPS-01,low,scan,R-1,r,192.0.2.1,,,TCP,blocked,1,handled,\n" // line
																							// 21
				+ "2026-10-30,IPS-01,low,scan,R-1,r,192.0.2.300,,,TCP,shrug,1,handled,\n"); // line
																							// 22
		assertThatThrownBy(() -> new InputReader().read(folder)).isInstanceOfSatisfying(InputException.class, e -> {
			assertThat(e.errors()).extracting(InputError::toString)
				.containsExactly(
						"alerts.csv:19:3: severity: unknown value \"urgent\"; expected one of critical, high, medium, low, info",
						"alerts.csv:20:12: count: must be at least 1, found -5",
						"alerts.csv:21:1: time: 2026-11-02 is outside the report period 2026-10; correct the date or"
								+ " move the row to that month's export",
						"alerts.csv:22:7: src_ip: not an IPv4 address: \"192.0.2.300\"",
						"alerts.csv:22:11: action: unknown value \"shrug\"; expected one of blocked, allowed, detected",
						"checks.csv:58:1: device_id: unknown device id \"XX-99\" (not in devices.csv); add the device to"
								+ " devices.csv or correct the id",
						"checks.csv:59:2: collected_at: \"2026-10-32T10:00:00+08:00\" is not an ISO-8601 date-time with"
								+ " offset like 2026-10-28T10:00:00+08:00",
						"devices.csv:10:1: device_id: duplicate device id \"FW-01\"; give each device its own id");
		});
	}

	@Test
	void reportsJsonErrorsWithTheirLocation() throws IOException {
		Path folder = TestData.copy(TestData.ACME, tmp);
		Path json = folder.resolve("report.json");
		Files.writeString(json, Files.readString(json).replace("\"2026-10-31\"", "\"2026-10-32\""));
		assertThatThrownBy(() -> new InputReader().read(folder)).isInstanceOfSatisfying(InputException.class,
				e -> assertThat(e.errors()).singleElement().satisfies(err -> {
					assertThat(err.file()).isEqualTo("report.json");
					assertThat(err.line()).isEqualTo(12);
					assertThat(err.column()).isPositive();
				}));
	}

	@Test
	void reportsMissingColumnsAndFiles() throws IOException {
		Path folder = TestData.copy(TestData.ACME, tmp);
		Files.writeString(folder.resolve("devices.csv"), "device_id,name\nFW-01,x\n");
		Files.delete(folder.resolve("alerts.csv"));
		assertThatThrownBy(() -> new InputReader().read(folder))
			.isInstanceOfSatisfying(InputException.class, e -> assertThat(e.errors()).extracting(InputError::toString)
				.contains(
						"alerts.csv:0: file is missing in " + folder
								+ "; export it from the vendor console and save it there under this name",
						"devices.csv:1: missing column(s) type, vendor, model, mgmt_ip, location, ha_role, business_system;"
								+ " expected header device_id,name,type,vendor,model,mgmt_ip,location,ha_role,business_system"));
	}

	@Test
	void toleratesNotationThatDoesNotChangeANumber() throws IOException {
		Path folder = TestData.copy(TestData.ACME, tmp);
		Path json = folder.resolve("report.json");
		Files.writeString(json, Files.readString(json).replace("\"schemaVersion\": 1", "\"schemaVersion\": \"1\""));
		append(folder.resolve("alerts.csv"),
				"２０２６-１０-３０ 08:15:00,IPS-01,中危,端口扫描,IPS-10001,端口扫描,203.0.113.45,10.10.2.10,,TCP,拦截,\"1,200\",已处理, \n"
						+ "2026/10/31 23:59,IPS-01,低,扫描探测,IPS-10001,端口扫描,２０３.０.１１３.４５,,,TCP,block,１２,closed,\n");
		InspectionData data = new InputReader().read(folder);
		assertThat(data.meta().schemaVersion()).isEqualTo("1");
		List<Alert> added = data.alerts().subList(data.alerts().size() - 2, data.alerts().size());
		assertThat(added)
			.extracting(a -> a.time() + " " + a.severity() + " " + a.categoryClass() + " " + a.srcIp() + " "
					+ a.action() + " " + a.count() + " " + a.status())
			.containsExactly("2026-10-30T08:15 MEDIUM scan 203.0.113.45 BLOCKED 1200 HANDLED",
					"2026-10-31T23:59 LOW scan 203.0.113.45 BLOCKED 12 HANDLED");
	}

	@Test
	void staysStrictWhereAValueWouldChangeANumber() throws IOException {
		Path folder = TestData.copy(TestData.ACME, tmp);
		Path json = folder.resolve("report.json");
		Files.writeString(json,
				Files.readString(json)
					.replace("\"schemaVersion\": 1", "\"schemaVersion\": \"2.0\"")
					.replace("\"thresholdOverrides\": {}", "\"categories\": {\"自定义情报\": \"spyware\"}"));
		append(folder.resolve("alerts.csv"),
				"2026-10-30,IPS-01,low,scan,R-1,r,192.0.2.1,,,TCP,blocked,\"1,20\",handled,\n"); // line
																									// 19
		append(folder.resolve("checks.csv"), "LA-01,2026-10-28T10:00:00+08:00,log_retention_days,126GB,,\n" // 58
				+ "FW-01,2026-10-28T10:00:00+08:00,ntp_synced,maybe,,\n"); // line 59
		assertThatThrownBy(() -> new InputReader().read(folder)).isInstanceOfSatisfying(InputException.class, e -> {
			assertThat(e.errors()).extracting(InputError::toString)
				.containsExactly("alerts.csv:19:12: count: \"1,20\" is not a whole number",
						"checks.csv:58:4: value: log_retention_days: \"126GB\" is not a number of days; accepted units:"
								+ " d day days 天 日 (or none)",
						"checks.csv:59:4: value: ntp_synced: \"maybe\" is not a yes/no value (true/false, 1/0, yes/no,"
								+ " 是/否, 正常/异常)",
						"report.json:2:3: schemaVersion must be 1 (as 1, \"1\" or \"1.0\"), found \"2.0\"",
						"report.json:27:18: unknown category class \"spyware\" for \"自定义情报\"; use one of "
								+ String.join(", ", AlertCategories.classes()));
		});
	}

	private static void recode(Path file, Charset charset, boolean bom) throws IOException {
		byte[] body = Files.readString(file, StandardCharsets.UTF_8).getBytes(charset);
		byte[] out = bom ? new byte[body.length + 3] : body;
		if (bom) {
			out[0] = (byte) 0xEF;
			out[1] = (byte) 0xBB;
			out[2] = (byte) 0xBF;
			System.arraycopy(body, 0, out, 3, body.length);
		}
		Files.write(file, out);
	}

	private static void append(Path file, String text) throws IOException {
		Files.writeString(file, Files.readString(file) + text);
	}

}
