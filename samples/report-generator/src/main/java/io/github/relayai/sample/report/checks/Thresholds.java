package io.github.relayai.sample.report.checks;

import java.util.Map;

import io.github.relayai.sample.report.input.ReportMeta.ThresholdOverride;

/**
 * A client's threshold overrides from {@code report.json}, applied over an item's
 * defaults.
 */
public record Thresholds(Map<String, ThresholdOverride> overrides) {

	/** No overrides: the catalogue's defaults everywhere. */
	public static Thresholds defaults() {
		return new Thresholds(Map.of());
	}

	/** The WARN threshold of {@code item}: the client's if set, else {@code fallback}. */
	public Double warn(String item, Double fallback) {
		ThresholdOverride o = overrides.get(item);
		return o != null && o.warn() != null ? o.warn() : fallback;
	}

	/**
	 * The ABNORMAL threshold of {@code item}: the client's if set, else {@code fallback}.
	 */
	public Double abnormal(String item, Double fallback) {
		ThresholdOverride o = overrides.get(item);
		return o != null && o.abnormal() != null ? o.abnormal() : fallback;
	}
}
