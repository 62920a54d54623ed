package io.github.relayai.chat;

import io.github.relayai.resilience.ResiliencePolicy;
import org.springframework.ai.chat.model.ChatResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies a {@link ResiliencePolicy} to every request of another {@link ChatExchange}.
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
		return this.policy.call(this.delegate.call(request));
	}

	@Override
	public Flux<ChatResponse> stream(ChatRequest request) {
		return this.policy.stream(this.delegate.stream(request));
	}

}
