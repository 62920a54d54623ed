package io.github.relayai.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.relayai.error.ProviderErrorClassifier;
import io.github.relayai.routing.EndpointRouter;
import io.github.relayai.resilience.Resilience4jPolicy.CircuitBreakerSettings;
import io.github.relayai.resilience.Resilience4jPolicy;
import io.github.relayai.resilience.ResiliencePolicy;
import io.github.relayai.upstream.UpstreamExchange.AttemptBudget;
import io.github.relayai.upstream.Fallbacks.FallbackRule;
import io.github.relayai.resilience.Resilience4jPolicy.BulkheadSettings;
import io.github.relayai.resilience.SharedLimiter;
import io.github.relayai.resilience.SharedLimits;
import io.github.relayai.upstream.Fallbacks;
import io.github.relayai.upstream.Upstream;
import io.github.relayai.upstream.UpstreamExchange;
import io.github.relayai.upstream.UpstreamPool;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.springframework.ai.model.SpringAIModelProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Auto-configures several upstreams ({@code spring.ai.relay.upstreams.*}) or a fallback
 * chain by category ({@code spring.ai.relay.chat.fallbacks}): an {@link UpstreamPool} and
 * the {@link UpstreamExchange} the chat model sends through, which chooses an upstream
 * for every attempt. Without either, nothing here is created and
 * {@code spring.ai.relay.base-url} works as the single gateway.
 */
@AutoConfiguration(after = { RelayErrorAutoConfiguration.class, RelayConnectionAutoConfiguration.class,
		RelayResilienceAutoConfiguration.class }, before = RelayChatAutoConfiguration.class)
@EnableConfigurationProperties({ RelayConnectionProperties.class, RelayChatProperties.class })
@ConditionalOnProperty(name = SpringAIModelProperties.CHAT_MODEL, havingValue = RelayChatAutoConfiguration.MODEL_ID,
		matchIfMissing = true)
@ConditionalOnProperty(prefix = RelayChatProperties.PREFIX, name = "enabled", havingValue = "true",
		matchIfMissing = true)
@Conditional(RelayUpstreamAutoConfiguration.UpstreamsConfigured.class)
public class RelayUpstreamAutoConfiguration {

	/** The name of the default upstream made of {@code spring.ai.relay.base-url}. */
	public static final String DEFAULT_UPSTREAM = "default";

	@Bean
	@ConditionalOnMissingBean
	UpstreamPool relayUpstreamPool(RelayConnectionProperties connection,
			ObjectProvider<RelayResilienceProperties> resilience,
			ObjectProvider<RelayUpstreamPoolCustomizer> customizers) {
		CircuitBreakerSettings breaker = resilience.getIfAvailable(RelayResilienceProperties::new)
			.getCircuitBreaker()
			.toSettings();
		try {
			UpstreamPool.Builder builder = UpstreamPool.builder()
				.upstreams(upstreams(connection))
				.balancing(connection.getBalancing().getStrategy())
				.cooldown(connection.getBalancing().getCooldown())
				.circuitBreaker(breaker);
			customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
			return builder.build();
		}
		catch (IllegalArgumentException ex) {
			throw new RelayConfigurationException("spring.ai.relay.upstreams", ex.getMessage(),
					"Correct the property named above; see docs/upstreams.md for a complete example.", ex);
		}
	}

	static List<Upstream> upstreams(RelayConnectionProperties connection) {
		List<Upstream> list = new ArrayList<>();
		if (connection.getBaseUrl() != null && !connection.getBaseUrl().isBlank()) {
			list.add(Upstream.builder(DEFAULT_UPSTREAM, connection.getBaseUrl())
				.apiKey(connection.getApiKey())
				.firstEventTimeout(connection.getFirstEventTimeout())
				.stallTimeout(connection.getReadIdleTimeout())
				.build());
		}
		for (Map.Entry<String, RelayConnectionProperties.UpstreamSettings> entry : connection.getUpstreams()
			.entrySet()) {
			RelayConnectionProperties.UpstreamSettings settings = entry.getValue();
			list.add(Upstream.builder(entry.getKey(), settings.getBaseUrl())
				.apiKey(settings.getApiKey())
				.weight(settings.getWeight())
				.models(settings.getModels())
				.headers(settings.getHeaders())
				.maxConcurrentCalls(settings.getMaxConcurrentCalls())
				.enabled(settings.isEnabled())
				.firstEventTimeout((settings.getFirstEventTimeout() != null) ? settings.getFirstEventTimeout()
						: connection.getFirstEventTimeout())
				.stallTimeout((settings.getReadIdleTimeout() != null) ? settings.getReadIdleTimeout()
						: connection.getReadIdleTimeout())
				.build());
		}
		if (list.isEmpty()) {
			throw new RelayConfigurationException("spring.ai.relay.base-url",
					"spring.ai.relay.chat.fallbacks is set, but no gateway is: neither spring.ai.relay.base-url "
							+ "nor spring.ai.relay.upstreams.",
					"Set spring.ai.relay.base-url, or spring.ai.relay.upstreams.<name>.base-url.", null);
		}
		return list;
	}

	@Bean
	@ConditionalOnMissingBean
	UpstreamExchange relayUpstreamExchange(UpstreamPool pool, RelayHttpClients clients, RelayChatProperties chat,
			EndpointRouter.Builder routing, ProviderErrorClassifier classifier,
			ObjectProvider<ResiliencePolicy> resilience, ObjectProvider<RelayUpstreamCustomizer> customizers) {
		ResiliencePolicy policy = resilience.getIfAvailable(() -> ResiliencePolicy.NONE);
		ResiliencePolicy perAttempt = (policy instanceof Resilience4jPolicy relay) ? relay.withoutRetry() : policy;
		Retry retry = (policy instanceof Resilience4jPolicy relay) ? relay.retry()
				: Retry.of("relay-upstreams", RetryConfig.custom().maxAttempts(1).build());
		try {
			UpstreamExchange.Builder builder = UpstreamExchange.builder()
				.pool(pool)
				.exchanges(upstream -> chat.getTransport()
					.over(routing.build(clients.upstream(upstream), clients.imageLimits())))
				.policy(perAttempt)
				.retry(retry)
				.fallbacks(fallbacks(chat))
				.budget(new AttemptBudget(chat.getMaxAttempts(), chat.getDeadline()))
				.locale(classifier.locale());
			customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
			return builder.build();
		}
		catch (IllegalArgumentException ex) {
			throw new RelayConfigurationException(RelayChatProperties.PREFIX, ex.getMessage(),
					"Correct the property named above; see docs/upstreams.md for every setting and its default.", ex);
		}
	}

	static Fallbacks fallbacks(RelayChatProperties chat) {
		List<FallbackRule> rules = new ArrayList<>();
		chat.getFallbacks()
			.forEach(fallback -> rules.add(new FallbackRule(Set.copyOf(fallback.getWhen()), fallback.getModels())));
		if (!chat.getFallbackModels().isEmpty()) {
			rules.add(FallbackRule.shorthand(chat.getFallbackModels()));
		}
		return new Fallbacks(rules);
	}

	/**
	 * With {@code spring.ai.relay.resilience.shared.enabled=true}, each upstream's
	 * {@code max-concurrent-calls} is held in Redis for all instances together, keyed
	 * {@code <key-prefix>:upstream:<name>:<hash of base URL and API key>}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(prefix = RelaySharedLimitsProperties.PREFIX, name = "enabled", havingValue = "true")
	@EnableConfigurationProperties(RelaySharedLimitsProperties.class)
	static class Shared {

		@Bean
		@ConditionalOnMissingBean
		RelaySharedLimitsUpstreams relaySharedLimitsUpstreams(UpstreamPool pool, ObjectProvider<SharedLimits> limits,
				RelaySharedLimitsProperties shared, RelayChatProperties chat,
				ObjectProvider<ProviderErrorClassifier> classifier) {
			SharedLimits store = RelaySharedLimitsAutoConfiguration.store(limits);
			Map<String, SharedLimiter> limiters = new LinkedHashMap<>();
			for (Upstream upstream : pool.upstreams()) {
				if (upstream.maxConcurrentCalls() > 0) {
					String key = shared.getKeyPrefix() + ":upstream:" + upstream.name() + ":"
							+ RelaySharedLimitsAutoConfiguration.hash(upstream.baseUrl(), upstream.apiKey().reveal());
					limiters.put(upstream.name(),
							RelaySharedLimitsAutoConfiguration.limiter(
									() -> RelaySharedLimitsAutoConfiguration.builder(store, shared, chat, classifier)
										.key(key)
										.bulkhead(new BulkheadSettings(upstream.maxConcurrentCalls(), 0, Duration.ZERO))
										.build()));
				}
			}
			return new RelaySharedLimitsUpstreams(limiters);
		}

		@Bean
		@ConditionalOnMissingBean(name = "relayUpstreamSharedLimits")
		RelayUpstreamCustomizer relayUpstreamSharedLimits(RelaySharedLimitsUpstreams upstreams) {
			return builder -> upstreams.limiters().forEach(builder::sharedLimiter);
		}

	}

	/** Matches when upstreams or a fallback chain by category are configured. */
	static class UpstreamsConfigured extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Binder binder = Binder.get(context.getEnvironment());
			boolean upstreams = binder
				.bind("spring.ai.relay.upstreams",
						Bindable.mapOf(String.class, RelayConnectionProperties.UpstreamSettings.class))
				.map(map -> !map.isEmpty())
				.orElse(false);
			boolean fallbacks = binder
				.bind("spring.ai.relay.chat.fallbacks", Bindable.listOf(RelayChatProperties.Fallback.class))
				.map(list -> !list.isEmpty())
				.orElse(false);
			return (upstreams || fallbacks) ? ConditionOutcome.match("spring.ai.relay.upstreams or fallbacks are set")
					: ConditionOutcome.noMatch("neither spring.ai.relay.upstreams nor spring.ai.relay.chat.fallbacks");
		}

	}

}
