package io.github.relayai.sample.report.cli;

import java.io.PrintStream;

import io.github.relayai.sample.report.ReportGenerator;
import io.github.relayai.sample.report.i18n.Texts;

/**
 * Shows the batch's progress: a bar with the client and the step, redrawn in place on a
 * terminal, one line per step otherwise (logs, CI).
 */
final class ProgressBar {

	private static final int WIDTH = 24;

	private static final int STEPS = ReportGenerator.Step.values().length;

	private final PrintStream out;

	private final boolean inPlace;

	private final Texts texts;

	private final int clients;

	ProgressBar(PrintStream out, boolean inPlace, Texts texts, int clients) {
		this.out = out;
		this.inPlace = inPlace;
		this.texts = texts;
		this.clients = clients;
	}

	/** Shows client number {@code index} (0-based) at {@code step}. */
	void show(int index, String client, ReportGenerator.Step step) {
		int done = index * STEPS + step.ordinal();
		int filled = done * WIDTH / (clients * STEPS);
		String line = String.format("[%s%s] %d/%d %s · %s", "█".repeat(filled), "░".repeat(WIDTH - filled), index + 1,
				clients, client, texts.t("cli.step." + step));
		if (inPlace) {
			out.print("\r\033[2K" + line);
		}
		else {
			out.println(line);
		}
		out.flush();
	}

	/** Ends the bar's line. */
	void finish() {
		if (inPlace) {
			out.println();
		}
	}

}
