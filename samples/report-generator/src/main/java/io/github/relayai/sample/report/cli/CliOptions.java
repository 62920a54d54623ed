package io.github.relayai.sample.report.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.relayai.sample.report.i18n.Lang;

/**
 * The parsed {@code generate} command line; options take {@code --name value} or
 * {@code --name=value}, Spring properties ({@code --spring.*}, {@code --report.*},
 * {@code --logging.*}) are left to Spring.
 *
 * @param month null for a single month folder
 */
public record CliOptions(Path input, String month, Path output, Lang lang) {

	/**
	 * Parses {@code args}; throws {@link IllegalArgumentException} with a usage hint when
	 * they are wrong.
	 */
	public static CliOptions parse(List<String> args) {
		if (args.isEmpty() || !args.get(0).equals("generate")) {
			throw new IllegalArgumentException("expected the command \"generate\"");
		}
		Map<String, String> opts = new HashMap<>();
		for (int i = 1; i < args.size(); i++) {
			String a = args.get(i);
			if (!a.startsWith("--")) {
				throw new IllegalArgumentException("unexpected argument \"" + a + "\"");
			}
			String name = a.substring(2);
			if (name.startsWith("spring.") || name.startsWith("report.") || name.startsWith("logging.")) {
				continue;
			}
			if (name.contains("=")) {
				opts.put(name.substring(0, name.indexOf('=')), name.substring(name.indexOf('=') + 1));
			}
			else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
				opts.put(name, args.get(++i));
			}
			else {
				throw new IllegalArgumentException("option --" + name + " needs a value");
			}
		}
		for (String name : opts.keySet()) {
			if (!List.of("input", "output", "month", "lang").contains(name)) {
				throw new IllegalArgumentException("unknown option --" + name);
			}
		}
		if (!opts.containsKey("input") || !opts.containsKey("output")) {
			throw new IllegalArgumentException("--input and --output are required");
		}
		String month = opts.get("month");
		if (month != null && !month.matches("\\d{4}-\\d{2}")) {
			throw new IllegalArgumentException("--month must look like 2026-10");
		}
		return new CliOptions(Path.of(opts.get("input")), month, Path.of(opts.get("output")),
				Lang.of(opts.getOrDefault("lang", "zh")));
	}

	/** The usage text. */
	public static String usage() {
		return """
				usage: report generate --input data/<client>/<YYYY-MM> --output out/ [--lang zh|en] [--llm [--mask]]
				       report generate --input data --month <YYYY-MM> --output out/ [--lang zh|en] [--llm [--mask]]""";
	}
}
