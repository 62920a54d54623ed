package io.github.relayai.sample.report.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.relayai.sample.report.i18n.Lang;
import io.github.relayai.sample.report.i18n.LocalizedException;
import io.github.relayai.sample.report.i18n.Message;

/**
 * The parsed {@code generate} command line; options take {@code --name value} or
 * {@code --name=value}, Spring properties ({@code --spring.*}, {@code --report.*},
 * {@code --logging.*}) are left to Spring.
 *
 * @param month null for a single month folder
 */
public record CliOptions(Path input, String month, Path output, Lang lang) {

	private static final List<String> OPTIONS = List.of("input", "output", "month", "lang");

	/**
	 * Parses {@code args}.
	 * @throws LocalizedException saying what is wrong and what to write instead
	 */
	public static CliOptions parse(List<String> args) {
		if (args.isEmpty() || !args.get(0).equals("generate")) {
			throw error("error.cli.command");
		}
		Map<String, String> opts = new HashMap<>();
		for (int i = 1; i < args.size(); i++) {
			String a = args.get(i);
			if (!a.startsWith("--")) {
				throw error("error.cli.argument", a);
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
				throw error("error.cli.needsValue", name);
			}
		}
		for (String name : opts.keySet()) {
			if (!OPTIONS.contains(name)) {
				throw error("error.cli.unknownOption", name);
			}
		}
		if (!opts.containsKey("input") || !opts.containsKey("output")) {
			throw error("error.cli.required");
		}
		String month = opts.get("month");
		if (month != null && !month.matches("\\d{4}-\\d{2}")) {
			throw error("error.cli.month", month);
		}
		return new CliOptions(Path.of(opts.get("input")), month, Path.of(opts.get("output")),
				Lang.of(opts.getOrDefault("lang", "zh")));
	}

	/** The usage text, in no language yet. */
	public static Message usage() {
		return Message.of("cli.usage");
	}

	private static LocalizedException error(String key, Object... args) {
		return new LocalizedException(Message.of(key, args));
	}

}
