package io.github.relayai.routing;

import io.github.relayai.exchange.ChatChain;
import io.github.relayai.exchange.ChatChain.Attempts;
import io.github.relayai.exchange.ChatExchange;
import io.github.relayai.exchange.ChatRequest;
import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.RelayAiException;
import io.github.relayai.resilience.ResiliencePolicy;
import org.springframework.ai.chat.model.ChatResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends a whole-answer call as the {@link Transport} says: as a stream aggregated into
 * one answer, or plainly and, after the gateway answers {@link ErrorCategory#QUEUE_FULL},
 * as a stream from the next attempt on. Streams pass through: they are always sent as
 * streams.
 */
final class TransportSwitch implements ChatExchange {

	private final ChatExchange delegate;

	private final Transport transport;

	TransportSwitch(ChatExchange delegate, Transport transport) {
		this.delegate = delegate;
		this.transport = transport;
	}

	@Override
	public Mono<ChatResponse> call(ChatRequest request) {
		if (this.transport == Transport.STREAM) {
			return ChatChain.aggregate(this.delegate.stream(request));
		}
		return Mono.deferContextual(context -> {
			Attempts attempts = Attempts.of(context);
			if (attempts.stream()) {
				return ChatChain.aggregate(this.delegate.stream(request));
			}
			return this.delegate.call(request)
				.doOnError(TransportSwitch::isGatewayQueueFull, failure -> attempts.streamNext());
		});
	}

	@Override
	public Flux<ChatResponse> stream(ChatRequest request) {
		return this.delegate.stream(request);
	}

	private static boolean isGatewayQueueFull(Throwable failure) {
		return failure instanceof RelayAiException relay && relay.error().category() == ErrorCategory.QUEUE_FULL
				&& !ResiliencePolicy.isLocalRejection(relay);
	}

}
