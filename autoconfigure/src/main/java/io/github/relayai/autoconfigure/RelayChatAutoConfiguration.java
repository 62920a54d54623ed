package io.github.relayai.autoconfigure;

import io.github.relayai.routing.EndpointRouter;
import io.github.relayai.options.ImageLimits;
import io.github.relayai.exchange.RequestListener;
import io.github.relayai.resilience.ResiliencePolicy;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.relayai.chat.RelayChatModel;
import io.github.relayai.error.ProviderErrorClassifier;
import io.github.relayai.http.BaseUrl;
import io.github.relayai.http.RelayHttpClient;
import io.github.relayai.exchange.Transport;
import io.github.relayai.upstream.Upstream;
import io.github.relayai.upstream.UpstreamExchange;
import io.github.relayai.upstream.UpstreamPool;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.ai.model.SpringAIModelProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures a Relay {@link RelayChatModel} (and so Spring AI's {@code ChatClient})
 * from {@code spring.ai.relay.*}. Active when {@code spring.ai.model.chat} is
 * {@code relay} or unset.
 */
@AutoConfiguration(after = RelayErrorAutoConfiguration.class)
@EnableConfigurationProperties({ RelayConnectionProperties.class, RelayChatProperties.class,
		RelayRoutingProperties.class })
@ConditionalOnProperty(name = SpringAIModelProperties.CHAT_MODEL, havingValue = RelayChatAutoConfiguration.MODEL_ID,
		matchIfMissing = true)
@ConditionalOnProperty(prefix = RelayChatProperties.PREFIX, name = "enabled", havingValue = "true",
		matchIfMissing = true)
public class RelayChatAutoConfiguration {

	/** The id that selects Relay in {@code spring.ai.model.chat}. */
	public static final String MODEL_ID = "relay";

	private static final Log logger = LogFactory.getLog(RelayChatAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	RelayHttpClient relayHttpClient(RelayConnectionProperties properties, ProviderErrorClassifier classifier,
			ObjectProvider<UpstreamPool> upstreams) {
		UpstreamPool pool = upstreams.getIfAvailable();
		if (pool != null && (properties.getBaseUrl() == null || properties.getBaseUrl().isBlank())) {
			return createHttpClient(properties, classifier, pool.upstreams().get(0));
		}
		return createHttpClient(properties, classifier);
	}

	static RelayHttpClient createHttpClient(RelayConnectionProperties properties, ProviderErrorClassifier classifier) {
		BaseUrl baseUrl = baseUrl(properties.getBaseUrl());
		return createHttpClient(properties, classifier, "spring.ai.relay.base-url", baseUrl, properties.getApiKey(),
				properties.getHeaders(), properties.getReadIdleTimeout());
	}

	/**
	 * The transport to one upstream: its URL, key and headers (after the shared ones),
	 * the shared connection settings, and an idle timeout that lets both its first-event
	 * and its stall timeout take effect.
	 */
	static RelayHttpClient createHttpClient(RelayConnectionProperties properties, ProviderErrorClassifier classifier,
			Upstream upstream) {
		String property = "spring.ai.relay.upstreams." + upstream.name() + ".base-url";
		BaseUrl baseUrl;
		try {
			baseUrl = BaseUrl.parse(upstream.baseUrl());
		}
		catch (IllegalArgumentException ex) {
			throw new RelayConfigurationException(property, ex.getMessage(),
					"Set it to the gateway root, such as https://gateway.example.com/v1.", ex);
		}
		Map<String, String> headers = new LinkedHashMap<>(properties.getHeaders());
		headers.putAll(upstream.headers());
		Duration idle = (upstream.firstEventTimeout().compareTo(upstream.stallTimeout()) > 0)
				? upstream.firstEventTimeout() : upstream.stallTimeout();
		return createHttpClient(properties, classifier, property, baseUrl, upstream.apiKey().reveal(), headers, idle);
	}

	private static RelayHttpClient createHttpClient(RelayConnectionProperties properties,
			ProviderErrorClassifier classifier, String property, BaseUrl baseUrl, String apiKey,
			Map<String, String> headers, Duration readIdleTimeout) {
		if (baseUrl.isInsecureRemote()) {
			logger.warn(property + " uses plain http:// to a remote host (" + baseUrl.root().getHost()
					+ "): the API key and prompts travel unencrypted; use https://");
		}
		RelayHttpClient.Builder builder = RelayHttpClient.builder()
			.baseUrl(baseUrl.toString())
			.apiKey(apiKey)
			.connectTimeout(properties.getConnectTimeout())
			.readIdleTimeout(readIdleTimeout)
			.headers(headers)
			.maxResponseBytes((int) Math.min(Integer.MAX_VALUE, properties.getMaxResponseSize().toBytes()))
			.classifier(classifier);
		if (properties.getProxy().getHost() != null && !properties.getProxy().getHost().isBlank()) {
			builder.proxy(ProxySelector.of(InetSocketAddress.createUnresolved(properties.getProxy().getHost(),
					properties.getProxy().getPort())));
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

	@Bean
	@ConditionalOnMissingBean
	EndpointRouter.Builder relayEndpointRouter(RelayChatProperties chat, RelayRoutingProperties routing,
			BeanFactory beanFactory) {
		EndpointRouter.Builder builder = EndpointRouter.builder()
			.endpointFallback(chat.isEndpointFallback())
			.discovery(chat.isModelDiscovery())
			.pins(routing.endpoints());
		RelayRoutingMetrics.apply(builder, beanFactory);
		return builder;
	}

	@Bean
	@ConditionalOnMissingBean
	RelayChatModel relayChatModel(RelayHttpClient httpClient, RelayConnectionProperties connection,
			RelayChatProperties chat, EndpointRouter.Builder endpointRouter,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ChatModelObservationConvention> observationConvention,
			ObjectProvider<ResiliencePolicy> resilience, ObjectProvider<RequestListener> requestListeners,
			ObjectProvider<UpstreamExchange> upstreams) {
		RelayChatModel.Builder builder = RelayChatModel.builder()
			.httpClient(httpClient)
			.defaultOptions(chat.getOptions().toOptions())
			.imageLimits(imageLimits(connection))
			.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP))
			.observationConvention(observationConvention.getIfAvailable());
		UpstreamExchange upstreamExchange = upstreams.getIfAvailable();
		if (upstreamExchange != null) {
			// retries, fallbacks, the transport switch and the resilience layers act per
			// attempt, inside the upstreams
			builder.upstreams(upstreamExchange);
		}
		else {
			builder.routing(endpointRouter).resilience(resilience.getIfAvailable()).transport(chat.getTransport());
			try {
				builder.fallbackModels(chat.getFallbackModels());
			}
			catch (IllegalArgumentException ex) {
				throw new RelayConfigurationException(RelayChatProperties.PREFIX + ".fallback-models",
						"spring.ai.relay.chat.fallback-models must not contain blank names",
						"Remove the empty entry from spring.ai.relay.chat.fallback-models.", ex);
			}
		}
		requestListeners.orderedStream().forEach(builder::requestListener);
		return builder.build();
	}

	static ImageLimits imageLimits(RelayConnectionProperties connection) {
		try {
			return new ImageLimits(connection.getImages().getMaxPerRequest(),
					(int) Math.min(Integer.MAX_VALUE, connection.getImages().getMaxBytes().toBytes()));
		}
		catch (IllegalArgumentException ex) {
			throw new RelayConfigurationException("spring.ai.relay.images", ex.getMessage(),
					"Set spring.ai.relay.images.max-per-request between 1 and 10 and max-bytes to a positive size such as 20MB.",
					ex);
		}
	}

}
