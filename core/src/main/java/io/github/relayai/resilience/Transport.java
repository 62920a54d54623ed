package io.github.relayai.resilience;

import io.github.relayai.chat.ChatExchange;
import io.github.relayai.chat.ChatRequest;
import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.RelayAiException;
import org.springframework.ai.chat.model.ChatResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * How a whole-answer {@code call} is sent ({@code spring.ai.relay.chat.transport}). Some
 * gateways queue streaming requests without limit, keeping them alive with heartbeats,
 * while a plain request that finds the queue full gets {@code 429 QUEUE_FULL}; a call
 * sent as a stream is answered by aggregating its chunks into one {@link ChatResponse}.
 * Streams are always sent as streams.
 */
public enum Transport {

	/**
	 * A plain request; after a {@link ErrorCategory#QUEUE_FULL} answer from the gateway,
	 * a stream.
	 */
	AUTO,

	/** Always a stream. */
	STREAM,

	/** Always a plain request. */
	PLAIN;

	/**
	 * Applies this transport to an exchange.
	 * @param exchange the exchange that sends requests
	 * @return the exchange whose {@code call} uses this transport
	 */
	public ChatExchange apply(ChatExchange exchange) {
		return (this == PLAIN) ? exchange : new Decorated(exchange, this);
	}

	private record Decorated(ChatExchange delegate, Transport transport) implements ChatExchange {

		@Override
		public Mono<ChatResponse> call(ChatRequest request) {
			Mono<ChatResponse> streamed = StreamAggregate.of(this.delegate.stream(request));
			if (this.transport == STREAM) {
				return streamed;
			}
			return this.delegate.call(request).onErrorResume(Decorated::isGatewayQueueFull, failure -> streamed);
		}

		@Override
		public Flux<ChatResponse> stream(ChatRequest request) {
			return this.delegate.stream(request);
		}

		private static boolean isGatewayQueueFull(Throwable failure) {
			return failure instanceof RelayAiException relay && relay.error().category() == ErrorCategory.QUEUE_FULL
					&& !LocalRejections.isLocal(relay);
		}

	}

}
