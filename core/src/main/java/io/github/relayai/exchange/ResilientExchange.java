package io.github.relayai.exchange;

import io.github.relayai.exchange.ChatChain.Attempts;
import io.github.relayai.resilience.ResiliencePolicy;
import org.springframework.ai.chat.model.ChatResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends each request through a {@link ResiliencePolicy}, whose retry budget bounds every
 * attempt of the request: its retries, its fallback models and its switch to a stream.
 * The links inside it share the request's {@link Attempts}.
 */
final class ResilientExchange implements ChatExchange {

	private final ChatExchange delegate;

	private final ResiliencePolicy policy;

	ResilientExchange(ChatExchange delegate, ResiliencePolicy policy) {
		this.delegate = delegate;
		this.policy = policy;
	}

	@Override
	public Mono<ChatResponse> call(ChatRequest request) {
		return Mono.defer(() -> {
			Attempts attempts = new Attempts();
			return this.policy.call(this.delegate.call(request), attempts::movedOn)
				.contextWrite(context -> context.put(Attempts.key(), attempts));
		});
	}

	@Override
	public Flux<ChatResponse> stream(ChatRequest request) {
		return Flux.defer(() -> {
			Attempts attempts = new Attempts();
			return this.policy.stream(this.delegate.stream(request), attempts::movedOn)
				.contextWrite(context -> context.put(Attempts.key(), attempts));
		});
	}

}
