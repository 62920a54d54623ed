package io.github.relayai.autoconfigure;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.relayai.error.ProviderErrorClassifier;
import io.github.relayai.http.BaseUrl;
import io.github.relayai.http.RelayHttpClient;
import io.github.relayai.options.ImageLimits;
import io.github.relayai.upstream.Upstream;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Builds what {@code spring.ai.relay.*} says about reaching the gateways: the transport
 * to {@code spring.ai.relay.base-url}, one per upstream, and the input-image limits. Bad
 * settings become a {@link RelayConfigurationException} that names the property.
 */
final class RelayHttpClients {

	private static final Log logger = LogFactory.getLog(RelayHttpClients.class);

	private final RelayConnectionProperties properties;

	private final ProviderErrorClassifier classifier;

	RelayHttpClients(RelayConnectionProperties properties, ProviderErrorClassifier classifier) {
		this.properties = properties;
		this.classifier = classifier;
	}

	/**
	 * The transport to {@code spring.ai.relay.base-url}.
	 * @return the client
	 */
	RelayHttpClient gateway() {
		BaseUrl baseUrl = baseUrl(this.properties.getBaseUrl());
		return create("spring.ai.relay.base-url", baseUrl, this.properties.getApiKey(), this.properties.getHeaders(),
				this.properties.getReadIdleTimeout());
	}

	/**
	 * The transport to one upstream: its URL, key and headers (after the shared ones),
	 * the shared connection settings, and an idle timeout that lets both its first-event
	 * and its stall timeout take effect.
	 * @param upstream the upstream
	 * @return the client
	 */
	RelayHttpClient upstream(Upstream upstream) {
		String property = "spring.ai.relay.upstreams." + upstream.name() + ".base-url";
		BaseUrl baseUrl;
		try {
			baseUrl = BaseUrl.parse(upstream.baseUrl());
		}
		catch (IllegalArgumentException ex) {
			throw new RelayConfigurationException(property, ex.getMessage(),
					"Set it to the gateway root, such as https://gateway.example.com/v1.", ex);
		}
		Map<String, String> headers = new LinkedHashMap<>(this.properties.getHeaders());
		headers.putAll(upstream.headers());
		Duration idle = (upstream.firstEventTimeout().compareTo(upstream.stallTimeout()) > 0)
				? upstream.firstEventTimeout() : upstream.stallTimeout();
		return create(property, baseUrl, upstream.apiKey().reveal(), headers, idle);
	}

	/**
	 * The limits for images sent to the model ({@code spring.ai.relay.input-images.*}).
	 * @return the limits
	 */
	ImageLimits imageLimits() {
		RelayConnectionProperties.InputImages images = this.properties.getInputImages();
		try {
			return new ImageLimits(images.getMaxPerRequest(),
					(int) Math.min(Integer.MAX_VALUE, images.getMaxBytes().toBytes()));
		}
		catch (IllegalArgumentException ex) {
			throw new RelayConfigurationException("spring.ai.relay.input-images", ex.getMessage(),
					"Set spring.ai.relay.input-images.max-per-request between 1 and 10 and max-bytes to a positive "
							+ "size such as 20MB.",
					ex);
		}
	}

	private RelayHttpClient create(String property, BaseUrl baseUrl, String apiKey, Map<String, String> headers,
			Duration readIdleTimeout) {
		if (baseUrl.isInsecureRemote()) {
			logger.warn(property + " uses plain http:// to a remote host (" + baseUrl.root().getHost()
					+ "): the API key and prompts travel unencrypted; use https://");
		}
		RelayHttpClient.Builder builder = RelayHttpClient.builder()
			.baseUrl(baseUrl.toString())
			.apiKey(apiKey)
			.connectTimeout(this.properties.getConnectTimeout())
			.readIdleTimeout(readIdleTimeout)
			.headers(headers)
			.maxResponseBytes((int) Math.min(Integer.MAX_VALUE, this.properties.getMaxResponseSize().toBytes()))
			.classifier(this.classifier);
		RelayConnectionProperties.Proxy proxy = this.properties.getProxy();
		if (proxy.getHost() != null && !proxy.getHost().isBlank()) {
			builder.proxy(ProxySelector.of(InetSocketAddress.createUnresolved(proxy.getHost(), proxy.getPort())));
		}
		try {
			return builder.build();
		}
		catch (IllegalArgumentException ex) {
			throw new RelayConfigurationException(RelayConnectionProperties.PREFIX, ex.getMessage(),
					"Correct the property named above; see docs/configuration.md for every property and its default.",
					ex);
		}
	}

	private static BaseUrl baseUrl(String value) {
		String example = "Set it in application.yml, for example:\n\n  spring:\n    ai:\n      relay:\n"
				+ "        base-url: https://gateway.example.com/v1\n        api-key: ${RELAY_API_KEY}\n\n"
				+ "or as the environment variable SPRING_AI_RELAY_BASE_URL. To use another chat model instead, "
				+ "set spring.ai.model.chat to its id, or spring.ai.relay.chat.enabled=false.";
		if (value == null || value.isBlank()) {
			throw new RelayConfigurationException("spring.ai.relay.base-url",
					"spring.ai.relay.base-url is not set, so Relay does not know which gateway to call.", example,
					null);
		}
		try {
			return BaseUrl.parse(value);
		}
		catch (IllegalArgumentException ex) {
			throw new RelayConfigurationException("spring.ai.relay.base-url", ex.getMessage(), example, ex);
		}
	}

}
