package io.github.relayai.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.relayai.endpoint.Endpoint;
import io.github.relayai.upstream.UpstreamPool.Balancing;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How Relay reaches its gateways ({@code spring.ai.relay.*}): the gateway's address, key,
 * timeouts, headers, proxy and size limits; several upstreams and how requests are spread
 * over them (see docs/upstreams.md); and the endpoint pinned for a model. The one
 * properties class of the {@code spring.ai.relay} prefix.
 */
@ConfigurationProperties(RelayConnectionProperties.PREFIX)
public class RelayConnectionProperties {

	/** The prefix of these properties. */
	public static final String PREFIX = "spring.ai.relay";

	/**
	 * Root URL of the OpenAI-compatible gateway, with or without a trailing /v1, for
	 * example https://gateway.example.com/v1.
	 */
	private String baseUrl;

	/**
	 * API key sent as a bearer token. Never logged or shown by actuator endpoints.
	 */
	private String apiKey;

	/**
	 * How long to wait for a TCP/TLS connection to the gateway.
	 */
	private Duration connectTimeout = Duration.ofSeconds(10);

	/**
	 * How long to wait for the answer's headers and then between any two pieces of the
	 * body; keep-alive comments in a stream reset it, so long live streams are never cut
	 * off. Checked every tenth of its length, so a silent gateway is given up on after 1
	 * to 1.1 times this.
	 */
	private Duration readIdleTimeout = Duration.ofMinutes(5);

	/**
	 * Extra HTTP headers sent with every request, for example an organisation or routing
	 * header.
	 */
	private Map<String, String> headers = new LinkedHashMap<>();

	/**
	 * Largest answer, or single stream event, accepted from the gateway.
	 */
	private DataSize maxResponseSize = DataSize.ofMegabytes(32);

	/**
	 * HTTP proxy to connect through.
	 */
	private final Proxy proxy = new Proxy();

	/**
	 * Limits for images sent to the model, by the chat model and the image model alike.
	 */
	private final InputImages inputImages = new InputImages();

	/**
	 * Gateways or keys by name. With spring.ai.relay.base-url also set, that gateway is
	 * one more upstream, named "default".
	 */
	private Map<String, UpstreamSettings> upstreams = new LinkedHashMap<>();

	/**
	 * Longest wait for an answer's headers and first event (for a call, its whole answer)
	 * on each upstream; reasoning models think for minutes. A stall before the first
	 * event is a retryable TIMEOUT that moves to another upstream.
	 */
	private Duration firstEventTimeout = Duration.ofMinutes(10);

	/**
	 * How requests pick among upstreams.
	 */
	private final BalancingSettings balancing = new BalancingSettings();

	/**
	 * Settings by model id as the gateway names it. Model ids containing dots need the
	 * bracket form in properties files (spring.ai.relay.models[gpt-5.2-pro].endpoint) and
	 * quoted brackets in YAML ("[gpt-5.2-pro]":).
	 */
	private Map<String, Model> models = new LinkedHashMap<>();

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(String apiKey) {
		this.apiKey = apiKey;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getReadIdleTimeout() {
		return this.readIdleTimeout;
	}

	public void setReadIdleTimeout(Duration readIdleTimeout) {
		this.readIdleTimeout = readIdleTimeout;
	}

	public Map<String, String> getHeaders() {
		return this.headers;
	}

	public void setHeaders(Map<String, String> headers) {
		this.headers = headers;
	}

	public DataSize getMaxResponseSize() {
		return this.maxResponseSize;
	}

	public void setMaxResponseSize(DataSize maxResponseSize) {
		this.maxResponseSize = maxResponseSize;
	}

	public Proxy getProxy() {
		return this.proxy;
	}

	public InputImages getInputImages() {
		return this.inputImages;
	}

	public Map<String, UpstreamSettings> getUpstreams() {
		return this.upstreams;
	}

	public void setUpstreams(Map<String, UpstreamSettings> upstreams) {
		this.upstreams = upstreams;
	}

	public Duration getFirstEventTimeout() {
		return this.firstEventTimeout;
	}

	public void setFirstEventTimeout(Duration firstEventTimeout) {
		this.firstEventTimeout = firstEventTimeout;
	}

	public BalancingSettings getBalancing() {
		return this.balancing;
	}

	public Map<String, Model> getModels() {
		return this.models;
	}

	public void setModels(Map<String, Model> models) {
		this.models = models;
	}

	/**
	 * The pinned endpoints.
	 * @return endpoint by model id, for the models that pin one
	 */
	public Map<String, Endpoint> endpoints() {
		Map<String, Endpoint> endpoints = new LinkedHashMap<>();
		this.models.forEach((model, settings) -> {
			if (settings.getEndpoint() != null) {
				endpoints.put(model, settings.getEndpoint());
			}
		});
		return endpoints;
	}

	@Override
	public String toString() {
		return "RelayConnectionProperties{baseUrl=" + this.baseUrl + ", apiKey="
				+ ((this.apiKey != null && !this.apiKey.isBlank()) ? "******" : "(none)") + ", connectTimeout="
				+ this.connectTimeout + ", readIdleTimeout=" + this.readIdleTimeout + ", headers="
				+ this.headers.keySet() + "}";
	}

	/**
	 * An HTTP proxy.
	 */
	public static class Proxy {

		/**
		 * Proxy host name; no proxy when unset.
		 */
		private String host;

		/**
		 * Proxy port.
		 */
		private int port = 8080;

		public String getHost() {
			return this.host;
		}

		public void setHost(String host) {
			this.host = host;
		}

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

	}

	/**
	 * Limits for input images.
	 */
	public static class InputImages {

		/**
		 * Most images one request may carry (1 to 10).
		 */
		private int maxPerRequest = 5;

		/**
		 * Largest inline image accepted.
		 */
		private DataSize maxBytes = DataSize.ofMegabytes(20);

		public int getMaxPerRequest() {
			return this.maxPerRequest;
		}

		public void setMaxPerRequest(int maxPerRequest) {
			this.maxPerRequest = maxPerRequest;
		}

		public DataSize getMaxBytes() {
			return this.maxBytes;
		}

		public void setMaxBytes(DataSize maxBytes) {
			this.maxBytes = maxBytes;
		}

	}

	/**
	 * One upstream.
	 */
	public static class UpstreamSettings {

		/**
		 * Gateway root, with or without a trailing /v1. Keys on one gateway are upstreams
		 * with the same base URL.
		 */
		private String baseUrl;

		/**
		 * API key sent as a bearer token; never logged or shown.
		 */
		private String apiKey;

		/**
		 * Share of requests under weighted balancing (at least 1).
		 */
		private int weight = 1;

		/**
		 * Models this upstream serves, each mapped to the name it knows the model by (an
		 * empty value keeps the name). Empty: every model, under its own name.
		 */
		private Map<String, String> models = new LinkedHashMap<>();

		/**
		 * Headers sent with every request to this upstream, after
		 * spring.ai.relay.headers.
		 */
		private Map<String, String> headers = new LinkedHashMap<>();

		/**
		 * Most requests in flight to this upstream at once; 0 for no limit. A full
		 * upstream is skipped.
		 */
		private int maxConcurrentCalls;

		/**
		 * Whether requests are sent to this upstream.
		 */
		private boolean enabled = true;

		/**
		 * Longest wait for the first event here; default
		 * spring.ai.relay.first-event-timeout.
		 */
		private Duration firstEventTimeout;

		/**
		 * Longest stall between events once an answer has begun; default
		 * spring.ai.relay.read-idle-timeout.
		 */
		private Duration readIdleTimeout;

		public String getBaseUrl() {
			return this.baseUrl;
		}

		public void setBaseUrl(String baseUrl) {
			this.baseUrl = baseUrl;
		}

		public String getApiKey() {
			return this.apiKey;
		}

		public void setApiKey(String apiKey) {
			this.apiKey = apiKey;
		}

		public int getWeight() {
			return this.weight;
		}

		public void setWeight(int weight) {
			this.weight = weight;
		}

		public Map<String, String> getModels() {
			return this.models;
		}

		public void setModels(Map<String, String> models) {
			this.models = models;
		}

		public Map<String, String> getHeaders() {
			return this.headers;
		}

		public void setHeaders(Map<String, String> headers) {
			this.headers = headers;
		}

		public int getMaxConcurrentCalls() {
			return this.maxConcurrentCalls;
		}

		public void setMaxConcurrentCalls(int maxConcurrentCalls) {
			this.maxConcurrentCalls = maxConcurrentCalls;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getFirstEventTimeout() {
			return this.firstEventTimeout;
		}

		public void setFirstEventTimeout(Duration firstEventTimeout) {
			this.firstEventTimeout = firstEventTimeout;
		}

		public Duration getReadIdleTimeout() {
			return this.readIdleTimeout;
		}

		public void setReadIdleTimeout(Duration readIdleTimeout) {
			this.readIdleTimeout = readIdleTimeout;
		}

		@Override
		public String toString() {
			return "UpstreamSettings{baseUrl=" + this.baseUrl + ", apiKey=" + ((this.apiKey != null) ? "******" : null)
					+ ", weight=" + this.weight + ", models=" + this.models.keySet() + "}";
		}

	}

	/**
	 * Balancing over upstreams.
	 */
	public static class BalancingSettings {

		/**
		 * weighted (random by weight, like LiteLLM's simple shuffle), least-busy (fewest
		 * requests in flight) or latency (lowest moving average of time to first token).
		 */
		private Balancing strategy = Balancing.WEIGHTED;

		/**
		 * How long an upstream is left out after an AUTHENTICATION or INSUFFICIENT_QUOTA
		 * failure, which retrying will not heal.
		 */
		private Duration cooldown = Duration.ofMinutes(5);

		public Balancing getStrategy() {
			return this.strategy;
		}

		public void setStrategy(Balancing strategy) {
			this.strategy = strategy;
		}

		public Duration getCooldown() {
			return this.cooldown;
		}

		public void setCooldown(Duration cooldown) {
			this.cooldown = cooldown;
		}

	}

	/**
	 * Settings of one model.
	 */
	public static class Model {

		/**
		 * Endpoint that serves the model (chat, completions or responses); used without a
		 * probe request. Unset lets Relay choose and fall back.
		 */
		private Endpoint endpoint;

		public Endpoint getEndpoint() {
			return this.endpoint;
		}

		public void setEndpoint(Endpoint endpoint) {
			this.endpoint = endpoint;
		}

	}

}
