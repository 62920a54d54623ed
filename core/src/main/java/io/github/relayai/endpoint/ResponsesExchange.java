package io.github.relayai.endpoint;

import io.github.relayai.exchange.ChatExchange;
import io.github.relayai.exchange.ChatRequest;
import io.github.relayai.http.RelayHttpClient;
import org.springframework.ai.chat.model.ChatResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code /v1/responses} endpoint (OpenAI's Responses API) behind the chat seam:
 * converts the request, posts it, and maps the whole answer or the typed event stream
 * back to chat-shaped responses.
 */
final class ResponsesExchange implements ChatExchange {

	private static final String PATH = Endpoint.RESPONSES.path();

	private final RelayHttpClient http;

	private final JsonMapper json;

	private final ResponsesRequests requests;

	private final ResponsesAnswers answers;

	/**
	 * Creates the {@code /v1/responses} adapter.
	 * @param http the transport
	 * @param json the mapper for request bodies
	 * @param images the encoder of input images
	 */
	ResponsesExchange(RelayHttpClient http, JsonMapper json, ImageEncoder images) {
		this.http = http;
		this.json = json;
		this.requests = new ResponsesRequests(json, images);
		this.answers = new ResponsesAnswers(json, http.classifier());
	}

	@Override
	public Mono<ChatResponse> call(ChatRequest request) {
		return Mono.defer(() -> {
			byte[] body = this.json.writeValueAsBytes(this.requests.create(request, false));
			return this.http.postJson(PATH, body, ChatRequestFactory.headers(request.options()), request.model())
				.map(answer -> this.answers.parse(answer, request.model()));
		});
	}

	@Override
	public Flux<ChatResponse> stream(ChatRequest request) {
		return Flux.defer(() -> {
			byte[] body = this.json.writeValueAsBytes(this.requests.create(request, true));
			return this.http.postForStream(PATH, body, ChatRequestFactory.headers(request.options()), request.model(),
					() -> new ResponsesStreamAssembler(this.answers, request.model()));
		});
	}

}
