package io.github.relayai.resilience;

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

}
