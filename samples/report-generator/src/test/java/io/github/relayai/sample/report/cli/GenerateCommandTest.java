package io.github.relayai.sample.report.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.relayai.sample.report.TestData;
import io.github.relayai.sample.report.narrative.OfflineNarrativeWriter;

/**
 * The command line: batch with one broken client, English output, errors in the report's
 * language or, before it is known, in both.
 */
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
			.contains("devices.csv:10:1: device_id：设备编号“FW-01”重复；每台设备须有唯一编号");
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
	void invalidInputIsListedInTheReportLanguage() throws IOException {
		Path folder = TestData.copy(TestData.ACME, tmp.resolve("data"));
		Files.delete(folder.resolve("alerts.csv"));

		int code = command.run(List.of("generate", "--input", folder.toString(), "--output", "out", "--lang", "en"));

		assertThat(code).isEqualTo(1);
		assertThat(console.toString(StandardCharsets.UTF_8))
			.contains("✘ acme-bank/2026-10: input data is invalid\n      alerts.csv:0: file is missing in " + folder
					+ "; export it from the vendor console and save it there under this name")
			.doesNotContain("缺少");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			zh | 无法写入 | ；请检查 --output 指定的文件夹是否可写
			en | cannot write | ; check that --output names a folder you may write to
			""")
	void unwritableOutputIsExplainedInTheChosenLanguage(String lang, String start, String end) throws IOException {
		Path notAFolder = Files.writeString(tmp.resolve("out"), "a file");

		int code = command.run(List.of("generate", "--input", TestData.ACME.toString(), "--output",
				notAFolder.toString(), "--lang", lang));

		assertThat(code).isEqualTo(1);
		assertThat(console.toString(StandardCharsets.UTF_8)).containsPattern("✘ acme-bank/2026-10: \\Q" + start + " "
				+ notAFolder.resolve("acme-bank/2026-10") + "\\E.*\\Q" + end + "\\E\n");
	}

	/**
	 * A bad command line or language: the language is not known, so both, English first.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					frobnicate                                     | the first argument must be the command "generate"                                                            | 第一个参数必须是命令 generate
					generate --input data --output x --colour red  | unknown option --colour; the options are --input, --output, --month, --lang, --llm and --mask | 未知选项 --colour；可用选项为 --input、--output、--month、--lang、--llm 和 --mask
					generate --input data --output                 | option --output needs a value: --output <value> or --output=<value>                           | 选项 --output 缺少取值：请写作 --output <值> 或 --output=<值>
					generate --input data                          | --input and --output are required                                                             | 必须提供 --input 和 --output
					generate --input data --output x --month 10/26 | --month must look like 2026-10 (year-month), found "10/26"                                    | --month 的格式应为 2026-10（年-月），实际为“10/26”
					generate --input data --output x --lang fr     | unknown language "fr"; use --lang with one of: zh, en                                         | 未知语言“fr”；--lang 可选：zh, en
					""")
	void badCommandLineIsExplainedInBothLanguages(String args, String en, String zh) {
		assertThat(command.run(List.of(args.split(" ")))).isEqualTo(2);
		assertThat(console.toString(StandardCharsets.UTF_8).lines()).containsExactly(en, zh,
				"usage: report generate --input data/<client>/<YYYY-MM> --output out/ [--lang zh|en] [--llm [--mask]]",
				"       report generate --input data --month <YYYY-MM> --output out/ [--lang zh|en] [--llm [--mask]]",
				"用法：report generate --input data/<客户>/<YYYY-MM> --output out/ [--lang zh|en] [--llm [--mask]]",
				"      report generate --input data --month <YYYY-MM> --output out/ [--lang zh|en] [--llm [--mask]]");
	}

	/** A folder that is not there: the language is known, so only that one. */
	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					zh | nowhere |         | 找不到输入文件夹：nowhere；请检查 --input 指定的路径
					en | nowhere |         | input folder not found: nowhere; check the path given to --input
					zh | data    | 1999-01 | data 下没有任何客户有 1999-01 月份的数据；应有形如 data/<客户>/1999-01 的文件夹
					en | data    | 1999-01 | no client under data has the month 1999-01; expected folders like data/<client>/1999-01
					""")
	void missingFolderIsExplainedInTheChosenLanguage(String lang, String input, String month, String message) {
		List<String> args = new ArrayList<>(List.of("generate", "--input", input, "--output", "x", "--lang", lang));
		if (month != null) {
			args.addAll(List.of("--month", month));
		}
		assertThat(command.run(args)).isEqualTo(2);
		assertThat(console.toString(StandardCharsets.UTF_8).lines()).containsExactly(message);
	}

}
