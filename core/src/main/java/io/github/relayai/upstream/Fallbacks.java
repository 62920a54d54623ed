package io.github.relayai.upstream;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.github.relayai.error.ErrorCategory;
import java.util.EnumSet;
import java.util.Objects;

/**
 * The fallback chain: an ordered list of {@link FallbackRule}s, of which the first whose
 * categories include the failure's decides the next model.
 *
 * @param rules the rules, in order
 */
public record Fallbacks(List<FallbackRule> rules) {

	/** No fallbacks. */
	public static final Fallbacks NONE = new Fallbacks(List.of());

	public Fallbacks {
		rules = List.copyOf(rules);
	}

	/**
	 * The model to try after a failure.
	 * @param category the failure's category
	 * @param tried the models this request already tried
	 * @return the first untried model of the first rule for the category, or empty
	 */
	public Optional<String> next(ErrorCategory category, Set<String> tried) {
		for (FallbackRule rule : this.rules) {
			if (rule.when().contains(category)) {
				return rule.models().stream().filter(model -> !tried.contains(model)).findFirst();
			}
		}
		return Optional.empty();
	}

	/**
	 * One entry of {@code spring.ai.relay.chat.fallbacks}: when a model fails with one of
	 * {@code when}'s categories, {@code models} are tried in order.
	 *
	 * @param when the categories that trigger this rule
	 * @param models the models to try, in order
	 */
	public record FallbackRule(Set<ErrorCategory> when, List<String> models) {

		/**
		 * The categories of {@code spring.ai.relay.chat.fallback-models}, the shorthand
		 * for a rule: the model is busy or down ({@code RATE_LIMITED},
		 * {@code QUEUE_FULL}, {@code UNAVAILABLE}), as before also unknown to the gateway
		 * ({@code MODEL_NOT_FOUND}) or still failing after its retries
		 * ({@code SERVER_ERROR}, {@code TIMEOUT}).
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

}
