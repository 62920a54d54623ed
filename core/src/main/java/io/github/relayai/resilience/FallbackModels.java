package io.github.relayai.resilience;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.relayai.chat.ChatExchange;
import io.github.relayai.chat.ChatRequest;
import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.RelayAiException;
import org.springframework.ai.chat.model.ChatResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fallback models ({@code spring.ai.relay.chat.fallback-models}): when the requested
 * model fails with {@link ErrorCategory#MODEL_NOT_FOUND},
 * {@link ErrorCategory#UNAVAILABLE} or any other failure that stayed retryable (its
 * retries were used up, or the gateway asked for a longer wait than Relay honours), the
 * same request is sent for the next model in the list. Rejections by Relay's own queue,
 * circuit breaker or rate limiter are passed on, as another model would meet the same
 * limits. A stream falls back only before its first element. Every answer names the model
 * that produced it in the response metadata key {@value #MODEL_KEY}.
 */
public final class FallbackModels implements ChatExchange {

	/** The response metadata key naming the model that answered. */
	public static final String MODEL_KEY = "relay.model";

	private final ChatExchange delegate;

	private final List<String> fallbacks;

	private FallbackModels(ChatExchange delegate, List<String> fallbacks) {
		this.delegate = delegate;
		this.fallbacks = fallbacks;
	}

	/**
	 * Applies fallback models to an exchange.
	 * @param exchange the exchange
	 * @param fallbacks the models to try, in order, after the requested one
	 * @return the exchange itself when there are no fallbacks, else the decorated
	 * exchange
	 */
	public static ChatExchange apply(ChatExchange exchange, List<String> fallbacks) {
		List<String> models = List.copyOf(Objects.requireNonNull(fallbacks, "fallbacks must not be null"));
		models.forEach(model -> {
			if (model.isBlank()) {
				throw new IllegalArgumentException("spring.ai.relay.chat.fallback-models must not contain blank names");
			}
		});
		return models.isEmpty() ? exchange : new FallbackModels(exchange, models);
	}

	@Override
	public Mono<ChatResponse> call(ChatRequest request) {
		return call(request, 0);
	}

	private Mono<ChatResponse> call(ChatRequest request, int next) {
		Mono<ChatResponse> answer = this.delegate.call(request).map(response -> named(response, request.model()));
		if (next >= this.fallbacks.size()) {
			return answer;
		}
		return answer.onErrorResume(FallbackModels::fallsBack, failure -> call(forModel(request, next), next + 1));
	}

	@Override
	public Flux<ChatResponse> stream(ChatRequest request) {
		return stream(request, 0);
	}

	private Flux<ChatResponse> stream(ChatRequest request, int next) {
		Flux<ChatResponse> answer = this.delegate.stream(request).map(response -> named(response, request.model()));
		if (next >= this.fallbacks.size()) {
			return answer;
		}
		return Flux.defer(() -> {
			AtomicBoolean emitted = new AtomicBoolean();
			return answer.doOnNext(response -> emitted.set(true))
				.onErrorResume(failure -> !emitted.get() && fallsBack(failure),
						failure -> stream(forModel(request, next), next + 1));
		});
	}

	private ChatRequest forModel(ChatRequest request, int next) {
		return request.withOptions(request.options().mutate().model(this.fallbacks.get(next)).build());
	}

	private static ChatResponse named(ChatResponse response, String model) {
		return ChatResponse.builder().from(response).metadata(MODEL_KEY, model).build();
	}

	private static boolean fallsBack(Throwable failure) {
		if (!(failure instanceof RelayAiException relay) || LocalRejections.isLocal(relay)) {
			return false;
		}
		ErrorCategory category = relay.error().category();
		return category == ErrorCategory.MODEL_NOT_FOUND || category == ErrorCategory.UNAVAILABLE
				|| relay.error().retryable();
	}

}
