package io.github.relayai.sample.report.facts;

/** The month's overall rating: 良好 / 一般 / 较差. */
public enum OverallRating {

	/** No finding above low risk and every device OK. */
	GOOD,
	/** Medium-risk findings or devices in WARN/ABNORMAL, but nothing high-risk open. */
	FAIR,
	/** Any high-risk finding open. */
	POOR

}
