package io.github.relayai.chat;

import java.net.ProxySelector;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.relayai.error.ProviderErrorClassifier;
import io.github.relayai.http.RelayHttpClient;
import io.github.relayai.media.ImageEncoder;
import io.github.relayai.media.ImageLimits;
import io.github.relayai.resilience.FallbackModels;
import io.github.relayai.resilience.Resilience4jPolicy;
import io.github.relayai.resilience.ResiliencePolicy;
import io.github.relayai.resilience.StreamAggregate;
import io.github.relayai.resilience.Transport;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.chat.observation.ChatModelObservationDocumentation;
import org.springframework.ai.chat.observation.DefaultChatModelObservationConvention;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Spring AI {@link ChatModel} for OpenAI-compatible gateways: {@code call} and
 * {@code stream} over {@code /v1/chat/completions}, tolerant of the many ways gateways
 * bend the protocol, with every failure reported as a typed
 * {@link io.github.relayai.error.RelayAiException}.
 * <p>
 * Build one with {@link #builder()}; in Spring Boot the starter builds it from
 * {@code spring.ai.relay.*}. Tool calls are returned to the caller (Spring AI's
 * {@code ChatClient} runs the tool loop).
 */
public final class RelayChatModel implements ChatModel {

	/** The provider name in observations. */
	public static final String PROVIDER = "relay";

	private static final ChatModelObservationConvention DEFAULT_CONVENTION = new DefaultChatModelObservationConvention();

	private final RelayHttpClient http;

	private final ChatExchange exchange;

	private final RelayChatOptions defaultOptions;

	private final ObservationRegistry observationRegistry;

	private final ChatModelObservationConvention observationConvention;

	private RelayChatModel(Builder builder, RelayHttpClient http) {
		this.http = http;
		this.defaultOptions = (builder.defaultOptions != null) ? builder.defaultOptions
				: RelayChatOptions.builder().build();
		this.observationRegistry = builder.observationRegistry;
		this.observationConvention = (builder.observationConvention != null) ? builder.observationConvention
				: DEFAULT_CONVENTION;
		ChatExchange endpoint = (builder.exchange != null) ? builder.exchange : new ChatCompletionsExchange(http,
				JsonMapper.builder().build(), new ImageEncoder(builder.imageLimits));
		ResiliencePolicy resilience = (builder.resilience != null) ? builder.resilience
				: Resilience4jPolicy.builder().locale(http.classifier().locale()).build();
		ChatExchange outer = FallbackModels.apply(new ResilientExchange(builder.transport.apply(endpoint), resilience),
				builder.fallbackModels);
		this.exchange = (builder.requestListener != null) ? new ListenedExchange(outer, builder.requestListener)
				: outer;
	}

	/**
	 * Creates a builder.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public RelayChatOptions getOptions() {
		return this.defaultOptions;
	}

	@Override
	@Deprecated(forRemoval = true)
	@SuppressWarnings("removal")
	public ChatOptions getDefaultOptions() {
		return this.defaultOptions;
	}

	@Override
	public ChatResponse call(Prompt prompt) {
		Prompt request = resolve(prompt);
		if (this.observationRegistry.isNoop()) {
			// nothing observes the call: no observation context to build
			return this.exchange.call(chatRequest(request)).block();
		}
		ChatModelObservationContext context = ChatModelObservationContext.builder()
			.prompt(request)
			.provider(PROVIDER)
			.build();
		return ChatModelObservationDocumentation.CHAT_MODEL_OPERATION
			.observation(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry)
			.observe(() -> {
				ChatResponse response = this.exchange.call(chatRequest(request)).block();
				answered(context, response);
				return response;
			});
	}

	@Override
	public Flux<ChatResponse> stream(Prompt prompt) {
		return Flux.deferContextual(contextView -> {
			Prompt request = resolve(prompt);
			ChatModelObservationContext context = ChatModelObservationContext.builder()
				.prompt(request)
				.provider(PROVIDER)
				.streaming(true)
				.build();
			Observation observation = ChatModelObservationDocumentation.CHAT_MODEL_OPERATION
				.observation(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry);
			if (observation.isNoop()) {
				// nothing observes the stream: no operator per chunk for it
				return this.exchange.stream(chatRequest(request));
			}
			Observation parent = contextView.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
			observation.parentObservation(parent).start();
			Flux<ChatResponse> observed = this.exchange.stream(chatRequest(request))
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
		String upstream = (response != null) ? response.getMetadata().get(ChatResponses.UPSTREAM) : null;
		if (upstream != null) {
			context.addLowCardinalityKeyValue(KeyValue.of(ChatResponses.UPSTREAM, upstream));
			String model = response.getMetadata().get(FallbackModels.MODEL_KEY);
			if (model != null) {
				context.addLowCardinalityKeyValue(KeyValue.of(FallbackModels.MODEL_KEY, model));
			}
		}
	}

	private static ChatRequest chatRequest(Prompt request) {
		return new ChatRequest(request.getInstructions(), (RelayChatOptions) request.getOptions());
	}

	/**
	 * Validates the prompt and resolves its options against the defaults.
	 */
	private Prompt resolve(Prompt prompt) {
		if (prompt == null) {
			throw new IllegalArgumentException("The prompt must not be null");
		}
		List<Message> messages = prompt.getInstructions();
		if (messages == null || messages.isEmpty()) {
			throw new IllegalArgumentException("The prompt has no messages: add at least one user message");
		}
		boolean hasContent = messages.stream()
			.anyMatch(m -> (m.getText() != null && !m.getText().isBlank())
					|| (m instanceof org.springframework.ai.content.MediaContent media && !media.getMedia().isEmpty())
					|| !(m instanceof org.springframework.ai.chat.messages.UserMessage
							|| m instanceof org.springframework.ai.chat.messages.SystemMessage));
		if (!hasContent) {
			throw new IllegalArgumentException("The prompt's messages are all empty: give the user message some text");
		}
		RelayChatOptions options = resolveOptions(prompt.getOptions());
		if (options.getModel() == null || options.getModel().isBlank()) {
			throw new IllegalArgumentException("No model is set: configure spring.ai.relay.chat.options.model "
					+ "(for example gpt-4o-mini) or pass one in the request options");
		}
		OptionsCheck.check(options);
		return prompt.mutate().chatOptions(options).build();
	}

	private RelayChatOptions resolveOptions(ChatOptions requested) {
		if (requested == null) {
			return this.defaultOptions;
		}
		if (requested instanceof RelayChatOptions relay) {
			return (relay.getModel() != null) ? relay : relay.mutate().model(this.defaultOptions.getModel()).build();
		}
		return this.defaultOptions.mutate().combineWith(requested.mutate()).build();
	}

	/**
	 * The HTTP transport this model sends through.
	 * @return the client
	 */
	public RelayHttpClient httpClient() {
		return this.http;
	}

	/**
	 * Builds a {@link RelayChatModel}.
	 */
	public static final class Builder {

		private final RelayHttpClient.Builder http = RelayHttpClient.builder();

		private RelayHttpClient httpClient;

		private RelayChatOptions defaultOptions;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private ChatModelObservationConvention observationConvention;

		private ImageLimits imageLimits = ImageLimits.DEFAULTS;

		private ResiliencePolicy resilience;

		private Transport transport = Transport.AUTO;

		private List<String> fallbackModels = List.of();

		private ChatExchange exchange;

		private RequestListener requestListener;

		private Builder() {
		}

		/**
		 * The gateway root, with or without a trailing {@code /v1}.
		 * @param baseUrl the base URL
		 * @return this builder
		 */
		public Builder baseUrl(String baseUrl) {
			this.http.baseUrl(baseUrl);
			return this;
		}

		/**
		 * The API key, sent as a bearer token.
		 * @param apiKey the key
		 * @return this builder
		 */
		public Builder apiKey(String apiKey) {
			this.http.apiKey(apiKey);
			return this;
		}

		/**
		 * How long to wait for a connection (default 10s).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder connectTimeout(Duration timeout) {
			this.http.connectTimeout(timeout);
			return this;
		}

		/**
		 * How long to wait for the answer's headers and between pieces of its body
		 * (default 5m).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder readIdleTimeout(Duration timeout) {
			this.http.readIdleTimeout(timeout);
			return this;
		}

		/**
		 * Headers sent with every request.
		 * @param headers the headers
		 * @return this builder
		 */
		public Builder headers(Map<String, String> headers) {
			this.http.headers(headers);
			return this;
		}

		/**
		 * The proxy to connect through.
		 * @param proxy the proxy selector
		 * @return this builder
		 */
		public Builder proxy(ProxySelector proxy) {
			this.http.proxy(proxy);
			return this;
		}

		/**
		 * The largest answer accepted (default 32 MB).
		 * @param bytes the limit
		 * @return this builder
		 */
		public Builder maxResponseBytes(int bytes) {
			this.http.maxResponseBytes(bytes);
			return this;
		}

		/**
		 * The classifier that types failures.
		 * @param classifier the classifier
		 * @return this builder
		 */
		public Builder classifier(ProviderErrorClassifier classifier) {
			this.http.classifier(classifier);
			return this;
		}

		/**
		 * A ready transport; replaces the connection settings above.
		 * @param httpClient the transport
		 * @return this builder
		 */
		public Builder httpClient(RelayHttpClient httpClient) {
			this.httpClient = httpClient;
			return this;
		}

		/**
		 * The options used when a request sets none.
		 * @param defaultOptions the defaults
		 * @return this builder
		 */
		public Builder defaultOptions(RelayChatOptions defaultOptions) {
			this.defaultOptions = defaultOptions;
			return this;
		}

		/**
		 * Where observations go (default none).
		 * @param observationRegistry the registry, or {@code null} for none
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = (observationRegistry != null) ? observationRegistry : ObservationRegistry.NOOP;
			return this;
		}

		/**
		 * A custom observation convention.
		 * @param observationConvention the convention
		 * @return this builder
		 */
		public Builder observationConvention(ChatModelObservationConvention observationConvention) {
			this.observationConvention = observationConvention;
			return this;
		}

		/**
		 * Limits for input images (default 5 images of 20 MB).
		 * @param imageLimits the limits
		 * @return this builder
		 */
		public Builder imageLimits(ImageLimits imageLimits) {
			this.imageLimits = imageLimits;
			return this;
		}

		/**
		 * The resilience policy wrapped around each request (default
		 * {@link Resilience4jPolicy} with its default settings: retries and a local
		 * queue; {@link ResiliencePolicy#NONE} sends each request once).
		 * @param resilience the policy
		 * @return this builder
		 */
		public Builder resilience(ResiliencePolicy resilience) {
			this.resilience = resilience;
			return this;
		}

		/**
		 * The exchange requests go through (default: {@code /v1/chat/completions} over
		 * this builder's transport and image limits). Pass an
		 * {@link io.github.relayai.routing.EndpointRouter} built on the same transport to
		 * route models that are not chat models to {@code /v1/completions} or
		 * {@code /v1/responses}; the resilience policy still wraps it.
		 * @param exchange the exchange
		 * @return this builder
		 */
		public Builder exchange(ChatExchange exchange) {
			this.exchange = exchange;
			return this;
		}

		/**
		 * How whole-answer calls are sent (default {@link Transport#AUTO}).
		 * @param transport the transport
		 * @return this builder
		 */
		public Builder transport(Transport transport) {
			this.transport = java.util.Objects.requireNonNull(transport, "transport must not be null");
			return this;
		}

		/**
		 * Models tried in order when the requested one is not found, unavailable or still
		 * failing after its retries (default none); see {@link FallbackModels}.
		 * @param fallbackModels the models
		 * @return this builder
		 */
		public Builder fallbackModels(List<String> fallbackModels) {
			this.fallbackModels = List.copyOf(fallbackModels);
			return this;
		}

		/**
		 * Adds a listener told once about every finished request, after retries and
		 * fallback models, for example to publish metrics.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder requestListener(RequestListener listener) {
			java.util.Objects.requireNonNull(listener, "listener must not be null");
			this.requestListener = (this.requestListener != null) ? this.requestListener.andThen(listener) : listener;
			return this;
		}

		/**
		 * Builds the model.
		 * @return the model
		 * @throws IllegalArgumentException naming the setting when one is invalid
		 */
		public RelayChatModel build() {
			return new RelayChatModel(this, (this.httpClient != null) ? this.httpClient : this.http.build());
		}

	}

}
