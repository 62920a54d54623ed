package io.github.relayai.upstream;

import java.time.Duration;

/**
 * The bound on one request across retries, upstreams and fallback models.
 *
 * @param maxAttempts the most requests sent for it
 * ({@code spring.ai.relay.chat.max-attempts})
 * @param deadline the longest it may take in total
 * ({@code spring.ai.relay.chat.deadline}); {@link Duration#ZERO} for none
 */
public record AttemptBudget(int maxAttempts, Duration deadline) {

	/** The defaults: 10 attempts and no deadline. */
	public static final AttemptBudget DEFAULTS = new AttemptBudget(10, Duration.ZERO);

	public AttemptBudget {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1, but was " + maxAttempts);
		}
		if (deadline == null || deadline.isNegative()) {
			throw new IllegalArgumentException("deadline must not be negative (0 for none), but was " + deadline);
		}
	}

	/**
	 * Whether a deadline is set.
	 * @return {@code false} for {@link Duration#ZERO}
	 */
	public boolean hasDeadline() {
		return !this.deadline.isZero();
	}

}
