package io.github.relayai.resilience;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;

import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.ProviderError;
import io.github.relayai.error.RelayAiException;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;

/**
 * Turns the rejections of Relay's own limits into typed {@link RelayAiException}s: the
 * local bulkhead, circuit breaker and rate limiter, and the limits shared by all
 * instances. Their hints (English or Simplified Chinese, from
 * {@code io/github/relayai/resilience/messages*.properties}) say which limit it was and
 * name the properties that set it.
 */
final class Rejections {

	private static final String BUNDLE = "io.github.relayai.resilience.messages";

	private final ResourceBundle bundle;

	Rejections(Locale locale) {
		this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
	}

	/**
	 * Whether a failure is a rejection by one of Relay's own limits, raw or already
	 * translated.
	 */
	static boolean isLocal(Throwable failure) {
		Throwable raw = (failure instanceof RelayAiException) ? failure.getCause() : failure;
		return raw instanceof BulkheadFullException || raw instanceof CallNotPermittedException
				|| raw instanceof RequestNotPermitted || raw instanceof SharedLimitRejectedException;
	}

	/** All local slots taken and the queue full: rejected without waiting. */
	RelayAiException queueFull(BulkheadFullException rejection, int maxConcurrentCalls, int maxQueueSize) {
		return local(ErrorCategory.QUEUE_FULL, rejection, "local.queue.full", maxConcurrentCalls, maxQueueSize);
	}

	/** Queued locally, but no slot freed up in time. */
	RelayAiException queueTimeout(BulkheadFullException rejection, int maxConcurrentCalls, Duration maxWait) {
		return local(ErrorCategory.QUEUE_FULL, rejection, "local.queue.wait", maxConcurrentCalls, text(maxWait));
	}

	/** The circuit is open. */
	RelayAiException circuitOpen(CallNotPermittedException rejection, Duration waitInOpenState) {
		return local(ErrorCategory.UNAVAILABLE, rejection, "local.circuit.open", text(waitInOpenState));
	}

	/** No local rate-limiter permit in time. */
	RelayAiException rateLimited(RequestNotPermitted rejection, int limitForPeriod, Duration refreshPeriod,
			Duration maxWait) {
		return local(ErrorCategory.RATE_LIMITED, rejection, "local.rate.limited", text(maxWait), limitForPeriod,
				text(refreshPeriod));
	}

	/** No shared slot within the wait. */
	RelayAiException sharedQueueTimeout(int maxConcurrentCalls, Duration maxWait) {
		return shared(ErrorCategory.QUEUE_FULL, null, "shared.queue.wait", maxConcurrentCalls, text(maxWait));
	}

	/** No shared rate permit within the wait. */
	RelayAiException sharedRateLimited(int limitForPeriod, Duration refreshPeriod, Duration maxWait) {
		return shared(ErrorCategory.RATE_LIMITED, null, "shared.rate.limited", text(maxWait), limitForPeriod,
				text(refreshPeriod));
	}

	/** Redis unreachable, and calls are rejected then. */
	RelayAiException sharedUnavailable(Throwable failure) {
		return shared(ErrorCategory.UNAVAILABLE, failure, "shared.unavailable");
	}

	private RelayAiException local(ErrorCategory category, Throwable rejection, String key, Object... arguments) {
		return create(category, rejection.getMessage(), format(key, arguments), rejection);
	}

	private RelayAiException shared(ErrorCategory category, Throwable failure, String key, Object... arguments) {
		String hint = format(key, arguments);
		return create(category, "rejected by a shared limit", hint, new SharedLimitRejectedException(hint, failure));
	}

	private static RelayAiException create(ErrorCategory category, String message, String hint, Throwable rejection) {
		ProviderError error = ProviderError.builder(category).retryable(true).message(message).hint(hint).build();
		return RelayAiException.of(error, rejection);
	}

	private String format(String key, Object... arguments) {
		return new MessageFormat(this.bundle.getString(key), this.bundle.getLocale()).format(arguments);
	}

	private static String text(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

}
