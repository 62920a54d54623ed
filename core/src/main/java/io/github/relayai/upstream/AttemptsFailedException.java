package io.github.relayai.upstream;

import java.util.List;

import io.github.relayai.error.ProviderError;
import io.github.relayai.error.RelayAiException;
import io.github.relayai.error.ErrorCategory;

/**
 * A request that failed after more than one attempt (other upstreams, retries, fallback
 * models): {@link #error()} is the last failure, {@link #attempts()} lists every attempt,
 * and the cause is the first failure.
 */
public class AttemptsFailedException extends RelayAiException {

	private final List<Attempt> attempts;

	private final String summary;

	AttemptsFailedException(ProviderError last, List<Attempt> attempts, String summary, Throwable first) {
		super(last, first);
		this.attempts = List.copyOf(attempts);
		this.summary = summary;
	}

	/**
	 * Every attempt, in order.
	 * @return the attempts
	 */
	public List<Attempt> attempts() {
		return this.attempts;
	}

	@Override
	public String getMessage() {
		return super.getMessage() + " " + this.summary;
	}

	/**
	 * One failed attempt of a request.
	 *
	 * @param upstream the upstream's name
	 * @param model the requested model (a fallback model, for a fallback)
	 * @param category what went wrong
	 */
	public record Attempt(String upstream, String model, ErrorCategory category) {

		@Override
		public String toString() {
			return this.upstream + "/" + this.model + ": " + this.category;
		}

	}

}
