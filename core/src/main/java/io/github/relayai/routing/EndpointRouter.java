package io.github.relayai.routing;

import io.github.relayai.endpoint.Endpoint;
import io.github.relayai.endpoint.RelayModels;
import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.NonTransientRelayException;
import io.github.relayai.error.RelayAiException;
import io.github.relayai.exchange.ChatExchange;
import io.github.relayai.exchange.ChatRequest;
import io.github.relayai.http.RelayHttpClient;
import io.github.relayai.options.ImageLimits;
import io.github.relayai.options.RelayChatOptions;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.model.ChatResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends each chat request to the endpoint that serves its model:
 * {@code /v1/chat/completions}, {@code /v1/completions} or {@code /v1/responses}.
 * <p>
 * The endpoint is, in order: the one pinned in the request's
 * {@link io.github.relayai.options.RelayChatOptions#getEndpoint() options}, the one
 * pinned for the model in the builder, the one remembered from an earlier fallback, the
 * one the gateway reports in {@code /v1/models} ({@link RelayModels}, when it reports
 * {@code supported_endpoint_types}), and otherwise chat. When chat answers
 * {@link ErrorCategory#NON_CHAT_MODEL}, the request is re-sent to the endpoint the
 * gateway's message names (or responses, then completions, when it names none), and a
 * success is remembered per (base URL, model), logged once with a WARN saying how to pin
 * it, and counted in the {@code relay.endpoint.fallbacks} counter. A remembered endpoint
 * that later refuses the model (not found, not a chat model, or a chat model that belongs
 * on chat) means the gateway was reconfigured: it is forgotten and the request routed
 * again once, as for a model seen for the first time; a pinned endpoint is never
 * re-routed. The error arrives as the HTTP status, before a stream emitted anything, so
 * re-sending is safe for streams too.
 * <p>
 * Thread-safe.
 */
public final class EndpointRouter implements ChatExchange {

	/** The default number of remembered (base URL, model) choices. */
	public static final int DEFAULT_CACHE_SIZE = 1024;

	private static final Logger logger = LoggerFactory.getLogger(EndpointRouter.class);

	private static final Set<ErrorCategory> NOT_SERVED_HERE = Set.of(ErrorCategory.NON_CHAT_MODEL,
			ErrorCategory.MODEL_NOT_FOUND, ErrorCategory.INVALID_REQUEST, ErrorCategory.UNKNOWN);

	private final String baseUrl;

	private final Map<Endpoint, ChatExchange> exchanges = new EnumMap<>(Endpoint.class);

	private final Map<String, Endpoint> pinned;

	private final boolean fallback;

	private final RelayModels models;

	private final Map<String, Endpoint> remembered;

	private final BiConsumer<String, Endpoint> onFallback;

	private final RoutingMessages messages;

	private EndpointRouter(Builder builder, RelayHttpClient http, ImageLimits imageLimits) {
		this.messages = new RoutingMessages(http.classifier().locale());
		this.baseUrl = http.baseUrl().toString();
		for (Endpoint endpoint : Endpoint.values()) {
			this.exchanges.put(endpoint, endpoint.exchange(http, imageLimits));
		}
		this.pinned = Map.copyOf(builder.pinned);
		this.fallback = builder.fallback;
		this.models = builder.discovery ? ((builder.models != null) ? builder.models : new RelayModels(http)) : null;
		int capacity = builder.cacheSize;
		this.remembered = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Endpoint> eldest) {
				return size() > capacity;
			}

		});
		this.onFallback = builder.onFallback;
	}

	/**
	 * Creates a builder.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public Mono<ChatResponse> call(ChatRequest request) {
		return send(request, exchange -> exchange.call(request).flux()).next();
	}

	@Override
	public Flux<ChatResponse> stream(ChatRequest request) {
		return send(request, exchange -> exchange.stream(request));
	}

	/**
	 * The endpoint remembered for a model after a fallback.
	 * @param model the model id
	 * @return the endpoint, or empty when none was remembered
	 */
	public Optional<Endpoint> rememberedEndpoint(String model) {
		return Optional.ofNullable(this.remembered.get(key(model)));
	}

	private Flux<ChatResponse> send(ChatRequest request, Function<ChatExchange, Flux<ChatResponse>> send) {
		return route(request, true).flatMapMany(route -> send(request, route, send));
	}

	private Flux<ChatResponse> send(ChatRequest request, Route route, Function<ChatExchange, Flux<ChatResponse>> send) {
		AtomicBoolean emitted = new AtomicBoolean();
		Flux<ChatResponse> first = send.apply(this.exchanges.get(route.endpoint()))
			.doOnNext(response -> emitted.set(true));
		if (route.remembered()) {
			return first.onErrorResume(failure -> !emitted.get() && ModelRefusal.isRefusal(failure), failure -> {
				forget(request.model(), route.endpoint(), (RelayAiException) failure);
				return route(request, false).flatMapMany(fresh -> send(request, fresh, send));
			});
		}
		if (!route.probe()) {
			// a pin is kept even when the gateway disagrees; the hint then says to
			// change the pin
			return (route.endpoint() == Endpoint.CHAT) ? first.onErrorMap(NonTransientRelayException.NonChatModel.class,
					failure -> this.messages.pinnedToChat(failure)) : first;
		}
		return first.onErrorResume(
				failure -> failure instanceof NonTransientRelayException.NonChatModel && !emitted.get(),
				failure -> this.fallback ? fallback(request, (RelayAiException) failure, send)
						: Flux.error(this.messages.fallbackDisabled((RelayAiException) failure)));
	}

	/**
	 * Where to send a request, whether a NON_CHAT_MODEL answer may send it elsewhere, and
	 * whether the endpoint was remembered from an earlier fallback.
	 */
	private record Route(Endpoint endpoint, boolean probe, boolean remembered) {
	}

	/**
	 * Where to send a request.
	 * @param memory whether an endpoint remembered for the model may be used
	 */
	private Mono<Route> route(ChatRequest request, boolean memory) {
		return Mono.defer(() -> {
			String model = request.model();
			String requested = request.options().getEndpoint();
			Endpoint chosen = (requested != null) ? Endpoint.of(requested) : this.pinned.get(model);
			if (chosen != null) {
				return Mono.just(new Route(chosen, false, false));
			}
			Endpoint remembered = memory ? this.remembered.get(key(model)) : null;
			if (remembered != null) {
				return Mono.just(new Route(remembered, false, true));
			}
			if (this.models == null) {
				return Mono.just(new Route(Endpoint.CHAT, true, false));
			}
			return this.models.endpoints(model).map(reported -> {
				if (!reported.isEmpty() && !reported.contains(Endpoint.CHAT)) {
					logger.debug("The gateway lists model '{}' for {} only; sending it there", model, reported);
					return new Route(reported.iterator().next(), false, false);
				}
				return new Route(Endpoint.CHAT, true, false);
			});
		});
	}

	private Flux<ChatResponse> fallback(ChatRequest request, RelayAiException original,
			Function<ChatExchange, Flux<ChatResponse>> send) {
		List<Endpoint> candidates = Endpoint.suggestedBy(original.error())
			.map(List::of)
			.orElse(List.of(Endpoint.RESPONSES, Endpoint.COMPLETIONS));
		return attempt(request, candidates, 0, original, send);
	}

	private Flux<ChatResponse> attempt(ChatRequest request, List<Endpoint> candidates, int index,
			RelayAiException original, Function<ChatExchange, Flux<ChatResponse>> send) {
		Endpoint endpoint = candidates.get(index);
		AtomicBoolean emitted = new AtomicBoolean();
		Flux<ChatResponse> answer = send.apply(this.exchanges.get(endpoint)).doOnNext(response -> {
			if (emitted.compareAndSet(false, true)) {
				chose(request.model(), endpoint);
			}
		});
		boolean last = index + 1 == candidates.size();
		return answer.onErrorResume(failure -> !emitted.get(), failure -> {
			if (!last && failure instanceof RelayAiException relay && !relay.isTransient()
					&& NOT_SERVED_HERE.contains(relay.error().category())) {
				return attempt(request, candidates, index + 1, original, send);
			}
			failure.addSuppressed(original);
			return Flux.error(failure);
		});
	}

	private void chose(String model, Endpoint endpoint) {
		this.onFallback.accept(model, endpoint);
		if (this.remembered.put(key(model), endpoint) == null) {
			logger.warn("Model '{}' is not a chat model at {}: Relay sent the request to {} instead and will use it "
					+ "for this model from now on. To skip the failed chat request after a restart, pin it: "
					+ "EndpointRouter.Builder pin(\"{}\", {}) (in Spring Boot spring.ai.relay.models[{}].endpoint={}), "
					+ "or RelayChatOptions endpoint \"{}\".", model, this.baseUrl, endpoint.path(), model, endpoint,
					model, endpoint.id(), endpoint.id());
		}
	}

	private void forget(String model, Endpoint endpoint, RelayAiException refusal) {
		if (this.remembered.remove(key(model), endpoint)) {
			logger.warn(
					"Model '{}' was remembered for {} at {}, which now refuses it ({}): the gateway was "
							+ "reconfigured, so Relay forgets that choice and routes the model again.",
					model, endpoint.path(), this.baseUrl, refusal.error().category());
		}
	}

	private String key(String model) {
		return this.baseUrl + ' ' + model;
	}

	/**
	 * Builds an {@link EndpointRouter}.
	 */
	public static final class Builder {

		private final Map<String, Endpoint> pinned = new LinkedHashMap<>();

		private boolean fallback = true;

		private boolean discovery = true;

		private RelayModels models;

		private int cacheSize = DEFAULT_CACHE_SIZE;

		private BiConsumer<String, Endpoint> onFallback = (model, endpoint) -> {
		};

		private Builder() {
		}

		/**
		 * Whether a {@link ErrorCategory#NON_CHAT_MODEL} answer from chat re-sends the
		 * request to the endpoint that serves the model (default {@code true}); when
		 * {@code false} the {@link NonTransientRelayException.NonChatModel} is thrown,
		 * its hint saying how to pin the endpoint.
		 * @param fallback whether to fall back
		 * @return this builder
		 */
		public Builder endpointFallback(boolean fallback) {
			this.fallback = fallback;
			return this;
		}

		/**
		 * Pins the endpoint of a model: it is used without a probe request.
		 * @param model the model id
		 * @param endpoint the endpoint
		 * @return this builder
		 */
		public Builder pin(String model, Endpoint endpoint) {
			this.pinned.put(model, endpoint);
			return this;
		}

		/**
		 * Pins the endpoints of several models.
		 * @param endpoints endpoint by model id
		 * @return this builder
		 */
		public Builder pins(Map<String, Endpoint> endpoints) {
			this.pinned.putAll(endpoints);
			return this;
		}

		/**
		 * Whether to consult the gateway's {@code /v1/models} for
		 * {@code supported_endpoint_types} before the first request to a model (default
		 * {@code true}; the list is fetched once and cached, and a failure to fetch it
		 * never fails a request).
		 * @param discovery whether to use the model list
		 * @return this builder
		 */
		public Builder discovery(boolean discovery) {
			this.discovery = discovery;
			return this;
		}

		/**
		 * The model list to consult (default: a {@link RelayModels} over the same
		 * transport).
		 * @param models the model list
		 * @return this builder
		 */
		public Builder models(RelayModels models) {
			this.models = models;
			return this;
		}

		/**
		 * How many (base URL, model) choices are remembered, least recently used first
		 * out (default {@value EndpointRouter#DEFAULT_CACHE_SIZE}).
		 * @param cacheSize the capacity
		 * @return this builder
		 */
		public Builder cacheSize(int cacheSize) {
			if (cacheSize < 1) {
				throw new IllegalArgumentException("The endpoint cache size must be positive, but was " + cacheSize);
			}
			this.cacheSize = cacheSize;
			return this;
		}

		/**
		 * Counts fallbacks in {@code relay.endpoint.fallbacks}, tagged by model and
		 * endpoint.
		 * @param registry the registry
		 * @return this builder
		 */
		public Builder meterRegistry(MeterRegistry registry) {
			this.onFallback = FallbackCounter.of(registry);
			return this;
		}

		/**
		 * Builds the router over a transport.
		 * @param http the transport (its base URL and classifier are used)
		 * @param imageLimits the limits for input images
		 * @return the router
		 */
		public EndpointRouter build(RelayHttpClient http, ImageLimits imageLimits) {
			return new EndpointRouter(this, Objects.requireNonNull(http, "http must not be null"),
					Objects.requireNonNull(imageLimits, "imageLimits must not be null"));
		}

	}

}
