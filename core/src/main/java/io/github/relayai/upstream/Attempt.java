package io.github.relayai.upstream;

import io.github.relayai.error.ErrorCategory;

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
