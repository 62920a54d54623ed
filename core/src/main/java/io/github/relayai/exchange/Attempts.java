package io.github.relayai.exchange;

import reactor.util.context.ContextView;

/**
 * The attempts of one request: what the next one sends (which model, whether as a
 * stream), shared through the Reactor context by the links inside
 * {@link ResilientExchange}. A link that changes what the next attempt sends marks the
 * failed attempt as moved on, so the policy sends the next one at once even when the
 * failure itself is not worth a retry; every attempt counts against the policy's one
 * budget.
 */
final class Attempts {

	private static final Object KEY = Attempts.class;

	private volatile int model;

	private volatile boolean stream;

	private volatile boolean movedOn;

	/** The attempts of the request being sent. */
	static Attempts of(ContextView context) {
		return context.get(KEY);
	}

	/** The Reactor context key of a request's attempts. */
	static Object key() {
		return KEY;
	}

	/** Which model the next attempt is for: 0 the requested one, n the n-th fallback. */
	int model() {
		return this.model;
	}

	/** Whether the next attempt goes as a stream. */
	boolean stream() {
		return this.stream;
	}

	/** Sends the next attempt for the next fallback model, unless it moved on already. */
	void nextModel() {
		if (!this.movedOn) {
			this.model++;
			this.movedOn = true;
		}
	}

	/** Sends the next attempts as streams. */
	void streamNext() {
		this.stream = true;
		this.movedOn = true;
	}

	/**
	 * Whether the attempt that just failed moved on to something else; clears the mark.
	 */
	boolean movedOn(Throwable failure) {
		boolean moved = this.movedOn;
		this.movedOn = false;
		return moved;
	}

}
