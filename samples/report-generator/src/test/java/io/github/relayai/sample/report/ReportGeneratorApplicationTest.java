package io.github.relayai.sample.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.github.relayai.sample.report.cli.GenerateCommand;
import io.github.relayai.sample.report.narrative.NarrativeWriter;
import io.github.relayai.sample.report.narrative.OfflineNarrativeWriter;

/** The default configuration starts without any API key and writes offline. */
@SpringBootTest(args = { "generate", "--input", "data/acme-bank/2026-10", "--output", "target/app-test-out" })
class ReportGeneratorApplicationTest {

	@Autowired
	NarrativeWriter narrativeWriter;

	@Autowired
	GenerateCommand command;

	@Test
	void runsOfflineByDefault() {
		assertThat(narrativeWriter).isInstanceOf(OfflineNarrativeWriter.class);
		assertThat(command.getExitCode()).isZero();
		assertThat(Path.of("target/app-test-out/acme-bank/2026-10/report.docx")).isNotEmptyFile();
	}

}
