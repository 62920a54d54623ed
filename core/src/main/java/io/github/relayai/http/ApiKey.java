package io.github.relayai.http;

import java.util.Objects;

/**
 * An API key that never shows itself: {@link #toString()} masks it, so it cannot leak
 * into logs, exception messages or actuator output by accident.
 */
public final class ApiKey {

	private static final ApiKey NONE = new ApiKey("");

	private final String value;

	private ApiKey(String value) {
		this.value = value;
	}

	/**
	 * Wraps a key.
	 * @param value the key, may be {@code null} or blank for gateways without
	 * authentication
	 * @return the wrapped key
	 */
	public static ApiKey of(String value) {
		return (value == null || value.isBlank()) ? NONE : new ApiKey(value.strip());
	}

	/**
	 * Whether a key is present.
	 * @return {@code false} when no key was configured
	 */
	public boolean isPresent() {
		return !this.value.isEmpty();
	}

	/**
	 * The key itself, for the {@code Authorization} header only.
	 * @return the key
	 */
	public String reveal() {
		return this.value;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ApiKey that && this.value.equals(that.value);
	}

	@Override
	public int hashCode() {
		return Objects.hashCode(this.value);
	}

	@Override
	public String toString() {
		return isPresent() ? "******" : "(none)";
	}

}
