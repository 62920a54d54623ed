package io.github.relayai.resilience;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.ProviderError;
import io.github.relayai.error.RelayAiException;
import io.github.relayai.i18n.Messages;

/**
 * Typed exceptions for the rejections of shared limits, with hints (English or Simplified
 * Chinese, from {@code io/github/relayai/resilience/messages*.properties}) that name the
 * limit and the properties that set it.
 */
final class SharedRejections {

	private static final String BUNDLE = "io.github.relayai.resilience.messages";

	private final Messages messages;

	SharedRejections(Locale locale) {
		this.messages = new Messages(BUNDLE, locale);
	}

	/** No shared slot within the wait. */
	RelayAiException queueTimeout(int maxConcurrentCalls, Duration maxWait) {
		return create(ErrorCategory.QUEUE_FULL, null, "shared.queue.wait", maxConcurrentCalls, text(maxWait));
	}

	/** No shared rate permit within the wait. */
	RelayAiException rateLimited(int limitForPeriod, Duration refreshPeriod, Duration maxWait) {
		return create(ErrorCategory.RATE_LIMITED, null, "shared.rate.limited", text(maxWait), limitForPeriod,
				text(refreshPeriod));
	}

	/** Redis unreachable, and calls are rejected then. */
	RelayAiException unavailable(Throwable failure) {
		return create(ErrorCategory.UNAVAILABLE, failure, "shared.unavailable");
	}

	private RelayAiException create(ErrorCategory category, Throwable failure, String key, Object... arguments) {
		String hint = this.messages.format(key, arguments);
		SharedLimitRejectedException rejection = new SharedLimitRejectedException(hint, failure);
		ProviderError error = new ProviderError(category, true, 0, null, null, null, "rejected by a shared limit", null,
				Optional.empty(), null, null, hint);
		return RelayAiException.of(error, rejection);
	}

	private static String text(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

}
