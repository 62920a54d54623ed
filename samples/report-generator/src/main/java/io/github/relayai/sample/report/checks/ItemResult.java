package io.github.relayai.sample.report.checks;

/**
 * The rated outcome of one catalogue item on one device.
 *
 * @param item the catalogue key, e.g. {@code cpu_pct}
 * @param value the value as shown in the report (e.g. {@code 72%},
 * {@code 2026-11-30（剩余30天）} is built by the renderer from {@code days})
 * @param days days left (expiry items) or days old (age items), else null
 * @param note the note from the export
 */
public record ItemResult(String item, String value, CheckStatus status, Long days, String note) {
}
