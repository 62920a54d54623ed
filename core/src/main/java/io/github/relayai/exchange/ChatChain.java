package io.github.relayai.exchange;

import io.github.relayai.http.RelayHttpClient;
import io.github.relayai.options.ImageLimits;
import io.github.relayai.resilience.Resilience4jPolicy;
import io.github.relayai.resilience.ResiliencePolicy;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.Objects;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.chat.model.ChatResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * The chain every chat request goes through, assembled here and nowhere else. From the
 * outside in, a request passes:
 * <ol>
 * <li><b>observation</b> ({@code ObservedExchange}): Spring AI's chat model operation,
 * when an {@link ObservationRegistry} is set;</li>
 * <li><b>request listener</b> ({@code ListenedExchange}): told once about the request,
 * after all its attempts;</li>
 * <li><b>resilience</b> ({@code ResilientExchange}): the {@link ResiliencePolicy}; its
 * retry budget ({@code maxAttempts} requests) bounds every attempt of the request, and
 * the links below it see the request's {@link Attempts} in the Reactor context;</li>
 * <li><b>fallback models</b> ({@code FallbackModels}): the model of each attempt;</li>
 * <li><b>endpoint</b>: the exchange given to {@link Builder#build(ChatExchange)}. Relay's
 * models give it what package {@code routing} makes of the gateway: the transport switch
 * ({@code Transport.over}: whether a call's attempt is sent plainly or as a stream) over
 * the {@code EndpointRouter} (which endpoint serves the model), over the protocol
 * adapters of package {@code endpoint}.</li>
 * </ol>
 * With several upstreams, an {@code UpstreamExchange} (package {@code upstream}) is the
 * endpoint of a chain with no retries and no fallback models: it sends each attempt to an
 * upstream through that upstream's transport switch and router, and decides itself about
 * failover, retries and fallbacks, within its own attempt budget.
 * <p>
 * A link is a {@link ChatExchange} over the next one. A link that acts once per request
 * goes above resilience; one that acts per attempt (choosing what the attempt sends, or
 * where) goes below it, reads the request's {@link Attempts}, and marks them moved on
 * when the next attempt should be sent at once. A prompt passes each package once: chat,
 * exchange, upstream (when configured), routing, endpoint, http.
 */
public final class ChatChain {

	private ChatChain() {
	}

	/**
	 * Folds a streamed answer into the one response a plain call returns: text and
	 * reasoning concatenated per choice, tool calls and media collected, the last finish
	 * reason, the usage of the usage chunk and the metadata merged.
	 * @param stream the deltas
	 * @return the whole answer, or the stream's failure
	 */
	public static Mono<ChatResponse> aggregate(Flux<ChatResponse> stream) {
		return StreamAggregate.of(stream);
	}

	/**
	 * Starts a chain with no observation, listener, retries or fallback models.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builds a chain.
	 */
	public static final class Builder {

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private ChatModelObservationConvention observationConvention;

		private String provider = "relay";

		private RequestListener requestListener;

		private ResiliencePolicy resilience = ResiliencePolicy.NONE;

		private List<String> fallbackModels = List.of();

		private Builder() {
		}

		/**
		 * Where observations go, and under which provider name.
		 * @param registry the registry, or {@code null} for none
		 * @param convention a custom convention, or {@code null} for Spring AI's
		 * @param provider the provider name in observations
		 * @return this builder
		 */
		public Builder observation(ObservationRegistry registry, ChatModelObservationConvention convention,
				String provider) {
			this.observationRegistry = (registry != null) ? registry : ObservationRegistry.NOOP;
			this.observationConvention = convention;
			this.provider = Objects.requireNonNull(provider, "provider must not be null");
			return this;
		}

		/**
		 * The listener told about every finished request, or {@code null} for none.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder requestListener(RequestListener listener) {
			this.requestListener = listener;
			return this;
		}

		/**
		 * The resilience policy, whose retry budget bounds every attempt of a request.
		 * @param resilience the policy
		 * @return this builder
		 */
		public Builder resilience(ResiliencePolicy resilience) {
			this.resilience = Objects.requireNonNull(resilience, "resilience must not be null");
			return this;
		}

		/**
		 * The models tried in order, one per attempt, after the requested one.
		 * @param fallbackModels the models
		 * @return this builder
		 * @throws IllegalArgumentException when a name is blank
		 */
		public Builder fallbackModels(List<String> fallbackModels) {
			List<String> models = List
				.copyOf(Objects.requireNonNull(fallbackModels, "fallbackModels must not be null"));
			models.forEach(model -> {
				if (model.isBlank()) {
					throw new IllegalArgumentException("fallbackModels must not contain blank names");
				}
			});
			this.fallbackModels = models;
			return this;
		}

		/**
		 * Assembles the chain, innermost link first.
		 * @param endpoint the exchange that chooses the endpoint and sends the request
		 * @return the outermost link
		 */
		public ChatExchange build(ChatExchange endpoint) {
			ChatExchange chain = Objects.requireNonNull(endpoint, "endpoint must not be null");
			if (!this.fallbackModels.isEmpty()) {
				chain = new FallbackModels(chain, this.fallbackModels);
			}
			chain = new ResilientExchange(chain, this.resilience);
			if (this.requestListener != null) {
				chain = new ListenedExchange(chain, this.requestListener);
			}
			if (!this.observationRegistry.isNoop()) {
				chain = new ObservedExchange(chain, this.observationRegistry, this.observationConvention,
						this.provider);
			}
			return chain;
		}

	}

	/**
	 * The settings a model shares with the chain its requests go through: observations,
	 * request listeners, the resilience policy and the limits for input images. The chat
	 * and the image model builders extend it, so each setting is written and documented
	 * once.
	 *
	 * @param <B> the concrete builder
	 */
	public abstract static class ModelBuilder<B extends ModelBuilder<B>> {

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private ChatModelObservationConvention observationConvention;

		private RequestListener requestListener;

		private ResiliencePolicy resilience;

		private ImageLimits imageLimits = ImageLimits.DEFAULTS;

		/**
		 * Creates the settings with their defaults.
		 */
		protected ModelBuilder() {
		}

		/**
		 * This builder, as its concrete type.
		 * @return this builder
		 */
		protected abstract B self();

		/**
		 * Where observations go (default none).
		 * @param observationRegistry the registry, or {@code null} for none
		 * @return this builder
		 */
		public B observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = (observationRegistry != null) ? observationRegistry : ObservationRegistry.NOOP;
			return self();
		}

		/**
		 * A custom observation convention.
		 * @param observationConvention the convention
		 * @return this builder
		 */
		public B observationConvention(ChatModelObservationConvention observationConvention) {
			this.observationConvention = observationConvention;
			return self();
		}

		/**
		 * Adds a listener told once about every finished request, after retries and
		 * fallback models, for example to publish metrics.
		 * @param listener the listener
		 * @return this builder
		 */
		public B requestListener(RequestListener listener) {
			Objects.requireNonNull(listener, "listener must not be null");
			this.requestListener = (this.requestListener != null) ? this.requestListener.andThen(listener) : listener;
			return self();
		}

		/**
		 * The resilience policy wrapped around each request (default
		 * {@link Resilience4jPolicy} with its default settings: retries and a local
		 * queue; {@link ResiliencePolicy#NONE} sends each request once).
		 * @param resilience the policy
		 * @return this builder
		 */
		public B resilience(ResiliencePolicy resilience) {
			this.resilience = resilience;
			return self();
		}

		/**
		 * Limits for input images (default 5 images of 20 MB; at most 10).
		 * @param imageLimits the limits
		 * @return this builder
		 */
		public B imageLimits(ImageLimits imageLimits) {
			this.imageLimits = Objects.requireNonNull(imageLimits, "imageLimits must not be null");
			return self();
		}

		/**
		 * The limits for input images.
		 * @return the limits
		 */
		protected ImageLimits imageLimits() {
			return this.imageLimits;
		}

		/**
		 * Whether a resilience policy was set.
		 * @return {@code true} after {@link #resilience(ResiliencePolicy)}
		 */
		protected boolean resilienceSet() {
			return this.resilience != null;
		}

		/**
		 * The resilience policy set, or the default one in the transport's language.
		 * @param http the transport the requests go over
		 * @return the policy
		 */
		protected ResiliencePolicy resilience(RelayHttpClient http) {
			return (this.resilience != null) ? this.resilience
					: Resilience4jPolicy.builder().locale(http.classifier().locale()).build();
		}

		/**
		 * A chain builder with the observation and listeners of these settings; the
		 * resilience policy is the caller's to set.
		 * @param provider the provider name in observations
		 * @return a new chain builder
		 */
		protected Builder chain(String provider) {
			return builder().observation(this.observationRegistry, this.observationConvention, provider)
				.requestListener(this.requestListener);
		}

	}

	/**
	 * The attempts of one request: what the next one sends (which model, whether as a
	 * stream), shared through the Reactor context by the links inside
	 * {@code ResilientExchange}. A link that changes what the next attempt sends marks
	 * the failed attempt as moved on, so the policy sends the next one at once even when
	 * the failure itself is not worth a retry; every attempt counts against the policy's
	 * one budget.
	 */
	public static final class Attempts {

		private static final Object KEY = Attempts.class;

		private volatile int model;

		private volatile boolean stream;

		private volatile boolean movedOn;

		Attempts() {
		}

		/**
		 * The attempts of the request being sent.
		 * @param context the Reactor context of a link below resilience
		 * @return the request's attempts; outside a chain, those of a request sent once
		 */
		public static Attempts of(ContextView context) {
			return context.hasKey(KEY) ? context.get(KEY) : new Attempts();
		}

		/** The Reactor context key of a request's attempts. */
		static Object key() {
			return KEY;
		}

		/**
		 * Which model the next attempt is for: 0 the requested one, n the n-th fallback.
		 */
		int model() {
			return this.model;
		}

		/**
		 * Whether the next attempt goes as a stream.
		 * @return whether it does
		 */
		public boolean stream() {
			return this.stream;
		}

		/**
		 * Sends the next attempt for the next fallback model, unless it moved on already.
		 */
		void nextModel() {
			if (!this.movedOn) {
				this.model++;
				this.movedOn = true;
			}
		}

		/**
		 * Sends the next attempts as streams, at once.
		 */
		public void streamNext() {
			this.stream = true;
			this.movedOn = true;
		}

		/**
		 * Whether the attempt that just failed moved on to something else; clears the
		 * mark.
		 */
		boolean movedOn(Throwable failure) {
			boolean moved = this.movedOn;
			this.movedOn = false;
			return moved;
		}

	}

}
