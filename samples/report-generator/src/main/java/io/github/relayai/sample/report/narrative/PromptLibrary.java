package io.github.relayai.sample.report.narrative;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import io.github.relayai.sample.report.i18n.Lang;

/**
 * The "report template prompt": versioned prompt files
 * {@code prompts/narrative-v1/{system,user,retry,repair}.<lang>.md} on the classpath, or
 * the same files in a folder the user points at with {@code --prompts} to edit them.
 * Placeholders are {@code {{client}}}, {@code {{month}}}, {@code {{facts}}},
 * {@code {{violations}}} and {@code {{error}}}.
 */
public final class PromptLibrary {

	/** The prompt version shipped with this build. */
	public static final String VERSION = "narrative-v1";

	private final Path overrideDir;

	/** Prompts from the classpath, or from {@code overrideDir} when not null. */
	public PromptLibrary(Path overrideDir) {
		this.overrideDir = overrideDir;
	}

	/** The system prompt. */
	public String system(Lang lang) {
		return load("system", lang);
	}

	/** The first user message, carrying the facts pack as JSON. */
	public String user(Lang lang, String client, String month, String factsJson) {
		return load("user", lang).replace("{{client}}", client)
			.replace("{{month}}", month)
			.replace("{{facts}}", factsJson);
	}

	/** The message that sends grounding violations back to the model. */
	public String retry(Lang lang, List<GroundingViolation> violations) {
		return load("retry", lang).replace("{{violations}}",
				violations.stream().map(v -> "- " + v).collect(Collectors.joining("\n")));
	}

	/** The message that sends a JSON parse error back to the model (one repair round). */
	public String repair(Lang lang, String error) {
		return load("repair", lang).replace("{{error}}", error);
	}

	private String load(String name, Lang lang) {
		String file = name + "." + lang.code() + ".md";
		try {
			if (overrideDir != null) {
				return Files.readString(overrideDir.resolve(file), StandardCharsets.UTF_8);
			}
			try (InputStream in = PromptLibrary.class.getResourceAsStream("/prompts/" + VERSION + "/" + file)) {
				if (in == null) {
					throw new IllegalStateException("prompt resource missing: " + file);
				}
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read prompt " + file, e);
		}
	}

}
