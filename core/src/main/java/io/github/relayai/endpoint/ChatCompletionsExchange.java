package io.github.relayai.endpoint;

import io.github.relayai.error.RelayAiException;
import io.github.relayai.exchange.ChatExchange;
import io.github.relayai.exchange.ChatRequest;
import io.github.relayai.http.RelayHttpClient;
import org.springframework.ai.chat.model.ChatResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code /v1/chat/completions} endpoint: builds the request body, posts it, and
 * parses the whole or streamed answer. With another path and body it serves any endpoint
 * that answers in the chat-completion shape, such as the legacy {@code /v1/completions}
 * ({@code choices[].text}).
 */
final class ChatCompletionsExchange implements ChatExchange {

	private final RelayHttpClient http;

	private final JsonMapper json;

	private final String path;

	private final BodyFactory bodies;

	private final ChatCompletionReader reader;

	private final ChatCompletionParser parser;

	/**
	 * Creates the exchange for an endpoint whose answers have the chat-completion shape.
	 * @param http the transport
	 * @param json the mapper
	 * @param path the endpoint path, such as {@code /v1/completions}
	 * @param bodies builds the request bodies
	 */
	ChatCompletionsExchange(RelayHttpClient http, JsonMapper json, String path, BodyFactory bodies) {
		this.http = http;
		this.json = json;
		this.path = path;
		this.bodies = bodies;
		this.reader = new ChatCompletionReader(json);
		this.parser = new ChatCompletionParser(this.reader, http.classifier());
	}

	@Override
	public Mono<ChatResponse> call(ChatRequest request) {
		return Mono.defer(() -> {
			byte[] body = body(request, false);
			return this.http.postJson(this.path, body, ChatRequestFactory.headers(request.options()), request.model())
				.map(answer -> this.parser.parse(answer, request.model(), this.path,
						Boolean.TRUE.equals(request.options().getReasoningTags())));
		});
	}

	@Override
	public Flux<ChatResponse> stream(ChatRequest request) {
		return Flux.defer(() -> {
			byte[] body = body(request, true);
			return this.http.postForStream(this.path, body, ChatRequestFactory.headers(request.options()),
					request.model(),
					() -> new StreamAssembler(this.reader, this.http.classifier(), request.model(), this.path,
							!Boolean.FALSE.equals(request.options().getMergeStreamDeltas()),
							Boolean.TRUE.equals(request.options().getReasoningTags())));
		});
	}

	private byte[] body(ChatRequest request, boolean stream) {
		return this.json.writeValueAsBytes(this.bodies.create(request, stream));
	}

	/**
	 * Builds the JSON body of one request; may throw a
	 * {@link io.github.relayai.error.RelayAiException} when the request cannot be sent to
	 * the endpoint.
	 */
	@FunctionalInterface
	interface BodyFactory {

		/**
		 * Creates the body.
		 * @param request the request
		 * @param stream whether the answer is streamed
		 * @return the body
		 */
		ObjectNode create(ChatRequest request, boolean stream);

	}

}
