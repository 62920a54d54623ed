package io.github.relayai.upstream;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.github.relayai.error.ErrorCategory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import io.github.relayai.upstream.UpstreamExchange.AttemptBudget;
import io.github.relayai.upstream.Fallbacks.FallbackRule;

class FallbacksTest {

	private final Fallbacks fallbacks = new Fallbacks(
			List.of(new FallbackRule(Set.of(ErrorCategory.CONTEXT_LENGTH_EXCEEDED), List.of("long-a", "long-b")),
					new FallbackRule(Set.of(ErrorCategory.CONTENT_FILTERED), List.of("lenient")),
					FallbackRule.shorthand(List.of("backup"))));

	@Test
	void theFirstRuleForTheCategoryNamesItsFirstUntriedModel() {
		assertThat(this.fallbacks.next(ErrorCategory.CONTEXT_LENGTH_EXCEEDED, Set.of("m"))).contains("long-a");
		assertThat(this.fallbacks.next(ErrorCategory.CONTEXT_LENGTH_EXCEEDED, Set.of("m", "long-a")))
			.contains("long-b");
		assertThat(this.fallbacks.next(ErrorCategory.CONTEXT_LENGTH_EXCEEDED, Set.of("m", "long-a", "long-b")))
			.isEmpty();
		assertThat(this.fallbacks.next(ErrorCategory.CONTENT_FILTERED, Set.of("m"))).contains("lenient");
		assertThat(this.fallbacks.next(ErrorCategory.INVALID_REQUEST, Set.of("m"))).isEmpty();
	}

	@Test
	void fallbackModelsAreTheShorthandForBusyOrDownModels() {
		for (ErrorCategory category : List.of(ErrorCategory.RATE_LIMITED, ErrorCategory.QUEUE_FULL,
				ErrorCategory.UNAVAILABLE)) {
			assertThat(this.fallbacks.next(category, Set.of("m"))).as("%s", category).contains("backup");
		}
		assertThat(this.fallbacks.next(ErrorCategory.AUTHENTICATION, Set.of("m"))).isEmpty();
	}

	@Test
	void rulesAndBudgetsAreChecked() {
		assertThatIllegalArgumentException().isThrownBy(() -> new FallbackRule(Set.of(), List.of("x")))
			.withMessageContaining("when");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FallbackRule(Set.of(ErrorCategory.TIMEOUT), List.of(" ")))
			.withMessageContaining("models");
		assertThatIllegalArgumentException().isThrownBy(() -> new AttemptBudget(0, Duration.ZERO))
			.withMessageContaining("maxAttempts");
		assertThatIllegalArgumentException().isThrownBy(() -> new AttemptBudget(3, Duration.ofSeconds(-1)))
			.withMessageContaining("deadline");
	}

}
