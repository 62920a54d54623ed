package io.github.relayai.sample.report.input;

import java.time.LocalDate;

/**
 * One row of the optional {@code vulns.csv}; {@code cve} is empty when there is none,
 * {@code fixed} null while open.
 */
public record Vuln(String asset, String name, String cve, Severity severity, VulnStatus status, LocalDate found,
		LocalDate fixed) {
}
