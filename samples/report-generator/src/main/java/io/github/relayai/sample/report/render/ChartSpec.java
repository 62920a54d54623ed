package io.github.relayai.sample.report.render;

import java.util.List;

/**
 * The data of a bar chart: one bar per label; {@code colors} (hex {@code RRGGBB}) per
 * bar, or a single colour for all.
 */
public record ChartSpec(String title, List<String> labels, List<Long> values, List<String> colors) {

	/** The colour of bar {@code i}. */
	public String color(int i) {
		return colors.size() == 1 ? colors.get(0) : colors.get(i);
	}
}
