package io.github.relayai.sample.report.facts;

import java.time.LocalDate;

import io.github.relayai.sample.report.input.Risk;

/**
 * One problem the report lists, computed in code.
 *
 * @param deviceId the device concerned (comma-separated for several), may be empty
 * @param ip the address concerned (device management IP, alert source or vulnerable
 * asset), may be empty
 * @param subject what the finding is about: item key, rule id, categories, CVE or issue
 * id
 * @param detail the measured value, rule name, vulnerability or issue title
 * @param due the remediation deadline
 * @param alerts the alert rows behind an {@link FindingType#UNRESOLVED_ALERT} (one rule,
 * one source, one device), else null
 */
public record RiskFinding(FindingType type, Risk risk, String deviceId, String ip, String subject, String detail,
		LocalDate due, AlertGroup alerts) {
}
