package io.github.relayai.sample.report.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.relayai.sample.report.TestData;
import io.github.relayai.sample.report.narrative.OfflineNarrativeWriter;

/** The command line: batch with one broken client, English output, usage errors. */
class GenerateCommandTest {

	@TempDir
	Path tmp;

	private final ByteArrayOutputStream console = new ByteArrayOutputStream();

	private final GenerateCommand command = new GenerateCommand(new OfflineNarrativeWriter(),
			new PrintStream(console, true, StandardCharsets.UTF_8));

	@Test
	void batchGoesOnAfterAFailureAndExitsNonZero() throws IOException {
		Path data = tmp.resolve("data");
		TestData.copy(TestData.ACME, data);
		TestData.copy(TestData.HOSPITAL, data);
		Path broken = TestData.copy(TestData.ACME, data.resolve("zz-broken"));
		Files.move(broken.getParent(), data.resolve("broken-client"));
		Path brokenJson = data.resolve("broken-client/2026-10/report.json");
		Files.writeString(brokenJson, Files.readString(brokenJson).replace("\"acme-bank\"", "\"broken-client\""));
		Path devices = data.resolve("broken-client/2026-10/devices.csv");
		Files.writeString(devices, Files.readString(devices) + "FW-01,dup,NGFW,,,,,,\n");
		Path out = tmp.resolve("out");

		int code = command
			.run(List.of("generate", "--input", data.toString(), "--month", "2026-10", "--output", out.toString()));

		String text = console.toString(StandardCharsets.UTF_8);
		assertThat(code).isEqualTo(1);
		assertThat(text).contains("acme-bank/2026-10 · 计算事实")
			.contains("demo-hospital/2026-10 · 写出文件")
			.contains("完成 2 个，失败 1 个")
			.contains("✘ broken-client/2026-10: 输入数据校验失败")
			.contains("devices.csv:10:1: device_id: duplicate device id \"FW-01\"");
		assertThat(out.resolve("acme-bank/2026-10/report.pdf")).isNotEmptyFile();
		assertThat(out.resolve("demo-hospital/2026-10/facts.json")).isNotEmptyFile();
		assertThat(out.resolve("broken-client")).doesNotExist();
	}

	@Test
	void singleClientInEnglish() throws IOException {
		Path out = tmp.resolve("out");
		int code = command
			.run(List.of("generate", "--input", TestData.HOSPITAL.toString(), "--output=" + out, "--lang", "en"));
		assertThat(code).isZero();
		String md = Files.readString(out.resolve("demo-hospital/2026-10/report.md"));
		assertThat(md).startsWith("# Monthly Security Inspection Report")
			.contains("7 devices inspected this month: OK 2, Warning 2, Abnormal 3")
			.contains("Written offline by built-in rules");
		assertThat(console.toString(StandardCharsets.UTF_8)).contains("Done 1, failed 0");
	}

	@Test
	void usageErrorsExitWithTwo() {
		assertThat(command.run(List.of("generate", "--input", "data"))).isEqualTo(2);
		assertThat(command.run(List.of("frobnicate"))).isEqualTo(2);
		assertThat(command.run(List.of("generate", "--input", "nowhere", "--output", "x"))).isEqualTo(2);
		assertThat(command.run(List.of("generate", "--input", "data", "--month", "1999-01", "--output", "x")))
			.isEqualTo(2);
		assertThat(console.toString(StandardCharsets.UTF_8)).contains("usage: report generate");
	}

}
