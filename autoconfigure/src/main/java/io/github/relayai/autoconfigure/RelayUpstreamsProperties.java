package io.github.relayai.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.relayai.upstream.UpstreamPool.Balancing;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Several gateways or keys behind the Relay chat model, and how requests are spread over
 * them; see docs/upstreams.md. Without {@code upstreams},
 * {@code spring.ai.relay.base-url} is the only gateway and nothing here applies.
 */
@ConfigurationProperties(RelayUpstreamsProperties.PREFIX)
public class RelayUpstreamsProperties {

	/** The prefix of these properties. */
	public static final String PREFIX = "spring.ai.relay";

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

}
