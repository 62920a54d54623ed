package io.github.relayai.sample.report.facts;

/**
 * One entry of the facts pack sent to the model, e.g.
 * {@code {"id":"F09","label":"高危及以上告警","value":145,"display":"145条","mom":"+20.8%"}}.
 *
 * @param value the raw value (number or text)
 * @param mom the month-on-month change as displayed, or null
 * @param highRisk whether the narrative must cite this fact
 */
public record Fact(String id, String label, Object value, String display, String mom, boolean highRisk) {
}
