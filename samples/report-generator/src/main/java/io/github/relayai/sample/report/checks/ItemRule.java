package io.github.relayai.sample.report.checks;

import java.time.LocalDate;
import java.util.Map;

import io.github.relayai.sample.report.input.CheckRow;

/** Rates one catalogue item of one device. */
interface ItemRule {

	/**
	 * Rates {@code row}; {@code latest} holds the device's latest reading of every item
	 * (for ratio items), {@code reference} is the last day of the period.
	 */
	ItemResult rate(CheckRow row, Map<String, CheckRow> latest, Thresholds thresholds, LocalDate reference);

	/** Whether this rule's levels can be overridden per client. */
	boolean hasThresholds();

}
