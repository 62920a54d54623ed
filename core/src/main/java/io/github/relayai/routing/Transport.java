package io.github.relayai.routing;

import io.github.relayai.error.ErrorCategory;
import io.github.relayai.exchange.ChatExchange;
import java.util.Objects;
import org.springframework.ai.chat.model.ChatResponse;

/**
 * How a whole-answer {@code call} is sent (the model builder's {@code transport}). Some
 * gateways queue streaming requests without limit, keeping them alive with heartbeats,
 * while a plain request that finds the queue full gets {@code 429 QUEUE_FULL}; a call
 * sent as a stream is answered by aggregating its chunks into one {@link ChatResponse}.
 * Streams are always sent as streams. The switch to a stream is one more attempt of the
 * request's one budget.
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
	 * This transport over an exchange: the link that sends each whole-answer attempt as
	 * this transport says; the exchange itself for {@link #PLAIN}.
	 * @param exchange the exchange that sends the request, usually an
	 * {@link EndpointRouter}
	 * @return the exchange with this transport
	 */
	public ChatExchange over(ChatExchange exchange) {
		Objects.requireNonNull(exchange, "exchange must not be null");
		return (this != PLAIN) ? new TransportSwitch(exchange, this) : exchange;
	}

}
