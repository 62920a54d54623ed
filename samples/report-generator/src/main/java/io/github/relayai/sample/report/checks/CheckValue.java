package io.github.relayai.sample.report.checks;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One exported value read by its item's {@link ValueType}: a number, a date, or a word
 * ({@code true} / {@code false} for health and yes/no items, the canonical word of a word
 * item, the text of a text item). None of them is set when the export has no usable value
 * ({@code N/A}, empty).
 *
 * @param raw the value and unit as exported, for the record
 */
public record CheckValue(ValueType type, BigDecimal number, LocalDate date, String word, String raw) {

	/** A value the export did not give. */
	public static CheckValue none(ValueType type, String raw) {
		return new CheckValue(type, null, null, null, raw);
	}

	/** Whether the export gave a usable value. */
	public boolean usable() {
		return number != null || date != null || word != null;
	}

}
