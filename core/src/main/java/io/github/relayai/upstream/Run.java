package io.github.relayai.upstream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.github.relayai.exchange.ChatRequest;
import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.RelayAiException;
import io.github.resilience4j.retry.Retry;
import io.github.relayai.upstream.AttemptsFailedException.Attempt;
import io.github.relayai.upstream.UpstreamExchange.AttemptBudget;

/**
 * The state of one request across its attempts: what was tried, what failed, the budget
 * left. Attempts follow one another, so it needs no locking beyond the happens-before of
 * Reactor's signals.
 */
final class Run {

	private final ChatRequest request;

	private final AttemptBudget budget;

	private final Instant deadlineAt;

	private final Retry retry;

	private final List<Attempt> attempts = new ArrayList<>();

	private final Set<String> triedInRound = new HashSet<>();

	private final Set<String> models = new LinkedHashSet<>();

	private Retry.AsyncContext<Object> retryContext;

	private Throwable first;

	private Throwable roundFailure;

	Run(ChatRequest request, AttemptBudget budget, Retry retry, Instant now) {
		this.request = request;
		this.budget = budget;
		this.deadlineAt = budget.hasDeadline() ? now.plus(budget.deadline()) : Instant.MAX;
		this.retry = retry;
		this.retryContext = retry.asyncContext();
		this.models.add(request.model());
	}

	ChatRequest request() {
		return this.request;
	}

	Set<String> triedInRound() {
		return this.triedInRound;
	}

	Set<String> models() {
		return this.models;
	}

	List<Attempt> attempts() {
		return this.attempts;
	}

	Throwable first() {
		return this.first;
	}

	Throwable roundFailure() {
		return this.roundFailure;
	}

	void sent(String upstream) {
		this.triedInRound.add(upstream);
	}

	Attempt failed(String upstream, String model, Throwable failure) {
		ErrorCategory category = (failure instanceof RelayAiException relay) ? relay.error().category()
				: ErrorCategory.UNKNOWN;
		Attempt attempt = new Attempt(upstream, model, category);
		this.attempts.add(attempt);
		this.first = (this.first != null) ? this.first : failure;
		this.roundFailure = failure;
		return attempt;
	}

	boolean budgetSpent(Instant now) {
		return this.attempts.size() >= this.budget.maxAttempts() || !now.isBefore(this.deadlineAt);
	}

	boolean deadlinePassed(Instant now) {
		return !now.isBefore(this.deadlineAt);
	}

	/** The time left before the deadline, if there is one. */
	Optional<Duration> remaining(Instant now) {
		return this.budget.hasDeadline() ? Optional.of(Duration.between(now, this.deadlineAt)) : Optional.empty();
	}

	/**
	 * The wait before another round over the upstreams, or {@code -1} when the failure is
	 * not retried, the retries are used up or the wait would pass the deadline.
	 */
	long retryWait(Throwable failure, Instant now) {
		long wait = this.retryContext.onError(failure);
		return (wait >= 0 && now.plusMillis(wait).isBefore(this.deadlineAt)) ? wait : -1;
	}

	/** Tells the retry that the request succeeded, for its metrics. */
	void succeeded() {
		this.retryContext.onComplete();
	}

	/** Starts a new round: every upstream may be tried again. */
	void newRound() {
		this.triedInRound.clear();
		this.roundFailure = null;
	}

	/** Moves on to a fallback model, with retries of its own. */
	void fallBackTo(String model) {
		this.models.add(model);
		this.retryContext = this.retry.asyncContext();
		newRound();
	}

}
