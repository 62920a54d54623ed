package io.github.relayai.autoconfigure;

import java.util.Optional;
import java.util.function.Supplier;

import io.github.relayai.error.ProviderErrorClassifier;
import io.github.relayai.resilience.Resilience4jPolicy.CircuitBreakerSettings;
import io.github.relayai.resilience.Resilience4jPolicy.RateLimiterSettings;
import io.github.relayai.resilience.Resilience4jPolicy;
import io.github.relayai.resilience.ResiliencePolicy;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.springframework.ai.model.SpringAIModelProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the {@link ResiliencePolicy} of the Relay chat model from
 * {@code spring.ai.relay.resilience.*}: a {@link Resilience4jPolicy} whose instances are
 * named {@code relay}, taken from the application's Resilience4j registries when they
 * hold them. The policy's {@code relay-queue} threads end with the application context.
 * Its meters are published by {@link RelayMetricsAutoConfiguration}.
 */
@AutoConfiguration(after = RelayErrorAutoConfiguration.class,
		before = { RelayChatAutoConfiguration.class, RelayImageAutoConfiguration.class })
@EnableConfigurationProperties(RelayResilienceProperties.class)
@ConditionalOnProperty(name = SpringAIModelProperties.CHAT_MODEL, havingValue = RelayChatAutoConfiguration.MODEL_ID,
		matchIfMissing = true)
@ConditionalOnProperty(prefix = RelayChatProperties.PREFIX, name = "enabled", havingValue = "true",
		matchIfMissing = true)
public class RelayResilienceAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RelayResilienceRegistries relayResilienceRegistries(ObjectProvider<RetryRegistry> retry,
			ObjectProvider<BulkheadRegistry> bulkhead, ObjectProvider<CircuitBreakerRegistry> circuitBreaker,
			ObjectProvider<RateLimiterRegistry> rateLimiter) {
		return new RelayResilienceRegistries(retry.getIfUnique(RetryRegistry::ofDefaults),
				bulkhead.getIfUnique(BulkheadRegistry::ofDefaults),
				circuitBreaker.getIfUnique(CircuitBreakerRegistry::ofDefaults),
				rateLimiter.getIfUnique(RateLimiterRegistry::ofDefaults));
	}

	// A Resilience4jPolicy is AutoCloseable: Spring's inferred destroy method closes it,
	// and so ends its relay-queue threads, when the context closes.
	@Bean
	@ConditionalOnMissingBean
	ResiliencePolicy relayResiliencePolicy(RelayResilienceProperties properties, RelayResilienceRegistries registries,
			ObjectProvider<ProviderErrorClassifier> classifier, ObjectProvider<RelayResilienceCustomizer> customizers) {
		if (!properties.isEnabled()) {
			return ResiliencePolicy.NONE;
		}
		String name = Resilience4jPolicy.NAME;
		try {
			Resilience4jPolicy.Builder builder = Resilience4jPolicy.builder()
				.bulkhead(properties.getBulkhead().toSettings())
				.retry(registries.retry()
					.find(name)
					.orElseGet(
							() -> registries.retry().retry(name, properties.getRetry().toSettings().toRetryConfig())))
				.bulkhead(registries.bulkhead()
					.find(name)
					.orElseGet(() -> registries.bulkhead()
						.bulkhead(name, properties.getBulkhead().toSettings().toBulkheadConfig())))
				.locale(classifier.getIfAvailable(ProviderErrorClassifier::new).locale());
			CircuitBreakerSettings circuitBreaker = properties.getCircuitBreaker().toSettings();
			registries.circuitBreaker()
				.find(name)
				.or(() -> createIf(circuitBreaker.enabled(),
						() -> registries.circuitBreaker()
							.circuitBreaker(name, circuitBreaker.toCircuitBreakerConfig())))
				.ifPresent(builder::circuitBreaker);
			RateLimiterSettings rateLimiter = properties.getRateLimiter().toSettings();
			registries.rateLimiter()
				.find(name)
				.or(() -> createIf(rateLimiter.enabled(),
						() -> registries.rateLimiter().rateLimiter(name, rateLimiter.toRateLimiterConfig())))
				.ifPresent(builder::rateLimiter);
			customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
			return builder.build();
		}
		catch (IllegalArgumentException ex) {
			throw new RelayConfigurationException(RelayResilienceProperties.PREFIX, ex.getMessage(),
					"Correct the property named above; see docs/resilience.md for every setting and its default.", ex);
		}
	}

	private static <T> Optional<T> createIf(boolean enabled, Supplier<T> instance) {
		return enabled ? Optional.of(instance.get()) : Optional.empty();
	}

}
