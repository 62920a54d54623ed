package io.github.relayai.sample.report.alerts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps an alert category in any vendor's wording ("挖矿木马", "Web攻击-SQL注入",
 * {@code Trojan.CoinMiner}, {@code sql_injection}) to its canonical class through the
 * keyword table {@code categories/alert-categories.properties}, extended per client. The
 * longest keyword found wins; on a tie the class listed first. Unknown wordings have no
 * class.
 */
public final class AlertCategories {

	private static final Set<String> COMPROMISE = Set.of("mining", "c2", "malware");

	private static final Set<String> EXPLOIT = Set.of("sql_injection", "xss", "command_injection", "rce",
			"path_traversal", "file_inclusion", "deserialization", "webshell", "exploit");

	private static final String RESOURCE = "/categories/alert-categories.properties";

	private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-]+");

	private static final List<Keyword> BUILT_IN = load();

	private static final Set<String> CLASSES = classes(BUILT_IN);

	private final List<Keyword> clientKeywords;

	private AlertCategories(List<Keyword> clientKeywords) {
		this.clientKeywords = clientKeywords;
	}

	/** The built-in table only. */
	public static AlertCategories builtIn() {
		return new AlertCategories(List.of());
	}

	/**
	 * The built-in table plus a client's own keywords (keyword to canonical class), which
	 * win over the built-in ones; the classes must be among {@link #classes()}.
	 */
	public static AlertCategories withClientKeywords(Map<String, String> keywords) {
		return new AlertCategories(
				keywords.entrySet().stream().map(e -> Keyword.of(e.getKey(), e.getValue())).toList());
	}

	/**
	 * Whether an internal source of class {@code cls} (null when unknown) is a suspected
	 * compromise: mining, C2, malware.
	 */
	public static boolean isCompromise(String cls) {
		return cls != null && COMPROMISE.contains(cls);
	}

	/**
	 * Whether class {@code cls} (null when unknown) is an exploit attempt, for the
	 * targeted-attacker pattern.
	 */
	public static boolean isExploit(String cls) {
		return cls != null && EXPLOIT.contains(cls);
	}

	/** Every canonical class, in table order. */
	public static Set<String> classes() {
		return CLASSES;
	}

	/** The canonical class of {@code category} as an export wrote it, if known. */
	public Optional<String> classify(String category) {
		String text = normalise(category);
		if (text.isEmpty()) {
			return Optional.empty();
		}
		Optional<String> client = best(clientKeywords, text);
		return client.isPresent() ? client : best(BUILT_IN, text);
	}

	private static Optional<String> best(List<Keyword> keywords, String text) {
		Keyword best = null;
		for (Keyword k : keywords) {
			if (k.matches(text) && (best == null || k.text().length() > best.text().length())) {
				best = k;
			}
		}
		return Optional.ofNullable(best).map(Keyword::cls);
	}

	/** NFKC, lower case, separators as one space, trimmed. */
	static String normalise(String s) {
		String n = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		return SEPARATORS.matcher(n).replaceAll(" ").strip();
	}

	private static List<Keyword> load() {
		String text;
		try (InputStream in = AlertCategories.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + RESOURCE);
			}
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		List<Keyword> keywords = new ArrayList<>();
		for (String line : text.split("\\R")) {
			int eq = line.indexOf('=');
			if (line.isBlank() || line.strip().startsWith("#") || eq < 0) {
				continue;
			}
			String cls = line.substring(0, eq).strip();
			for (String word : line.substring(eq + 1).split(",")) {
				if (!word.isBlank()) {
					keywords.add(Keyword.of(word, cls));
				}
			}
		}
		return List.copyOf(keywords);
	}

	private static Set<String> classes(List<Keyword> keywords) {
		Set<String> classes = new LinkedHashSet<>();
		keywords.forEach(k -> classes.add(k.cls()));
		return Collections.unmodifiableSet(classes);
	}

	/**
	 * One keyword of a class; ASCII keywords match whole words, others anywhere. Ties in
	 * length go to the class listed first, as the list keeps the file's order.
	 */
	private record Keyword(String text, String cls, Pattern word) {

		static Keyword of(String raw, String cls) {
			String text = normalise(raw);
			boolean ascii = text.chars().allMatch(c -> c < 128);
			Pattern word = ascii ? Pattern.compile("(?<![a-z0-9])" + Pattern.quote(text) + "(?![a-z0-9])") : null;
			return new Keyword(text, cls, word);
		}

		boolean matches(String category) {
			return word != null ? word.matcher(category).find() : category.contains(text);
		}

	}

}
