package io.github.relayai.chat;

import java.util.List;

import io.github.relayai.http.RelayHttpClient;
import io.github.relayai.media.ImageEncoder;
import org.springframework.ai.chat.model.ChatResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code /v1/chat/completions} endpoint: builds the request body, posts it, and parses the
 * whole or streamed answer.
 */
public final class ChatCompletionsExchange implements ChatExchange {

	/** The chat-completions path. */
	public static final String PATH = "/v1/chat/completions";

	private final RelayHttpClient http;

	private final JsonMapper json;

	private final ChatRequestFactory requests;

	private final ChatCompletionParser parser;

	/**
	 * Creates the exchange.
	 * @param http the transport
	 * @param json the mapper
	 * @param images encodes input images
	 */
	public ChatCompletionsExchange(RelayHttpClient http, JsonMapper json, ImageEncoder images) {
		this.http = http;
		this.json = json;
		this.requests = new ChatRequestFactory(json, images);
		this.parser = new ChatCompletionParser(json, http.classifier());
	}

	@Override
	public Mono<ChatResponse> call(ChatRequest request) {
		return Mono.defer(() -> {
			byte[] body = body(request, false);
			return this.http.postJson(PATH, body, ChatRequestFactory.headers(request.options()), request.model())
				.map(answer -> this.parser.parse(answer, request.model(), PATH));
		});
	}

	@Override
	public Flux<ChatResponse> stream(ChatRequest request) {
		return Flux.defer(() -> {
			byte[] body = body(request, true);
			StreamAssembler assembler = new StreamAssembler(this.json, this.http.classifier(), request.model(), PATH);
			return this.http
				.postForEvents(PATH, body, ChatRequestFactory.headers(request.options()), request.model())
				.takeUntil(event -> event.isDone())
				// one event completes at most one response: handle() spares a queue per chunk
				.<ChatResponse>handle((event, sink) -> {
					List<ChatResponse> responses = assembler.accept(event);
					if (!responses.isEmpty()) {
						sink.next(responses.get(0));
					}
				})
				.concatWith(Flux.defer(() -> Flux.fromIterable(assembler.end())));
		});
	}

	private byte[] body(ChatRequest request, boolean stream) {
		return this.json.writeValueAsBytes(this.requests.create(request.messages(), request.options(), stream));
	}

}
