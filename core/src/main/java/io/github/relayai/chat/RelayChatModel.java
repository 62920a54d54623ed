package io.github.relayai.chat;

import io.github.relayai.endpoint.Endpoint;
import io.github.relayai.error.ProviderErrorClassifier;
import io.github.relayai.error.RelayAiException;
import io.github.relayai.exchange.ChatChain;
import io.github.relayai.exchange.ChatExchange;
import io.github.relayai.exchange.ChatRequest;
import io.github.relayai.routing.Transport;
import io.github.relayai.http.RelayHttpClient;
import io.github.relayai.options.ImageLimits;
import io.github.relayai.options.RelayChatOptions;
import io.github.relayai.resilience.ResiliencePolicy;
import io.github.relayai.routing.EndpointRouter;
import io.github.relayai.upstream.UpstreamExchange;
import java.net.ProxySelector;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;

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

	private final RelayHttpClient http;

	private final EndpointRouter router;

	private final ChatExchange exchange;

	private final RelayChatOptions defaultOptions;

	private RelayChatModel(Builder builder, RelayHttpClient http, ChatChain.Builder chain, ImageLimits imageLimits) {
		this.http = http;
		this.defaultOptions = (builder.defaultOptions != null) ? builder.defaultOptions
				: RelayChatOptions.builder().build();
		if (builder.upstreams != null) {
			this.router = null;
			this.exchange = chain.build(builder.upstreams);
			return;
		}
		this.router = (builder.routing != null) ? builder.routing.build(http, imageLimits) : null;
		Transport transport = (builder.transport != null) ? builder.transport : Transport.AUTO;
		this.exchange = chain.fallbackModels(builder.fallbackModels)
			.build(transport.over((this.router != null) ? this.router : Endpoint.CHAT.exchange(http, imageLimits)));
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
		return this.exchange.call(resolve(prompt)).block();
	}

	@Override
	public Flux<ChatResponse> stream(Prompt prompt) {
		return Flux.defer(() -> this.exchange.stream(resolve(prompt)));
	}

	/**
	 * Validates the prompt and resolves its options against the defaults.
	 */
	private ChatRequest resolve(Prompt prompt) {
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
			throw new IllegalArgumentException(
					"No model is set: set model in the default options (spring.ai.relay.chat.options.model), "
							+ "for example gpt-4o-mini, or pass one in the request options");
		}
		options.validate();
		return new ChatRequest(messages, options);
	}

	/**
	 * The request's options merged field by field over the defaults, the request's value
	 * winning where it is set, whatever their type: headers and extra body fields merge
	 * key by key.
	 */
	private RelayChatOptions resolveOptions(ChatOptions requested) {
		if (requested == null) {
			return this.defaultOptions;
		}
		return this.defaultOptions.mutate().combineWith(requested.mutate()).build();
	}

	/**
	 * The HTTP transport this model sends through; with upstreams, the client it was
	 * given, if any (for health checks), as each upstream has its own.
	 * @return the client, or {@code null} for upstreams without one
	 */
	public RelayHttpClient httpClient() {
		return this.http;
	}

	/**
	 * The endpoint this model learned for a model after the gateway refused it at chat.
	 * @param model the model id
	 * @return the endpoint, or empty when none was learned
	 */
	public Optional<Endpoint> rememberedEndpoint(String model) {
		return (this.router != null) ? this.router.rememberedEndpoint(model) : Optional.empty();
	}

	/**
	 * Builds a {@link RelayChatModel}.
	 */
	public static final class Builder extends ChatChain.ModelBuilder<Builder> {

		private final RelayHttpClient.Builder http = RelayHttpClient.builder();

		private RelayHttpClient httpClient;

		private RelayChatOptions defaultOptions;

		private Transport transport;

		private UpstreamExchange upstreams;

		private List<String> fallbackModels = List.of();

		private EndpointRouter.Builder routing;

		private boolean connectionSet;

		private Builder() {
		}

		@Override
		protected Builder self() {
			return this;
		}

		/**
		 * The gateway root, with or without a trailing {@code /v1}.
		 * @param baseUrl the base URL
		 * @return this builder
		 */
		public Builder baseUrl(String baseUrl) {
			this.connectionSet = true;
			this.http.baseUrl(baseUrl);
			return this;
		}

		/**
		 * The API key, sent as a bearer token.
		 * @param apiKey the key
		 * @return this builder
		 */
		public Builder apiKey(String apiKey) {
			this.connectionSet = true;
			this.http.apiKey(apiKey);
			return this;
		}

		/**
		 * How long to wait for a connection (default 10s).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder connectTimeout(Duration timeout) {
			this.connectionSet = true;
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
			this.connectionSet = true;
			this.http.readIdleTimeout(timeout);
			return this;
		}

		/**
		 * Headers sent with every request.
		 * @param headers the headers
		 * @return this builder
		 */
		public Builder headers(Map<String, String> headers) {
			this.connectionSet = true;
			this.http.headers(headers);
			return this;
		}

		/**
		 * The proxy to connect through.
		 * @param proxy the proxy selector
		 * @return this builder
		 */
		public Builder proxy(ProxySelector proxy) {
			this.connectionSet = true;
			this.http.proxy(proxy);
			return this;
		}

		/**
		 * The largest answer accepted (default 32 MB).
		 * @param bytes the limit
		 * @return this builder
		 */
		public Builder maxResponseBytes(int bytes) {
			this.connectionSet = true;
			this.http.maxResponseBytes(bytes);
			return this;
		}

		/**
		 * The classifier that types failures.
		 * @param classifier the classifier
		 * @return this builder
		 */
		public Builder classifier(ProviderErrorClassifier classifier) {
			this.connectionSet = true;
			this.http.classifier(classifier);
			return this;
		}

		/**
		 * A ready transport, instead of the connection settings above (setting both
		 * fails).
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
		 * How models are routed to {@code /v1/chat/completions}, {@code /v1/completions}
		 * or {@code /v1/responses} (default: no routing, every request goes to
		 * {@code /v1/chat/completions}); the router is built over this model's transport
		 * and image limits.
		 * @param routing the router settings
		 * @return this builder
		 */
		public Builder routing(EndpointRouter.Builder routing) {
			this.routing = java.util.Objects.requireNonNull(routing, "routing must not be null");
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
		 * failing (default none), one per attempt within the resilience policy's
		 * {@code maxAttempts}; see {@link ChatChain}.
		 * @param fallbackModels the models
		 * @return this builder
		 */
		public Builder fallbackModels(List<String> fallbackModels) {
			this.fallbackModels = List.copyOf(fallbackModels);
			return this;
		}

		/**
		 * Sends every request through several upstreams instead of one gateway: the
		 * upstream exchange chooses an upstream for each attempt and decides about
		 * failover, retries and fallback models itself, so this builder's
		 * {@code resilience}, {@code routing}, {@code transport} and
		 * {@code fallbackModels} must stay unset (they belong to the exchanges of the
		 * upstreams). Connection settings or a client, when set, only give
		 * {@link RelayChatModel#httpClient()}.
		 * @param upstreams the upstream exchange
		 * @return this builder
		 */
		public Builder upstreams(UpstreamExchange upstreams) {
			this.upstreams = java.util.Objects.requireNonNull(upstreams, "upstreams must not be null");
			return this;
		}

		/**
		 * Builds the model.
		 * @return the model
		 * @throws IllegalArgumentException naming the setting when one is invalid
		 */
		public RelayChatModel build() {
			if (this.httpClient != null && this.connectionSet) {
				throw new IllegalArgumentException(
						"Set either httpClient or the connection settings (baseUrl, apiKey, ...), not both");
			}
			if (this.upstreams != null && (resilienceSet() || this.routing != null || this.transport != null
					|| !this.fallbackModels.isEmpty())) {
				throw new IllegalArgumentException("With upstreams, set resilience, routing, transport and fallback "
						+ "models on the upstream exchange and the exchanges of its upstreams, not on the chat model");
			}
			RelayHttpClient http = (this.httpClient != null) ? this.httpClient
					: (this.upstreams != null && !this.connectionSet) ? null : this.http.build();
			ChatChain.Builder chain = chain(PROVIDER)
				.resilience((this.upstreams != null) ? ResiliencePolicy.NONE : resilience(http));
			return new RelayChatModel(this, http, chain, imageLimits());
		}

	}

}
