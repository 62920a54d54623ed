package io.github.relayai.sample.report.narrative;

/**
 * One reason a narrative is not grounded in the facts pack.
 *
 * @param kind what was wrong
 * @param token the offending number, address, id... as written
 * @param where the narrative field, e.g. {@code findings[1].analysis}
 */
public record GroundingViolation(Kind kind, String token, String where) {

	/** The kinds of violation. */
	public enum Kind {

		NUMBER, PERCENT, IP, DATE, CVE, RULE_ID, UNKNOWN_FACT_ID, UNCITED_HIGH_RISK_FACT, BAD_PRIORITY

	}

	@Override
	public String toString() {
		return where + ": " + kind + " \"" + token + "\"";
	}
}
