package io.github.relayai.sample.report.input;

import java.time.OffsetDateTime;

/**
 * One measurement of {@code checks.csv}: a device's value for one catalogue item at one
 * time.
 */
public record CheckRow(String deviceId, OffsetDateTime collectedAt, String item, String value, String unit,
		String note) {
}
