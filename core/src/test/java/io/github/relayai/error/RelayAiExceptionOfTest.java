package io.github.relayai.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RelayAiExceptionOfTest {

	private static final Map<ErrorCategory, Class<? extends RelayAiException>> FAMILIES = Map.ofEntries(
			Map.entry(ErrorCategory.NON_CHAT_MODEL, NonTransientRelayException.NonChatModel.class),
			Map.entry(ErrorCategory.MODEL_NOT_FOUND, NonTransientRelayException.ModelNotFound.class),
			Map.entry(ErrorCategory.AUTHENTICATION, NonTransientRelayException.AuthenticationFailed.class),
			Map.entry(ErrorCategory.PERMISSION_DENIED, NonTransientRelayException.AuthenticationFailed.class),
			Map.entry(ErrorCategory.INSUFFICIENT_QUOTA, NonTransientRelayException.QuotaExceeded.class),
			Map.entry(ErrorCategory.RATE_LIMITED, TransientRelayException.RateLimited.class),
			Map.entry(ErrorCategory.QUEUE_FULL, TransientRelayException.QueueFull.class),
			Map.entry(ErrorCategory.CONTEXT_LENGTH_EXCEEDED, NonTransientRelayException.ContextLengthExceeded.class),
			Map.entry(ErrorCategory.CONTENT_FILTERED, NonTransientRelayException.ContentFiltered.class),
			Map.entry(ErrorCategory.INVALID_REQUEST, NonTransientRelayException.InvalidRequest.class),
			Map.entry(ErrorCategory.SERVER_ERROR, TransientRelayException.ServerError.class),
			Map.entry(ErrorCategory.UNAVAILABLE, TransientRelayException.Unavailable.class),
			Map.entry(ErrorCategory.TIMEOUT, TransientRelayException.Timeout.class),
			Map.entry(ErrorCategory.UNKNOWN, NonTransientRelayException.Unclassified.class));

	@ParameterizedTest
	@EnumSource(ErrorCategory.class)
	void eachCategoryHasItsFamilyWhoseBaseMatchesRetryability(ErrorCategory category) {
		RelayAiException exception = RelayAiException.of(error(category, category.retryableByDefault()), null);
		assertThat(exception).isExactlyInstanceOf(FAMILIES.get(category));
		assertThat(exception instanceof TransientRelayException).isEqualTo(category.retryableByDefault());
		assertThat(exception.isTransient()).isEqualTo(category.retryableByDefault());
	}

	@ParameterizedTest
	@EnumSource(ErrorCategory.class)
	void overriddenRetryabilityGetsThePlainBase(ErrorCategory category) {
		RelayAiException exception = RelayAiException.of(error(category, !category.retryableByDefault()), null);
		assertThat(exception.getClass()).isEqualTo(
				category.retryableByDefault() ? NonTransientRelayException.class : TransientRelayException.class);
	}

	@Test
	void keepsTheCause() {
		IllegalStateException cause = new IllegalStateException("x");
		assertThat(RelayAiException.of(error(ErrorCategory.UNKNOWN, false), cause)).hasCause(cause);
	}

	private static ProviderError error(ErrorCategory category, boolean retryable) {
		return new ProviderError(category, retryable, 0, null, null, null, "msg", null, Optional.empty(), null, null,
				"hint");
	}

}
