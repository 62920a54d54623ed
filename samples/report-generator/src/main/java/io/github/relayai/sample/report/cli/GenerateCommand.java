package io.github.relayai.sample.report.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

import io.github.relayai.sample.report.ReportGenerator;
import io.github.relayai.sample.report.i18n.Lang;
import io.github.relayai.sample.report.i18n.LocalizedException;
import io.github.relayai.sample.report.i18n.Message;
import io.github.relayai.sample.report.i18n.Texts;
import io.github.relayai.sample.report.input.InputException;
import io.github.relayai.sample.report.narrative.NarrativeResult;
import io.github.relayai.sample.report.narrative.NarrativeWriter;
import io.github.relayai.sample.report.narrative.OfflineNarrativeWriter;

/**
 * The {@code generate} command: one month folder, or with {@code --month} every
 * {@code <input>/<client>/<month>} folder. Clients run one after another; a failure is
 * recorded and the next client goes on. Exit code 0 when all succeeded, 1 when any
 * failed, 2 on a usage error.
 */
@Component
public class GenerateCommand implements ApplicationRunner, ExitCodeGenerator {

	private final NarrativeWriter narrativeWriter;

	private final PrintStream out;

	private int exitCode;

	/** The command, printing to standard output. */
	@Autowired
	public GenerateCommand(NarrativeWriter narrativeWriter) {
		this(narrativeWriter, System.out);
	}

	GenerateCommand(NarrativeWriter narrativeWriter, PrintStream out) {
		this.narrativeWriter = narrativeWriter;
		this.out = out;
	}

	@Override
	public void run(ApplicationArguments args) {
		exitCode = run(List.of(args.getSourceArgs()));
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

	/** Runs the command line {@code args}; returns the exit code. */
	public int run(List<String> args) {
		CliOptions options;
		try {
			options = CliOptions.parse(args);
		}
		catch (LocalizedException e) {
			// the language is not known yet
			printInBothLanguages(e.problem());
			printInBothLanguages(CliOptions.usage());
			return 2;
		}
		Texts texts = new Texts(options.lang());
		List<Path> folders;
		try {
			folders = folders(options);
		}
		catch (LocalizedException e) {
			out.println(e.problem().in(texts));
			return 2;
		}
		out.println(texts.t("cli.start", folders.size(), texts.t("cli.writer." + writerKind())));
		ReportGenerator generator = new ReportGenerator(narrativeWriter);
		ProgressBar bar = new ProgressBar(out, System.console() != null && out == System.out, texts, folders.size());
		List<String> done = new ArrayList<>();
		List<String> failed = new ArrayList<>();
		for (int i = 0; i < folders.size(); i++) {
			Path folder = folders.get(i);
			String client = clientName(folder);
			int index = i;
			try {
				ReportGenerator.Result result = generator.generate(folder, options.output(), texts,
						step -> bar.show(index, client, step));
				String note = result.narrative().source() == NarrativeResult.Source.FALLBACK
						? texts.t("cli.fallback", result.narrative().note()) : "";
				done.add(client + " → " + result.outputDir() + note);
			}
			catch (InputException e) {
				failed.add(client + ": " + texts.t("cli.invalidInput") + "\n      "
						+ String.join("\n      ", e.errors().stream().map(err -> err.in(texts)).toList()));
			}
			catch (LocalizedException e) {
				failed.add(client + ": " + e.problem().in(texts));
			}
			catch (RuntimeException e) {
				failed.add(client + ": " + e);
			}
		}
		bar.finish();
		out.println(texts.t("cli.summary", done.size(), failed.size()));
		done.forEach(d -> out.println("  ✔ " + d));
		failed.forEach(f -> out.println("  ✘ " + f));
		return failed.isEmpty() ? 0 : 1;
	}

	/** English, then Chinese. */
	private void printInBothLanguages(Message message) {
		for (Lang lang : List.of(Lang.EN, Lang.ZH)) {
			out.println(message.in(new Texts(lang)));
		}
	}

	private String writerKind() {
		return narrativeWriter instanceof OfflineNarrativeWriter ? "offline" : "model";
	}

	private static List<Path> folders(CliOptions options) {
		if (!Files.isDirectory(options.input())) {
			throw new LocalizedException(Message.of("error.cli.noInput", options.input()));
		}
		if (options.month() == null) {
			return List.of(options.input());
		}
		try (Stream<Path> clients = Files.list(options.input())) {
			List<Path> folders = clients.map(c -> c.resolve(options.month()))
				.filter(Files::isDirectory)
				.sorted()
				.toList();
			if (folders.isEmpty()) {
				throw new LocalizedException(Message.of("error.cli.noMonth", options.input(), options.month()));
			}
			return folders;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String clientName(Path folder) {
		Path abs = folder.toAbsolutePath().normalize();
		return abs.getParent() == null ? abs.toString() : abs.getParent().getFileName() + "/" + abs.getFileName();
	}

}
