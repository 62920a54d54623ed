package io.github.relayai.sample.report.checks;

/**
 * Status of an inspection item or device, in increasing order of concern; {@link #INFO}
 * items are not rated.
 */
public enum CheckStatus {

	/** Shown for information only; never affects a device's status. */
	INFO,
	/** 正常. */
	OK,
	/** 待复核: no rule or no usable value. */
	REVIEW,
	/** 告警. */
	WARN,
	/** 异常. */
	ABNORMAL;

	/** The more concerning of this and {@code other}. */
	public CheckStatus worse(CheckStatus other) {
		return other.compareTo(this) > 0 ? other : this;
	}

}
