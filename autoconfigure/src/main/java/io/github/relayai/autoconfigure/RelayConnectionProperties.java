package io.github.relayai.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How Relay reaches the gateway: address, key, timeouts, headers, proxy and size limits.
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
	 * Limits for images sent to the model.
	 */
	private final Images images = new Images();

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

	public Images getImages() {
		return this.images;
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
	public static class Images {

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

}
