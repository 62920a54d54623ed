package io.github.relayai.sample.report.narrative;

import java.util.List;

/**
 * The narrative a report prints and how it came about.
 *
 * @param attempts model calls made (0 offline)
 * @param violations the grounding violations of the last rejected attempt, empty when
 * accepted
 * @param note why the narrative fell back, or empty
 */
public record NarrativeResult(Narrative narrative, Source source, int attempts, List<GroundingViolation> violations,
		String note) {

	/** Who wrote the narrative. */
	public enum Source {

		/** The model, and it passed the grounding check: labelled "AI 生成，工程师审核". */
		MODEL,
		/** The deterministic rule-based writer, no model involved. */
		OFFLINE,
		/**
		 * The model failed the grounding check (or the call failed); a fixed sentence
		 * stands in.
		 */
		FALLBACK

	}
}
