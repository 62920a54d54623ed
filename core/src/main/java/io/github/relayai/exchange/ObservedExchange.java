package io.github.relayai.exchange;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.chat.observation.ChatModelObservationDocumentation;
import org.springframework.ai.chat.observation.DefaultChatModelObservationConvention;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Observes every request as Spring AI's chat model operation, under the provider name
 * given. Only built when a registry is set: an unobserved chain pays for nothing.
 */
final class ObservedExchange implements ChatExchange {

	private static final ChatModelObservationConvention DEFAULT_CONVENTION = new DefaultChatModelObservationConvention();

	private final ChatExchange delegate;

	private final ObservationRegistry registry;

	private final ChatModelObservationConvention convention;

	private final String provider;

	ObservedExchange(ChatExchange delegate, ObservationRegistry registry, ChatModelObservationConvention convention,
			String provider) {
		this.delegate = delegate;
		this.registry = registry;
		this.convention = convention;
		this.provider = provider;
	}

	@Override
	public Mono<ChatResponse> call(ChatRequest request) {
		return Mono.defer(() -> {
			ChatModelObservationContext context = context(request, false);
			Observation observation = observation(context);
			Observation parent = this.registry.getCurrentObservation();
			observation.parentObservation(parent).start();
			return this.delegate.call(request)
				.doOnSuccess(response -> answered(context, response))
				.doOnError(observation::error)
				.doFinally(signal -> observation.stop())
				.contextWrite(ctx -> ctx.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	@Override
	public Flux<ChatResponse> stream(ChatRequest request) {
		return Flux.deferContextual(contextView -> {
			ChatModelObservationContext context = context(request, true);
			Observation observation = observation(context);
			if (observation.isNoop()) {
				return this.delegate.stream(request);
			}
			Observation parent = contextView.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
			observation.parentObservation(parent).start();
			Flux<ChatResponse> observed = this.delegate.stream(request)
				.doOnError(observation::error)
				.doFinally(signal -> observation.stop())
				.contextWrite(ctx -> ctx.put(ObservationThreadLocalAccessor.KEY, observation));
			return StreamAggregate.tap(observed, response -> answered(context, response));
		});
	}

	/**
	 * Hands the answer to the observation, with the upstream and model that answered when
	 * several upstreams are configured.
	 */
	private static void answered(ChatModelObservationContext context, ChatResponse response) {
		context.setResponse(response);
		String upstream = (response != null) ? response.getMetadata().get(UPSTREAM_KEY) : null;
		if (upstream != null) {
			context.addLowCardinalityKeyValue(KeyValue.of(UPSTREAM_KEY, upstream));
			String model = response.getMetadata().get(MODEL_KEY);
			if (model != null) {
				context.addLowCardinalityKeyValue(KeyValue.of(MODEL_KEY, model));
			}
		}
	}

	private ChatModelObservationContext context(ChatRequest request, boolean streaming) {
		return ChatModelObservationContext.builder()
			.prompt(new Prompt(request.messages(), request.options()))
			.provider(this.provider)
			.streaming(streaming)
			.build();
	}

	private Observation observation(ChatModelObservationContext context) {
		return ChatModelObservationDocumentation.CHAT_MODEL_OPERATION.observation(this.convention, DEFAULT_CONVENTION,
				() -> context, this.registry);
	}

}
