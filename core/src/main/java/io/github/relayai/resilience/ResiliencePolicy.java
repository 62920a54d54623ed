package io.github.relayai.resilience;

import java.util.function.Predicate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Wraps each request Relay sends with resilience behaviour (retries, queue limits,
 * circuit breaking, rate limiting). The publishers it receives are cold: subscribing
 * again sends the request again.
 */
public interface ResiliencePolicy {

	/** A policy that adds nothing: each request is sent once. */
	ResiliencePolicy NONE = new ResiliencePolicy() {

		@Override
		public <T> Mono<T> call(Mono<T> request) {
			return request;
		}

		@Override
		public <T> Flux<T> stream(Flux<T> request) {
			return request;
		}

	};

	/**
	 * Whether a failure is a rejection by Relay's own queue, circuit breaker or rate
	 * limiter rather than an answer from the gateway: another model or transport would
	 * meet the same limit.
	 * @param failure the failure
	 * @return whether the limit was local
	 */
	static boolean isLocalRejection(Throwable failure) {
		return Rejections.isLocal(failure);
	}

	/**
	 * Decorates a single-answer request.
	 * @param <T> the answer type
	 * @param request the request, sent on subscription
	 * @return the decorated request
	 */
	<T> Mono<T> call(Mono<T> request);

	/**
	 * Decorates a streamed request.
	 * @param <T> the element type
	 * @param request the request, sent on subscription
	 * @return the decorated request
	 */
	<T> Flux<T> stream(Flux<T> request);

	/**
	 * Decorates a single-answer request whose attempts may differ: after a failed
	 * attempt, {@code movedOn} says whether the next one sends something else (another
	 * model, or a stream), so that it is worth sending at once even when the failure is
	 * not worth a retry. Every attempt counts against the policy's one budget. By default
	 * the policy ignores it.
	 * @param <T> the answer type
	 * @param request the request, sent on each subscription
	 * @param movedOn whether the attempt that failed with the given failure moved on
	 * @return the decorated request
	 */
	default <T> Mono<T> call(Mono<T> request, Predicate<Throwable> movedOn) {
		return call(request);
	}

	/**
	 * Decorates a streamed request whose attempts may differ, as
	 * {@link #call(Mono, Predicate)} does.
	 * @param <T> the element type
	 * @param request the request, sent on each subscription
	 * @param movedOn whether the attempt that failed with the given failure moved on
	 * @return the decorated request
	 */
	default <T> Flux<T> stream(Flux<T> request, Predicate<Throwable> movedOn) {
		return stream(request);
	}

}
