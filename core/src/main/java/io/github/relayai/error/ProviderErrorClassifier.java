package io.github.relayai.error;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a failed gateway answer (status, headers, body), an in-band stream error or a
 * transport failure into a {@link ProviderError}.
 * <p>
 * The body decides first (specific error codes and types), then the message text, then
 * the HTTP status; user rules are tried before all built-in ones. A failure is retryable
 * when its category is ({@link ErrorCategory#retryableByDefault()}), unless a matching
 * user rule says otherwise or the gateway sends {@code x-should-retry: false};
 * {@code x-should-retry: true} makes an {@link ErrorCategory#UNKNOWN} failure retryable
 * but never a category that retrying cannot fix (quota, key, model, request).
 * Thread-safe.
 */
public class ProviderErrorClassifier {

	private final List<ErrorRule> userRules;

	private final Locale locale;

	private final Clock clock;

	private final Hints hints;

	/**
	 * Creates a classifier without user rules, with hints in the JVM's default language.
	 */
	public ProviderErrorClassifier() {
		this(Locale.getDefault());
	}

	/**
	 * Creates a classifier without user rules.
	 * @param locale the language of the hints ({@code zh*} for Simplified Chinese,
	 * English otherwise)
	 */
	public ProviderErrorClassifier(Locale locale) {
		this(List.of(), locale, Clock.systemUTC());
	}

	private ProviderErrorClassifier(List<ErrorRule> userRules, Locale locale, Clock clock) {
		this.userRules = List.copyOf(userRules);
		this.locale = Objects.requireNonNull(locale, "locale must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
		this.hints = new Hints(locale);
	}

	/**
	 * Starts building a classifier.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Classifies an HTTP error answer.
	 * @param status the HTTP status
	 * @param headers the response headers (any letter case), may be {@code null}
	 * @param body the response body, may be empty or {@code null}
	 * @return the classified error
	 */
	public ProviderError classify(int status, Map<String, List<String>> headers, String body) {
		return classify(status, headers, body, null, null);
	}

	/**
	 * Classifies an HTTP error answer to a request for the given model and endpoint.
	 * @param status the HTTP status
	 * @param headers the response headers (any letter case), may be {@code null}
	 * @param body the response body, may be empty or {@code null}
	 * @param model the model of the request, may be {@code null}
	 * @param endpoint the endpoint path of the request, may be {@code null}
	 * @return the classified error
	 */
	public ProviderError classify(int status, Map<String, List<String>> headers, String body, String model,
			String endpoint) {
		return resolve(status, ResponseHeaders.of(headers), ErrorBodyParser.parse(body), model, endpoint);
	}

	/**
	 * Classifies an error that arrived inside a stream: the data of a {@code data:
	 * {"error":...}} line, of an {@code event: error}, or a Responses API
	 * {@code response.failed} / {@code error} event.
	 * @param eventData the event's data
	 * @param model the model of the request, may be {@code null}
	 * @param endpoint the endpoint path of the request, may be {@code null}
	 * @return the classified error, with {@link ProviderError#httpStatus()} {@code 0}
	 */
	public ProviderError classifyStreamError(String eventData, String model, String endpoint) {
		return resolve(0, ResponseHeaders.of(null), ErrorBodyParser.parse(eventData), model, endpoint);
	}

	/**
	 * Classifies a failure to connect, send or receive, looking through
	 * {@code CompletionException} and {@code ExecutionException} causes: timeouts are
	 * {@link ErrorCategory#TIMEOUT}, every other failure
	 * {@link ErrorCategory#UNAVAILABLE}; both are retryable.
	 * @param failure the exception raised by the transport
	 * @param model the model of the request, may be {@code null}
	 * @param endpoint the endpoint path of the request, may be {@code null}
	 * @return the classified error, with {@link ProviderError#httpStatus()} {@code 0}
	 */
	public ProviderError classifyTransport(Throwable failure, String model, String endpoint) {
		return classifyTransport(failure, model, endpoint, null);
	}

	/**
	 * Classifies a failure to connect, send or receive as
	 * {@link #classifyTransport(Throwable, String, String)} does; a refused connection,
	 * an unknown host, a failed TLS handshake, a proxy's refusal and a connect timeout
	 * each get a plain message naming the URL (without user info or query, so no key) and
	 * a hint of their own.
	 * @param failure the exception raised by the transport
	 * @param model the model of the request, may be {@code null}
	 * @param endpoint the endpoint path of the request, may be {@code null}
	 * @param url the URL the request went to, may be {@code null} (then a URL that a
	 * wrapper in the chain names is used, as Spring's {@code ResourceAccessException}
	 * gives it)
	 * @return the classified error, with {@link ProviderError#httpStatus()} {@code 0}
	 */
	public ProviderError classifyTransport(Throwable failure, String model, String endpoint, URI url) {
		ErrorCategory category = TransportFailures.category(failure).orElse(ErrorCategory.UNAVAILABLE);
		Optional<TransportFailures.Kind> kind = TransportFailures.kind(failure);
		Throwable root = TransportFailures.rootTransportFailure(failure);
		String detail = (root.getMessage() != null) ? MessageText.mask(root.getMessage()) : null;
		String target = TransportFailures
			.safeTarget((url != null) ? url : TransportFailures.urlIn(failure).orElse(null), endpoint);
		String message = kind.map(k -> this.hints.transportMessage(k, target, detail))
			.orElseGet(() -> root.getClass().getSimpleName() + ((detail != null) ? ": " + detail : ""));
		ProviderError error = new ProviderError(category, true, 0, null, null, null, message, null, Optional.empty(),
				model, endpoint, null);
		return error.withHint(kind.map(this.hints::transportHint).orElseGet(() -> this.hints.hint(error, null)));
	}

	/**
	 * The language of the hints.
	 * @return the configured locale
	 */
	public Locale locale() {
		return this.locale;
	}

	private ProviderError resolve(int status, ResponseHeaders headers, ErrorBody body, String model, String endpoint) {
		MessageText.Stripped stripped = MessageText.stripRequestId(body.message());
		String message = MessageText.mask(stripped.message());
		int ruleStatus = (status >= 400) ? status : body.status();
		Optional<ErrorRule> userRule = this.userRules.stream()
			.filter(r -> r.matches(ruleStatus, body.code(), body.type(), message))
			.findFirst();
		BuiltInRules.Verdict verdict = userRule.map(r -> new BuiltInRules.Verdict(r.category(), null))
			.or(() -> BuiltInRules.verdict(new BuiltInRules.Signals(ruleStatus, body.code(), body.type(), message)))
			.orElseGet(() -> new BuiltInRules.Verdict(BuiltInRules.byStatusClass(ruleStatus), null));
		boolean retryable = retryable(verdict.category(), userRule.map(ErrorRule::retryable).orElse(null), headers);
		String requestId = headers.requestId()
			.orElseGet(() -> (body.requestId() != null) ? body.requestId() : stripped.requestId());
		Optional<Duration> retryAfter = headers.retryAfter(this.clock).or(() -> MessageText.retryAfter(message));
		ProviderError error = new ProviderError(verdict.category(), retryable, status, body.type(), body.code(),
				body.param(), message, requestId, retryAfter, model, endpoint, null);
		return error.withHint(this.hints.hint(error, verdict.hintVariant()));
	}

	private static boolean retryable(ErrorCategory category, Boolean ruleSays, ResponseHeaders headers) {
		if (ruleSays != null) {
			return ruleSays;
		}
		Optional<Boolean> header = headers.shouldRetry();
		if (header.isPresent() && !header.get()) {
			return false;
		}
		return category.retryableByDefault() || (header.isPresent() && category == ErrorCategory.UNKNOWN);
	}

	/**
	 * Builds a {@link ProviderErrorClassifier}; the Boot auto-configuration binds
	 * {@code spring.ai.relay.errors.*} to it.
	 */
	public static final class Builder {

		private List<ErrorRule> rules = List.of();

		private Locale locale = Locale.getDefault();

		private Clock clock = Clock.systemUTC();

		private Builder() {
		}

		/**
		 * Sets the user rules ({@code spring.ai.relay.errors.rules}), tried in order
		 * before the built-in ones.
		 * @param rules the rules
		 * @return this builder
		 */
		public Builder rules(List<ErrorRule> rules) {
			this.rules = List.copyOf(rules);
			return this;
		}

		/**
		 * Sets the language of the hints ({@code spring.ai.relay.errors.locale});
		 * defaults to the JVM's.
		 * @param locale {@code zh*} for Simplified Chinese, anything else for English
		 * @return this builder
		 */
		public Builder locale(Locale locale) {
			this.locale = Objects.requireNonNull(locale, "locale must not be null");
			return this;
		}

		/**
		 * Sets the clock that turns {@code retry-after} HTTP-dates into delays.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock must not be null");
			return this;
		}

		/**
		 * Builds the classifier.
		 * @return the classifier
		 */
		public ProviderErrorClassifier build() {
			return new ProviderErrorClassifier(this.rules, this.locale, this.clock);
		}

	}

	/**
	 * One classification rule: when every criterion that is set matches, the failure gets
	 * {@link #category()}.
	 * <p>
	 * {@code code} and {@code type} compare with the provider's {@code error.code} /
	 * {@code error.type} ignoring case; {@code messagePattern} is searched for
	 * ({@link java.util.regex.Matcher#find()}) in the provider's message, so prefix it
	 * with {@code (?i)} to ignore case. At least one criterion must be set. User rules
	 * ({@code spring.ai.relay.errors.rules[n]}) are tried before the built-in ones.
	 *
	 * @param status the HTTP status to match, or {@code null} for any
	 * @param code the provider error code to match, or {@code null} for any
	 * @param type the provider error type to match, or {@code null} for any
	 * @param messagePattern the pattern to find in the message, or {@code null} for any
	 * @param category the category of a matching failure
	 * @param retryable whether a matching failure is retried; {@code null} for the
	 * category's default
	 */
	public record ErrorRule(Integer status, String code, String type, Pattern messagePattern, ErrorCategory category,
			Boolean retryable) {

		public ErrorRule {
			Objects.requireNonNull(category, "category must not be null");
			if (status == null && code == null && type == null && messagePattern == null) {
				throw new IllegalArgumentException("an error rule needs a status, code, type or message-pattern");
			}
		}

		/**
		 * Creates a rule from configuration values.
		 * @param status the HTTP status to match, or {@code null}
		 * @param code the provider error code to match, or {@code null}
		 * @param type the provider error type to match, or {@code null}
		 * @param messageRegex the regular expression to find in the message, or
		 * {@code null}
		 * @param category the category of a matching failure
		 * @param retryable whether a matching failure is retried, or {@code null} for the
		 * category's default
		 * @return the rule
		 */
		public static ErrorRule of(Integer status, String code, String type, String messageRegex,
				ErrorCategory category, Boolean retryable) {
			return new ErrorRule(status, blankToNull(code), blankToNull(type),
					(messageRegex == null || messageRegex.isEmpty()) ? null : Pattern.compile(messageRegex), category,
					retryable);
		}

		/**
		 * Whether this rule applies.
		 * @param actualStatus the HTTP status (or the status the body states for in-band
		 * errors)
		 * @param actualCode the provider error code, may be {@code null}
		 * @param actualType the provider error type, may be {@code null}
		 * @param actualMessage the provider message, may be {@code null}
		 * @return {@code true} when every criterion that is set matches
		 */
		public boolean matches(int actualStatus, String actualCode, String actualType, String actualMessage) {
			return (this.status == null || this.status == actualStatus)
					&& (this.code == null || this.code.equalsIgnoreCase(actualCode))
					&& (this.type == null || this.type.equalsIgnoreCase(actualType)) && (this.messagePattern == null
							|| (actualMessage != null && this.messagePattern.matcher(actualMessage).find()));
		}

		private static String blankToNull(String value) {
			return (value == null || value.isBlank()) ? null : value;
		}

	}

}
