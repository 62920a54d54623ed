package io.github.relayai.error;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A classified failure of a gateway call: the category, whether a retry may help, what
 * the provider said, and what the user should do about it.
 *
 * @param category what went wrong
 * @param retryable whether a retry may succeed
 * @param httpStatus the HTTP status, or {@code 0} for transport failures and in-band
 * stream errors
 * @param type the provider's error {@code type}, if any
 * @param code the provider's error {@code code} as text, if any
 * @param param the provider's error {@code param}, if any
 * @param message the provider's own message, with relay suffixes such as
 * {@code (request id: ...)} removed and secrets masked
 * @param requestId the request id from headers, the body or the message suffix, if any
 * @param retryAfter the server-directed delay before a retry, if any
 * @param model the model the request was for, if known
 * @param endpoint the endpoint path the request went to, if known
 * @param hint what happened and what to do, in the configured language
 */
public record ProviderError(ErrorCategory category, boolean retryable, int httpStatus, String type, String code,
		String param, String message, String requestId, Optional<Duration> retryAfter, String model, String endpoint,
		String hint) {

	/**
	 * {@link #suggestedEndpoint()} value for the legacy {@code /v1/completions} endpoint.
	 */
	public static final String COMPLETIONS = "completions";

	/** {@link #suggestedEndpoint()} value for the {@code /v1/responses} endpoint. */
	public static final String RESPONSES = "responses";

	public ProviderError {
		if (category == null) {
			throw new IllegalArgumentException("category must not be null");
		}
		retryAfter = (retryAfter != null) ? retryAfter : Optional.empty();
	}

	/**
	 * For {@link ErrorCategory#NON_CHAT_MODEL}, the endpoint the gateway's message points
	 * to.
	 * @return {@value #COMPLETIONS}, {@value #RESPONSES}, or empty when the message names
	 * neither or the category is another one
	 */
	public Optional<String> suggestedEndpoint() {
		if (this.category != ErrorCategory.NON_CHAT_MODEL || this.message == null) {
			return Optional.empty();
		}
		String text = this.message.toLowerCase(Locale.ROOT);
		if (text.contains("v1/responses")) {
			return Optional.of(RESPONSES);
		}
		return text.contains("v1/completions") ? Optional.of(COMPLETIONS) : Optional.empty();
	}

	ProviderError withHint(String newHint) {
		return new ProviderError(this.category, this.retryable, this.httpStatus, this.type, this.code, this.param,
				this.message, this.requestId, this.retryAfter, this.model, this.endpoint, newHint);
	}

	/**
	 * Creates a builder for an error of a category; every other component starts empty
	 * ({@code 0}, {@code null}, not retryable).
	 * @param category what went wrong
	 * @return a new builder
	 */
	public static Builder builder(ErrorCategory category) {
		return new Builder(category);
	}

	/**
	 * A builder holding this error's components, to change some of them.
	 * @return a new builder
	 */
	public Builder mutate() {
		return new Builder(this.category).retryable(this.retryable)
			.httpStatus(this.httpStatus)
			.type(this.type)
			.code(this.code)
			.param(this.param)
			.message(this.message)
			.requestId(this.requestId)
			.retryAfter(this.retryAfter.orElse(null))
			.model(this.model)
			.endpoint(this.endpoint)
			.hint(this.hint);
	}

	/**
	 * Builds a {@link ProviderError}; each setter sets the record component of its name.
	 */
	public static final class Builder {

		private final ErrorCategory category;

		private boolean retryable;

		private int httpStatus;

		private String type;

		private String code;

		private String param;

		private String message;

		private String requestId;

		private Duration retryAfter;

		private String model;

		private String endpoint;

		private String hint;

		private Builder(ErrorCategory category) {
			this.category = category;
		}

		/**
		 * Whether a retry may succeed.
		 * @param retryable the flag
		 * @return this builder
		 */
		public Builder retryable(boolean retryable) {
			this.retryable = retryable;
			return this;
		}

		/**
		 * The HTTP status, {@code 0} for none.
		 * @param httpStatus the status
		 * @return this builder
		 */
		public Builder httpStatus(int httpStatus) {
			this.httpStatus = httpStatus;
			return this;
		}

		/**
		 * The provider's error {@code type}.
		 * @param type the type
		 * @return this builder
		 */
		public Builder type(String type) {
			this.type = type;
			return this;
		}

		/**
		 * The provider's error {@code code}.
		 * @param code the code
		 * @return this builder
		 */
		public Builder code(String code) {
			this.code = code;
			return this;
		}

		/**
		 * The provider's error {@code param}.
		 * @param param the param
		 * @return this builder
		 */
		public Builder param(String param) {
			this.param = param;
			return this;
		}

		/**
		 * The provider's own message.
		 * @param message the message
		 * @return this builder
		 */
		public Builder message(String message) {
			this.message = message;
			return this;
		}

		/**
		 * The request id.
		 * @param requestId the id
		 * @return this builder
		 */
		public Builder requestId(String requestId) {
			this.requestId = requestId;
			return this;
		}

		/**
		 * The server-directed delay before a retry.
		 * @param retryAfter the delay, or {@code null} for none
		 * @return this builder
		 */
		public Builder retryAfter(Duration retryAfter) {
			this.retryAfter = retryAfter;
			return this;
		}

		/**
		 * The model the request was for.
		 * @param model the model id
		 * @return this builder
		 */
		public Builder model(String model) {
			this.model = model;
			return this;
		}

		/**
		 * The endpoint path the request went to.
		 * @param endpoint the path
		 * @return this builder
		 */
		public Builder endpoint(String endpoint) {
			this.endpoint = endpoint;
			return this;
		}

		/**
		 * What happened and what to do.
		 * @param hint the hint
		 * @return this builder
		 */
		public Builder hint(String hint) {
			this.hint = hint;
			return this;
		}

		/**
		 * Builds the error.
		 * @return the error
		 */
		public ProviderError build() {
			return new ProviderError(this.category, this.retryable, this.httpStatus, this.type, this.code, this.param,
					this.message, this.requestId, Optional.ofNullable(this.retryAfter), this.model, this.endpoint,
					this.hint);
		}

	}

}
