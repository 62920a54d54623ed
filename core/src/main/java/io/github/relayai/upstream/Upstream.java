package io.github.relayai.upstream;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.github.relayai.http.ApiKey;

/**
 * One gateway, or one key on a gateway, that can serve requests
 * ({@code spring.ai.relay.upstreams.<name>.*}). Its {@link ApiKey} masks itself, so an
 * upstream can be logged or shown whole.
 *
 * @param name the name that metrics, health and exceptions show
 * @param baseUrl the gateway root, with or without a trailing {@code /v1}
 * @param apiKey the key sent as a bearer token
 * @param weight the share of requests it gets under weighted balancing (at least 1)
 * @param models the models it serves, each mapped to the name this upstream knows it by;
 * empty when it serves every model under its requested name
 * @param headers headers sent with every request to it
 * @param maxConcurrentCalls the most requests in flight to it at once; {@code 0} for no
 * limit
 * @param enabled whether requests are sent to it
 * @param firstEventTimeout the longest wait for the answer's headers and first event
 * @param stallTimeout the longest wait between two pieces of an answer once it has begun
 */
public record Upstream(String name, String baseUrl, ApiKey apiKey, int weight, Map<String, String> models,
		Map<String, String> headers, int maxConcurrentCalls, boolean enabled, Duration firstEventTimeout,
		Duration stallTimeout) {

	/** The default wait for the first event: reasoning models think for minutes. */
	public static final Duration DEFAULT_FIRST_EVENT_TIMEOUT = Duration.ofMinutes(10);

	/** The default wait between events, today's {@code read-idle-timeout} default. */
	public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofMinutes(5);

	public Upstream {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("Every upstream needs a name");
		}
		if (baseUrl == null || baseUrl.isBlank()) {
			throw new IllegalArgumentException("Upstream '" + name + "': baseUrl must be set");
		}
		apiKey = (apiKey != null) ? apiKey : ApiKey.of(null);
		if (weight < 1) {
			throw new IllegalArgumentException("Upstream '" + name + "': weight must be at least 1, but was " + weight);
		}
		models = Map.copyOf(Objects.requireNonNull(models, "models must not be null"));
		headers = Map.copyOf(Objects.requireNonNull(headers, "headers must not be null"));
		if (maxConcurrentCalls < 0) {
			throw new IllegalArgumentException(
					"Upstream '" + name + "': maxConcurrentCalls must not be negative, but was " + maxConcurrentCalls);
		}
		positive(firstEventTimeout, name, "firstEventTimeout");
		positive(stallTimeout, name, "stallTimeout");
	}

	private static void positive(Duration duration, String name, String property) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(
					"Upstream '" + name + "': " + property + " must be a positive duration, but was " + duration);
		}
	}

	/**
	 * Shows everything but the key and the header values, which may hold secrets too.
	 */
	@Override
	public String toString() {
		return "Upstream{name=" + this.name + ", baseUrl=" + this.baseUrl + ", apiKey=" + this.apiKey + ", weight="
				+ this.weight + ", models=" + this.models + ", headers=" + this.headers.keySet()
				+ ", maxConcurrentCalls=" + this.maxConcurrentCalls + ", enabled=" + this.enabled
				+ ", firstEventTimeout=" + this.firstEventTimeout + ", stallTimeout=" + this.stallTimeout + "}";
	}

	/**
	 * Starts an upstream.
	 * @param name its name
	 * @param baseUrl its base URL
	 * @return a builder with weight 1, every model, no limit, enabled and the default
	 * timeouts
	 */
	public static Builder builder(String name, String baseUrl) {
		return new Builder(name, baseUrl);
	}

	/**
	 * Whether this upstream serves a model.
	 * @param model the requested model
	 * @return {@code true} when it lists the model or lists none
	 */
	public boolean serves(String model) {
		return this.models.isEmpty() || this.models.containsKey(model);
	}

	/**
	 * The name this upstream knows a model by.
	 * @param model the requested model
	 * @return the mapped name, or the model itself
	 */
	public String modelFor(String model) {
		String mapped = this.models.get(model);
		return (mapped == null || mapped.isBlank()) ? model : mapped;
	}

	/** Builds an {@link Upstream}. */
	public static final class Builder {

		private final String name;

		private final String baseUrl;

		private ApiKey apiKey = ApiKey.of(null);

		private int weight = 1;

		private final Map<String, String> models = new LinkedHashMap<>();

		private final Map<String, String> headers = new LinkedHashMap<>();

		private int maxConcurrentCalls;

		private boolean enabled = true;

		private Duration firstEventTimeout = DEFAULT_FIRST_EVENT_TIMEOUT;

		private Duration stallTimeout = DEFAULT_STALL_TIMEOUT;

		private Builder(String name, String baseUrl) {
			this.name = name;
			this.baseUrl = baseUrl;
		}

		/**
		 * The API key.
		 * @param apiKey the key, may be {@code null} for none
		 * @return this builder
		 */
		public Builder apiKey(String apiKey) {
			this.apiKey = ApiKey.of(apiKey);
			return this;
		}

		/**
		 * The weight (default 1).
		 * @param weight the weight
		 * @return this builder
		 */
		public Builder weight(int weight) {
			this.weight = weight;
			return this;
		}

		/**
		 * Serves a model under its own name.
		 * @param model the model
		 * @return this builder
		 */
		public Builder model(String model) {
			return model(model, model);
		}

		/**
		 * Serves a model under another name.
		 * @param model the requested model
		 * @param upstreamModel the name this upstream knows it by
		 * @return this builder
		 */
		public Builder model(String model, String upstreamModel) {
			this.models.put(model, upstreamModel);
			return this;
		}

		/**
		 * Serves models, each mapped to this upstream's name for it (a blank name keeps
		 * the requested one).
		 * @param models the models
		 * @return this builder
		 */
		public Builder models(Map<String, String> models) {
			this.models.putAll(models);
			return this;
		}

		/**
		 * Headers sent with every request.
		 * @param headers the headers
		 * @return this builder
		 */
		public Builder headers(Map<String, String> headers) {
			this.headers.putAll(headers);
			return this;
		}

		/**
		 * The most requests in flight at once (default 0, no limit).
		 * @param maxConcurrentCalls the limit
		 * @return this builder
		 */
		public Builder maxConcurrentCalls(int maxConcurrentCalls) {
			this.maxConcurrentCalls = maxConcurrentCalls;
			return this;
		}

		/**
		 * Whether requests are sent to it (default {@code true}).
		 * @param enabled whether it is used
		 * @return this builder
		 */
		public Builder enabled(boolean enabled) {
			this.enabled = enabled;
			return this;
		}

		/**
		 * The longest wait for the headers and first event (default 10m).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder firstEventTimeout(Duration timeout) {
			this.firstEventTimeout = timeout;
			return this;
		}

		/**
		 * The longest wait between pieces of an answer once it has begun (default 5m).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder stallTimeout(Duration timeout) {
			this.stallTimeout = timeout;
			return this;
		}

		/**
		 * Builds the upstream.
		 * @return the upstream
		 * @throws IllegalArgumentException naming the setting when one is invalid
		 */
		public Upstream build() {
			return new Upstream(this.name, this.baseUrl, this.apiKey, this.weight, this.models, this.headers,
					this.maxConcurrentCalls, this.enabled, this.firstEventTimeout, this.stallTimeout);
		}

	}

}
