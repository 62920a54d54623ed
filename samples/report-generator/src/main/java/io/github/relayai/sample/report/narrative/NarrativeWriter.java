package io.github.relayai.sample.report.narrative;

import io.github.relayai.sample.report.facts.Facts;
import io.github.relayai.sample.report.facts.FactsPack;
import io.github.relayai.sample.report.i18n.Texts;

/** Writes the prose of a report from its facts: through a model, or offline by rules. */
public interface NarrativeWriter {

	/**
	 * Writes the narrative of {@code facts}, citing the ids of {@code pack}, in the
	 * language of {@code texts}.
	 */
	NarrativeResult write(Facts facts, FactsPack pack, Texts texts);

}
