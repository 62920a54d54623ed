package io.github.relayai.resilience;

import java.time.Duration;
import java.util.Locale;

import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.ProviderError;
import io.github.relayai.error.RelayAiException;
import io.github.relayai.i18n.Messages;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;

/**
 * Turns the rejections of Relay's own bulkhead, circuit breaker and rate limiter into
 * typed {@link RelayAiException}s whose hints (English or Simplified Chinese, from
 * {@code io/github/relayai/resilience/messages*.properties}) say the limit was local and
 * name the properties that set it.
 */
final class LocalRejections {

	private static final String BUNDLE = "io.github.relayai.resilience.messages";

	private final Messages messages;

	LocalRejections(Locale locale) {
		this.messages = new Messages(BUNDLE, locale);
	}

	/**
	 * Whether a failure is a local rejection, raw or already translated.
	 */
	static boolean isLocal(Throwable failure) {
		Throwable raw = (failure instanceof RelayAiException) ? failure.getCause() : failure;
		return raw instanceof BulkheadFullException || raw instanceof CallNotPermittedException
				|| raw instanceof RequestNotPermitted || raw instanceof SharedLimitRejectedException;
	}

	/** All slots taken and the queue full: rejected without waiting. */
	RelayAiException queueFull(BulkheadFullException rejection, int maxConcurrentCalls, int maxQueueSize) {
		return create(ErrorCategory.QUEUE_FULL, rejection, "local.queue.full", maxConcurrentCalls, maxQueueSize);
	}

	/** Queued, but no slot freed up in time. */
	RelayAiException queueTimeout(BulkheadFullException rejection, int maxConcurrentCalls, Duration maxWait) {
		return create(ErrorCategory.QUEUE_FULL, rejection, "local.queue.wait", maxConcurrentCalls, text(maxWait));
	}

	/** The circuit is open. */
	RelayAiException circuitOpen(CallNotPermittedException rejection, Duration waitInOpenState) {
		return create(ErrorCategory.UNAVAILABLE, rejection, "local.circuit.open", text(waitInOpenState));
	}

	/** No rate-limiter permit in time. */
	RelayAiException rateLimited(RequestNotPermitted rejection, int limitForPeriod, Duration refreshPeriod,
			Duration maxWait) {
		return create(ErrorCategory.RATE_LIMITED, rejection, "local.rate.limited", text(maxWait), limitForPeriod,
				text(refreshPeriod));
	}

	private RelayAiException create(ErrorCategory category, Throwable rejection, String key, Object... arguments) {
		String hint = this.messages.format(key, arguments);
		ProviderError error = ProviderError.builder(category)
			.retryable(true)
			.message(rejection.getMessage())
			.hint(hint)
			.build();
		return RelayAiException.of(error, rejection);
	}

	private static String text(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

}
