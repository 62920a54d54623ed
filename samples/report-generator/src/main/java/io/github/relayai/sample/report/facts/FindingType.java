package io.github.relayai.sample.report.facts;

/**
 * The kinds of finding the report lists as issues; each maps to standard analysis and
 * remediation text.
 */
public enum FindingType {

	/** A device item rated WARN or ABNORMAL. */
	DEVICE_ITEM,
	/** A high-and-above alert still unresolved or not blocked. */
	UNRESOLVED_ALERT,
	/** An internal host as the source of mining, C2 or malware alerts. */
	SUSPECTED_COMPROMISE,
	/** An external source that tried several exploit categories. */
	TARGETED_SOURCE,
	/** A vulnerability still open. */
	OPEN_VULN,
	/** An entry of the remediation register still open at the end of the period. */
	OPEN_ISSUE

}
