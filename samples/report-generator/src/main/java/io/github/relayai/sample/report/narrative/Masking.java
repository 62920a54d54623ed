package io.github.relayai.sample.report.narrative;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the client's name and every IP address on this machine: before the facts go to
 * the model they are replaced by placeholders ({@code [CLIENT]}, {@code [IP_A]},
 * {@code [IP_B]}, ...), and the model's answer gets the real values back before the
 * grounding check and the report see it.
 */
final class Masking {

	private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])(?:\\d{1,3}\\.){3}\\d{1,3}(?![\\d.])");

	private static final Masking NONE = new Masking(Map.of());

	/** Real value to placeholder, in the order they were found. */
	private final Map<String, String> placeholders;

	private Masking(Map<String, String> placeholders) {
		this.placeholders = placeholders;
	}

	/** No masking: both directions return the text unchanged. */
	static Masking none() {
		return NONE;
	}

	/**
	 * Masking for one client.
	 * @param clientName the client's name
	 * @param facts the text that will be sent (its IP addresses get placeholders)
	 */
	static Masking of(String clientName, String facts) {
		Map<String, String> placeholders = new LinkedHashMap<>();
		if (clientName != null && !clientName.isBlank()) {
			placeholders.put(clientName, "[CLIENT]");
		}
		Map<String, String> ips = new LinkedHashMap<>();
		Matcher ip = IPV4.matcher(facts);
		while (ip.find()) {
			ips.computeIfAbsent(ip.group(), k -> "[IP_" + letters(ips.size()) + "]");
		}
		placeholders.putAll(ips);
		return new Masking(placeholders);
	}

	private static String letters(int index) {
		StringBuilder name = new StringBuilder();
		for (int n = index; n >= 0; n = n / 26 - 1) {
			name.insert(0, (char) ('A' + n % 26));
		}
		return name.toString();
	}

	/** The text as it may leave the machine. */
	String mask(String text) {
		return replace(text, this.placeholders);
	}

	/** The model's text with the real values restored. */
	String unmask(String text) {
		Map<String, String> reverse = new LinkedHashMap<>();
		this.placeholders.forEach((real, placeholder) -> reverse.put(placeholder, real));
		return replace(text, reverse);
	}

	/** The model's narrative with the real values restored in every text. */
	Narrative unmask(Narrative narrative) {
		if (this.placeholders.isEmpty() || narrative == null) {
			return narrative;
		}
		UnaryOperator<String> u = this::unmask;
		return new Narrative(u.apply(narrative.summary()),
				map(narrative.findings(),
						f -> new Narrative.Finding(f.factIds(), u.apply(f.title()), u.apply(f.analysis()))),
				map(narrative.recommendations(),
						r -> new Narrative.Recommendation(r.priority(), u.apply(r.action()), r.factIds())),
				map(narrative.nextMonthPlan(), u));
	}

	private static <T> List<T> map(List<T> items, UnaryOperator<T> function) {
		return (items == null) ? null : new ArrayList<>(items.stream().map(function).toList());
	}

	/**
	 * Replaces longer keys first, so {@code 10.0.0.15} is never hit by {@code 10.0.0.1}.
	 */
	private static String replace(String text, Map<String, String> replacements) {
		if (text == null || replacements.isEmpty()) {
			return text;
		}
		List<Map.Entry<String, String>> ordered = new ArrayList<>(replacements.entrySet());
		ordered.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
		String result = text;
		for (Map.Entry<String, String> entry : ordered) {
			result = result.replace(entry.getKey(), entry.getValue());
		}
		return result;
	}

}
