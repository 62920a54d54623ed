package io.github.relayai.error;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One classification rule: when every criterion that is set matches, the failure gets
 * {@link #category()}.
 * <p>
 * {@code code} and {@code type} compare with the provider's {@code error.code} /
 * {@code error.type} ignoring case; {@code messagePattern} is searched for
 * ({@link java.util.regex.Matcher#find()}) in the provider's message, so prefix it with
 * {@code (?i)} to ignore case. At least one criterion must be set. User rules
 * ({@code spring.ai.relay.errors.rules[n]}) are tried before the built-in ones.
 *
 * @param status the HTTP status to match, or {@code null} for any
 * @param code the provider error code to match, or {@code null} for any
 * @param type the provider error type to match, or {@code null} for any
 * @param messagePattern the pattern to find in the message, or {@code null} for any
 * @param category the category of a matching failure
 * @param retryable whether a matching failure is retried; {@code null} for the category's
 * default
 */
public record ErrorRule(Integer status, String code, String type, Pattern messagePattern, ErrorCategory category,
		Boolean retryable) {

	public ErrorRule {
		Objects.requireNonNull(category, "category must not be null");
		if (status == null && code == null && type == null && messagePattern == null) {
			throw new IllegalArgumentException("an error rule needs a status, code, type or message-pattern");
		}
	}

	/**
	 * Creates a rule from configuration values.
	 * @param status the HTTP status to match, or {@code null}
	 * @param code the provider error code to match, or {@code null}
	 * @param type the provider error type to match, or {@code null}
	 * @param messageRegex the regular expression to find in the message, or {@code null}
	 * @param category the category of a matching failure
	 * @param retryable whether a matching failure is retried, or {@code null} for the
	 * category's default
	 * @return the rule
	 */
	public static ErrorRule of(Integer status, String code, String type, String messageRegex, ErrorCategory category,
			Boolean retryable) {
		return new ErrorRule(status, blankToNull(code), blankToNull(type),
				(messageRegex == null || messageRegex.isEmpty()) ? null : Pattern.compile(messageRegex), category,
				retryable);
	}

	/**
	 * Whether this rule applies.
	 * @param actualStatus the HTTP status (or the status the body states for in-band
	 * errors)
	 * @param actualCode the provider error code, may be {@code null}
	 * @param actualType the provider error type, may be {@code null}
	 * @param actualMessage the provider message, may be {@code null}
	 * @return {@code true} when every criterion that is set matches
	 */
	public boolean matches(int actualStatus, String actualCode, String actualType, String actualMessage) {
		return (this.status == null || this.status == actualStatus)
				&& (this.code == null || this.code.equalsIgnoreCase(actualCode))
				&& (this.type == null || this.type.equalsIgnoreCase(actualType)) && (this.messagePattern == null
						|| (actualMessage != null && this.messagePattern.matcher(actualMessage).find()));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
