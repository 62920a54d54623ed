package io.github.relayai.upstream;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.github.relayai.error.ErrorCategory;

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

}
