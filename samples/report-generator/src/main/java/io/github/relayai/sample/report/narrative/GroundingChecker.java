package io.github.relayai.sample.report.narrative;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.relayai.sample.report.facts.Fact;
import io.github.relayai.sample.report.facts.FactsPack;
import io.github.relayai.sample.report.narrative.GroundingViolation.Kind;

/**
 * Checks that a narrative is grounded in its facts pack: every number, percentage, IP
 * address, date, CVE and rule id in the prose appears in the pack; every cited fact id
 * exists; every high-risk fact is cited.
 */
public final class GroundingChecker {

	private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,7}", Pattern.CASE_INSENSITIVE);

	private static final Pattern IP = Pattern.compile("(?<![\\d.])\\d{1,3}(?:\\.\\d{1,3}){3}(?![\\d.])");

	private static final Pattern DATE_FULL = Pattern.compile("(\\d{4})(?:-|年)(\\d{1,2})(?:-|月)(\\d{1,2})日?");

	private static final Pattern DATE_YEAR_MONTH = Pattern.compile("(\\d{4})(?:-|年)(\\d{1,2})(?![\\d:])月?");

	private static final Pattern DATE_MONTH_DAY = Pattern.compile("(\\d{1,2})月(\\d{1,2})日");

	private static final Pattern RULE_ID = Pattern
		.compile("(?<![A-Za-z0-9_-])[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)+(?![A-Za-z0-9_-])");

	private static final Pattern FACT_ID = Pattern.compile("(?<![A-Za-z0-9])F\\d{2,3}(?![A-Za-z0-9])");

	private static final Pattern PERCENT = Pattern.compile("[+-]?(\\d+(?:\\.\\d+)?)\\s?%");

	private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z0-9_.])(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?");

	private static final Set<String> PRIORITIES = Set.of("P1", "P2", "P3");

	/**
	 * Returns the violations of {@code narrative} against {@code pack}; empty when it is
	 * grounded.
	 */
	public List<GroundingViolation> check(Narrative narrative, FactsPack pack) {
		Tokens allowed = new Tokens();
		for (Fact f : pack.facts()) {
			for (String text : new String[] { f.label(), f.display(), f.mom(),
					f.value() == null ? null : f.value().toString() }) {
				if (text != null) {
					scan(text, allowed, true);
				}
			}
		}
		List<GroundingViolation> violations = new ArrayList<>();
		Set<String> cited = new HashSet<>();
		prose(narrative.summary(), "summary", allowed, pack, violations);
		for (int i = 0; i < size(narrative.findings()); i++) {
			Narrative.Finding f = narrative.findings().get(i);
			prose(f.title(), "findings[" + i + "].title", allowed, pack, violations);
			prose(f.analysis(), "findings[" + i + "].analysis", allowed, pack, violations);
			citations(f.factIds(), "findings[" + i + "].factIds", pack, cited, violations);
		}
		for (int i = 0; i < size(narrative.recommendations()); i++) {
			Narrative.Recommendation r = narrative.recommendations().get(i);
			if (r.priority() == null || !PRIORITIES.contains(r.priority().trim().toUpperCase(Locale.ROOT))) {
				violations.add(new GroundingViolation(Kind.BAD_PRIORITY, String.valueOf(r.priority()),
						"recommendations[" + i + "].priority"));
			}
			prose(r.action(), "recommendations[" + i + "].action", allowed, pack, violations);
			citations(r.factIds(), "recommendations[" + i + "].factIds", pack, cited, violations);
		}
		for (int i = 0; i < size(narrative.nextMonthPlan()); i++) {
			prose(narrative.nextMonthPlan().get(i), "nextMonthPlan[" + i + "]", allowed, pack, violations);
		}
		for (Fact f : pack.highRisk()) {
			if (!cited.contains(f.id())) {
				violations.add(new GroundingViolation(Kind.UNCITED_HIGH_RISK_FACT, f.id(), "factIds"));
			}
		}
		return violations;
	}

	private static void citations(List<String> ids, String where, FactsPack pack, Set<String> cited,
			List<GroundingViolation> violations) {
		for (String id : ids == null ? List.<String>of() : ids) {
			if (pack.get(id).isPresent()) {
				cited.add(id);
			}
			else {
				violations.add(new GroundingViolation(Kind.UNKNOWN_FACT_ID, id, where));
			}
		}
	}

	private static void prose(String text, String where, Tokens allowed, FactsPack pack,
			List<GroundingViolation> violations) {
		if (text == null) {
			return;
		}
		Tokens found = new Tokens();
		scan(text, found, false);
		found.check(allowed, where, violations);
		found.factIds.stream()
			.filter(id -> pack.get(id).isEmpty())
			.forEach(id -> violations.add(new GroundingViolation(Kind.UNKNOWN_FACT_ID, id, where)));
	}

	/**
	 * Extracts the tokens of {@code text}, most specific first, blanking each match so
	 * that e.g. the digits of an IP are not also read as numbers. From facts
	 * ({@code fromFacts}) a date also allows its parts.
	 */
	private static void scan(String text, Tokens out, boolean fromFacts) {
		StringBuilder s = new StringBuilder(text);
		take(s, CVE, m -> out.add(Kind.CVE, m.group().toUpperCase(Locale.ROOT), m.group()));
		take(s, IP, m -> out.add(Kind.IP, m.group(), m.group()));
		take(s, DATE_FULL, m -> {
			int y = Integer.parseInt(m.group(1));
			int mo = Integer.parseInt(m.group(2));
			int d = Integer.parseInt(m.group(3));
			out.add(Kind.DATE, y + "-" + mo + "-" + d, m.group());
			if (fromFacts) {
				out.add(Kind.DATE, y + "-" + mo, m.group());
				out.add(Kind.DATE, mo + "-" + d, m.group());
				out.add(Kind.NUMBER, String.valueOf(y), m.group());
				out.add(Kind.NUMBER, String.valueOf(mo), m.group());
				out.add(Kind.NUMBER, String.valueOf(d), m.group());
			}
		});
		take(s, DATE_MONTH_DAY,
				m -> out.add(Kind.DATE, Integer.parseInt(m.group(1)) + "-" + Integer.parseInt(m.group(2)), m.group()));
		take(s, DATE_YEAR_MONTH, m -> {
			int y = Integer.parseInt(m.group(1));
			int mo = Integer.parseInt(m.group(2));
			out.add(Kind.DATE, y + "-" + mo, m.group());
			if (fromFacts) {
				out.add(Kind.NUMBER, String.valueOf(y), m.group());
				out.add(Kind.NUMBER, String.valueOf(mo), m.group());
			}
		});
		take(s, FACT_ID, m -> out.factIds.add(m.group()));
		take(s, RULE_ID, m -> {
			if (m.group().chars().anyMatch(Character::isDigit)) {
				out.add(Kind.RULE_ID, m.group().toUpperCase(Locale.ROOT), m.group());
			}
		});
		take(s, PERCENT, m -> out.add(Kind.PERCENT, normalise(m.group(1)), m.group()));
		take(s, NUMBER, m -> out.add(Kind.NUMBER, normalise(m.group()), m.group()));
	}

	private static void take(StringBuilder s, Pattern p, Consumer<Matcher> sink) {
		Matcher m = p.matcher(s);
		List<int[]> spans = new ArrayList<>();
		while (m.find()) {
			sink.accept(m);
			spans.add(new int[] { m.start(), m.end() });
		}
		for (int[] span : spans) {
			for (int i = span[0]; i < span[1]; i++) {
				s.setCharAt(i, ' ');
			}
		}
	}

	private static String normalise(String number) {
		return new BigDecimal(number.replace(",", "")).stripTrailingZeros().toPlainString();
	}

	private static int size(List<?> list) {
		return list == null ? 0 : list.size();
	}

	private record Token(Kind kind, String normalised, String written) {
	}

	/** Normalised tokens by kind, with the text they were written as. */
	private static final class Tokens {

		private final List<Token> seen = new ArrayList<>();

		private final Set<String> keys = new HashSet<>();

		private final Set<String> factIds = new HashSet<>();

		void add(Kind kind, String normalised, String written) {
			keys.add(kind + ":" + normalised);
			seen.add(new Token(kind, normalised, written));
		}

		/**
		 * Reports each token not in {@code allowed}; a percentage may also match a fact's
		 * plain number.
		 */
		void check(Tokens allowed, String where, List<GroundingViolation> violations) {
			for (Token t : seen) {
				boolean ok = allowed.keys.contains(t.kind() + ":" + t.normalised())
						|| t.kind() == Kind.PERCENT && allowed.keys.contains(Kind.NUMBER + ":" + t.normalised());
				if (!ok) {
					violations.add(new GroundingViolation(t.kind(), t.written(), where));
				}
			}
		}

	}

}
