package io.github.relayai.exchange;

import org.springframework.ai.chat.model.ChatResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends a {@link ChatRequest} to the gateway and maps the answer to Spring AI responses.
 * Endpoint adapters implement it, and decorators (routing, retries, fallbacks) wrap it.
 * Both methods return cold publishers: each subscription sends the request again.
 */
public interface ChatExchange {

	/** The response metadata key naming the endpoint path that answered. */
	String ENDPOINT_KEY = "relay.endpoint";

	/** The response metadata key naming the model that answered. */
	String MODEL_KEY = "relay.model";

	/**
	 * The response metadata key naming the upstream that answered, when several are
	 * configured.
	 */
	String UPSTREAM_KEY = "relay.upstream";

	/** The response metadata key of the reasoning tokens of the usage. */
	String REASONING_TOKENS_KEY = "reasoningTokens";

	/**
	 * Sends the request for one whole answer.
	 * @param request the request
	 * @return the answer
	 */
	Mono<ChatResponse> call(ChatRequest request);

	/**
	 * Sends the request for a streamed answer.
	 * @param request the request
	 * @return the deltas, failing with a typed exception when the stream breaks
	 */
	Flux<ChatResponse> stream(ChatRequest request);

}
