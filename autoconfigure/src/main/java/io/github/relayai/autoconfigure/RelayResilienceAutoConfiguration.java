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
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.ai.model.SpringAIModelProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures the {@link ResiliencePolicy} of the Relay chat model from
 * {@code spring.ai.relay.resilience.*}: a {@link Resilience4jPolicy} whose instances are
 * named {@code relay}, taken from the application's Resilience4j registries when they
 * hold them. With Micrometer, Resilience4j's tagged metrics of Relay's own instances, a
 * {@value #FAILURES} counter tagged by {@code category}, and {@link RelayQueueMetrics}
 * (queue depth, rejections, retries) are published.
 */
@AutoConfiguration(before = RelayChatAutoConfiguration.class)
@EnableConfigurationProperties(RelayResilienceProperties.class)
@ConditionalOnProperty(name = SpringAIModelProperties.CHAT_MODEL, havingValue = RelayChatAutoConfiguration.MODEL_ID,
		matchIfMissing = true)
@ConditionalOnProperty(prefix = RelayChatProperties.PREFIX, name = "enabled", havingValue = "true",
		matchIfMissing = true)
public class RelayResilienceAutoConfiguration {

	/** The name of the counter of failed attempts, tagged by {@code category}. */
	public static final String FAILURES = "relay.failures";

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

	/**
	 * Micrometer metrics: Resilience4j's tagged metrics for the registries private to
	 * Relay (the application's own are bound by {@code resilience4j-spring-boot4}), and
	 * the {@value #FAILURES} counter.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ MeterRegistry.class, TaggedRetryMetrics.class })
	static class Metrics {

		@Bean
		@ConditionalOnMissingBean(name = "relayResilienceMeterBinder")
		MeterBinder relayResilienceMeterBinder(RelayResilienceRegistries registries,
				ObjectProvider<RetryRegistry> retry, ObjectProvider<BulkheadRegistry> bulkhead,
				ObjectProvider<CircuitBreakerRegistry> circuitBreaker,
				ObjectProvider<RateLimiterRegistry> rateLimiter) {
			return meters -> {
				if (registries.retry() != retry.getIfUnique()) {
					TaggedRetryMetrics.ofRetryRegistry(registries.retry()).bindTo(meters);
				}
				if (registries.bulkhead() != bulkhead.getIfUnique()) {
					TaggedBulkheadMetrics.ofBulkheadRegistry(registries.bulkhead()).bindTo(meters);
				}
				if (registries.circuitBreaker() != circuitBreaker.getIfUnique()) {
					TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registries.circuitBreaker()).bindTo(meters);
				}
				if (registries.rateLimiter() != rateLimiter.getIfUnique()) {
					TaggedRateLimiterMetrics.ofRateLimiterRegistry(registries.rateLimiter()).bindTo(meters);
				}
			};
		}

		@Bean
		@ConditionalOnMissingBean(name = "relayQueueMeterBinder")
		MeterBinder relayQueueMeterBinder(ObjectProvider<ResiliencePolicy> policy) {
			return meters -> {
				if (policy.getIfUnique() instanceof Resilience4jPolicy relay) {
					new RelayQueueMetrics(relay).bindTo(meters);
				}
			};
		}

		@Bean
		@ConditionalOnMissingBean(name = "relayFailureCounter")
		RelayResilienceCustomizer relayFailureCounter(ObjectProvider<MeterRegistry> meterRegistry) {
			return builder -> meterRegistry.ifUnique(meters -> builder.onFailure(
					failure -> meters.counter(FAILURES, "category", failure.error().category().name()).increment()));
		}

	}

}
