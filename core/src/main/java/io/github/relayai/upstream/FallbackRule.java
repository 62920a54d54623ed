package io.github.relayai.upstream;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.github.relayai.error.ErrorCategory;

/**
 * One entry of {@code spring.ai.relay.chat.fallbacks}: when a model fails with one of
 * {@code when}'s categories, {@code models} are tried in order.
 *
 * @param when the categories that trigger this rule
 * @param models the models to try, in order
 */
public record FallbackRule(Set<ErrorCategory> when, List<String> models) {

	/**
	 * The categories of {@code spring.ai.relay.chat.fallback-models}, the shorthand for a
	 * rule: the model is busy or down ({@code RATE_LIMITED}, {@code QUEUE_FULL},
	 * {@code UNAVAILABLE}), as before also unknown to the gateway
	 * ({@code MODEL_NOT_FOUND}) or still failing after its retries ({@code SERVER_ERROR},
	 * {@code TIMEOUT}).
	 */
	public static final Set<ErrorCategory> SHORTHAND = Set
		.copyOf(EnumSet.of(ErrorCategory.RATE_LIMITED, ErrorCategory.QUEUE_FULL, ErrorCategory.UNAVAILABLE,
				ErrorCategory.MODEL_NOT_FOUND, ErrorCategory.SERVER_ERROR, ErrorCategory.TIMEOUT));

	public FallbackRule {
		when = Set.copyOf(Objects.requireNonNull(when, "when must not be null"));
		models = List.copyOf(Objects.requireNonNull(models, "models must not be null"));
		if (when.isEmpty()) {
			throw new IllegalArgumentException("Every fallback rule needs a 'when' category");
		}
		if (models.isEmpty() || models.stream().anyMatch(String::isBlank)) {
			throw new IllegalArgumentException("Every fallback rule needs 'models', none of them blank");
		}
	}

	/**
	 * The rule that {@code spring.ai.relay.chat.fallback-models} stands for.
	 * @param models the models
	 * @return the rule for the {@link #SHORTHAND} categories
	 */
	public static FallbackRule shorthand(List<String> models) {
		return new FallbackRule(SHORTHAND, models);
	}

}
