package io.github.relayai.upstream;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.ProviderError;
import io.github.relayai.error.RelayAiException;
import io.github.relayai.upstream.AttemptsFailedException.Attempt;

/**
 * The typed failures of upstream selection, with hints in English or Simplified Chinese
 * from {@code io/github/relayai/upstream/messages*.properties}.
 */
final class UpstreamMessages {

	private static final String BUNDLE = "io.github.relayai.upstream.messages";

	private final ResourceBundle bundle;

	UpstreamMessages(Locale locale) {
		this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
	}

	/** No upstream may take the request; not retried, but a fallback may apply. */
	RelayAiException noUpstream(String model, String statuses) {
		return create(ErrorCategory.UNAVAILABLE, false, model, null, "upstream.none", model, statuses);
	}

	/** No first event in time: retryable, so another upstream is tried. */
	RelayAiException firstEventTimeout(String upstream, String model, Duration timeout) {
		return create(ErrorCategory.TIMEOUT, true, model, null, "upstream.first.event", upstream, text(timeout));
	}

	/** The answer stalled after it began. */
	RelayAiException stalled(String upstream, String model, Duration timeout) {
		return create(ErrorCategory.TIMEOUT, true, model, null, "upstream.stall", upstream, text(timeout));
	}

	/** The deadline passed. */
	AttemptsFailedException deadline(Duration deadline, List<Attempt> attempts, Throwable first) {
		ProviderError error = error(ErrorCategory.TIMEOUT, false, null, "upstream.deadline", text(deadline));
		return new AttemptsFailedException(error, attempts, summary(attempts), first);
	}

	/** Every attempt failed. */
	AttemptsFailedException failed(ProviderError last, List<Attempt> attempts, Throwable first) {
		return new AttemptsFailedException(last, attempts, summary(attempts), first);
	}

	private String summary(List<Attempt> attempts) {
		return format("upstream.attempts", attempts.stream().map(Attempt::toString).collect(Collectors.joining(", ")));
	}

	private RelayAiException create(ErrorCategory category, boolean retryable, String model, Throwable cause,
			String key, Object... arguments) {
		return RelayAiException.of(error(category, retryable, model, key, arguments), cause);
	}

	private ProviderError error(ErrorCategory category, boolean retryable, String model, String key,
			Object... arguments) {
		String hint = format(key, arguments);
		return ProviderError.builder(category).retryable(retryable).message(hint).model(model).hint(hint).build();
	}

	private static String text(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

	private String format(String key, Object... arguments) {
		return new MessageFormat(this.bundle.getString(key), this.bundle.getLocale()).format(arguments);
	}

}
