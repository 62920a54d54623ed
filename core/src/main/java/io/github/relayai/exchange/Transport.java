package io.github.relayai.exchange;

import io.github.relayai.error.ErrorCategory;
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

}
