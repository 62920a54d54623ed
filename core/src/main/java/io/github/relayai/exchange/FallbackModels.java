package io.github.relayai.exchange;

import io.github.relayai.exchange.ChatChain.Attempts;
import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.RelayAiException;
import io.github.relayai.resilience.ResiliencePolicy;
import java.util.List;
import org.springframework.ai.chat.model.ChatResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fallback models: chooses the model of each attempt. When an attempt fails with
 * {@link ErrorCategory#MODEL_NOT_FOUND}, {@link ErrorCategory#UNAVAILABLE} or any
 * retryable failure, the next attempt is sent at once for the next model in the list;
 * once the list is used up, the last model is retried as any request is. All attempts
 * share the resilience policy's one budget ({@code maxAttempts} requests). Rejections by
 * Relay's own queue, circuit breaker or rate limiter are passed on, as another model
 * would meet the same limits. A stream falls back only before its first element (the
 * policy retries nothing after it). Every answer names the model that produced it in the
 * response metadata key {@value ChatExchange#MODEL_KEY}.
 */
final class FallbackModels implements ChatExchange {

	private final ChatExchange delegate;

	private final List<String> fallbacks;

	FallbackModels(ChatExchange delegate, List<String> fallbacks) {
		this.delegate = delegate;
		this.fallbacks = fallbacks;
	}

	@Override
	public Mono<ChatResponse> call(ChatRequest request) {
		return Mono.deferContextual(context -> {
			Attempts attempts = Attempts.of(context);
			ChatRequest attempt = forModel(request, attempts.model());
			return this.delegate.call(attempt)
				.map(response -> named(response, attempt.model()))
				.doOnError(failure -> failed(failure, attempts));
		});
	}

	@Override
	public Flux<ChatResponse> stream(ChatRequest request) {
		return Flux.deferContextual(context -> {
			Attempts attempts = Attempts.of(context);
			ChatRequest attempt = forModel(request, attempts.model());
			return this.delegate.stream(attempt)
				.map(response -> named(response, attempt.model()))
				.doOnError(failure -> failed(failure, attempts));
		});
	}

	private ChatRequest forModel(ChatRequest request, int model) {
		return (model == 0) ? request
				: request.withOptions(request.options().mutate().model(this.fallbacks.get(model - 1)).build());
	}

	private void failed(Throwable failure, Attempts attempts) {
		if (attempts.model() < this.fallbacks.size() && fallsBack(failure)) {
			attempts.nextModel();
		}
	}

	private static ChatResponse named(ChatResponse response, String model) {
		return ChatResponse.builder().from(response).metadata(MODEL_KEY, model).build();
	}

	private static boolean fallsBack(Throwable failure) {
		if (!(failure instanceof RelayAiException relay) || ResiliencePolicy.isLocalRejection(relay)) {
			return false;
		}
		ErrorCategory category = relay.error().category();
		return category == ErrorCategory.MODEL_NOT_FOUND || category == ErrorCategory.UNAVAILABLE
				|| relay.error().retryable();
	}

}
