package io.github.relayai.resilience;

import java.time.Duration;

/** Argument checks shared by the settings records, with messages naming the parameter. */
final class Settings {

	private Settings() {
	}

	static Duration positive(Duration value, String property) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(property + " must be a positive duration, but was " + value);
		}
		return value;
	}

	static Duration notNegative(Duration value, String property) {
		if (value == null || value.isNegative()) {
			throw new IllegalArgumentException(property + " must be zero or positive, but was " + value);
		}
		return value;
	}

	static int atLeast(int value, int min, String property) {
		if (value < min) {
			throw new IllegalArgumentException(property + " must be at least " + min + ", but was " + value);
		}
		return value;
	}

}
