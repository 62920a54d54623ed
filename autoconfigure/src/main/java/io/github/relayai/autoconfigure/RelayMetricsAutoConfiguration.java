package io.github.relayai.autoconfigure;

import io.github.relayai.exchange.RequestListener;
import io.github.relayai.resilience.Resilience4jPolicy;
import io.github.relayai.resilience.ResiliencePolicy;
import io.github.relayai.upstream.UpstreamPool;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every Micrometer meter of Relay, active when Micrometer is on the class path: the
 * request metrics ({@link RelayMetrics}) and the endpoint router's meters; with the
 * resilience policy, the {@value #FAILURES} counter tagged by {@code category},
 * {@link RelayQueueMetrics} and Resilience4j's tagged metrics of the registries private
 * to Relay (the application's own are bound by {@code resilience4j-spring-boot4}); with
 * several upstreams, the {@value #UPSTREAM_FAILURES} counter and the tagged metrics of
 * the per-upstream circuit breakers and limits (whose {@code name} tag is the upstream's
 * name); with shared limits, {@link RelaySharedLimitsMetrics}.
 */
@AutoConfiguration(after = { RelaySharedLimitsAutoConfiguration.class, RelayResilienceAutoConfiguration.class,
		RelayUpstreamAutoConfiguration.class })
@ConditionalOnClass(MeterRegistry.class)
public class RelayMetricsAutoConfiguration {

	/** The counter of failed attempts, tagged by {@code category}. */
	public static final String FAILURES = "relay.failures";

	/**
	 * The counter of failed attempts with several upstreams, tagged by {@code upstream},
	 * {@code model} and {@code category}.
	 */
	public static final String UPSTREAM_FAILURES = "relay.upstream.failures";

	@Bean
	@ConditionalOnMissingBean(name = "relayRequestMetrics")
	RequestListener relayRequestMetrics(ObjectProvider<MeterRegistry> meterRegistry) {
		MeterRegistry meters = meterRegistry.getIfUnique();
		return (meters != null) ? new RelayMetrics(meters) : record -> {
		};
	}

	@Bean
	@ConditionalOnMissingBean(name = "relayEndpointRouterMetrics")
	RelayEndpointRouterCustomizer relayEndpointRouterMetrics(ObjectProvider<MeterRegistry> meterRegistry) {
		return builder -> meterRegistry.ifUnique(builder::meterRegistry);
	}

	/** Meters of the resilience policy. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(ResiliencePolicy.class)
	static class Resilience {

		@Bean
		@ConditionalOnMissingBean(name = "relayFailureCounter")
		RelayResilienceCustomizer relayFailureCounter(ObjectProvider<MeterRegistry> meterRegistry) {
			return builder -> meterRegistry.ifUnique(meters -> builder.onFailure(
					failure -> meters.counter(FAILURES, "category", failure.error().category().name()).increment()));
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

	}

	/**
	 * Resilience4j's tagged metrics for the registries private to Relay.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(TaggedRetryMetrics.class)
	@ConditionalOnBean(RelayResilienceRegistries.class)
	static class ResilienceRegistries {

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

	}

	/** Meters of several upstreams. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(UpstreamPool.class)
	static class Upstreams {

		@Bean
		@ConditionalOnMissingBean(name = "relayUpstreamFailureCounter")
		RelayUpstreamCustomizer relayUpstreamFailureCounter(ObjectProvider<MeterRegistry> meterRegistry) {
			return builder -> meterRegistry.ifUnique(
					meters -> builder.onFailure(attempt -> meters
						.counter(UPSTREAM_FAILURES, "upstream", attempt.upstream(), "model", attempt.model(),
								"category", attempt.category().name())
						.increment()));
		}

	}

	/**
	 * Resilience4j's tagged metrics of the per-upstream circuit breakers and limits.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(TaggedCircuitBreakerMetrics.class)
	@ConditionalOnBean(UpstreamPool.class)
	static class UpstreamRegistries {

		@Bean
		@ConditionalOnMissingBean(name = "relayUpstreamMeterBinder")
		MeterBinder relayUpstreamMeterBinder(UpstreamPool pool) {
			return meters -> {
				TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(pool.circuitBreakers()).bindTo(meters);
				TaggedBulkheadMetrics.ofBulkheadRegistry(pool.bulkheads()).bindTo(meters);
			};
		}

	}

	/** Meters of the limits shared through Redis. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(RelaySharedLimitsProperties.class)
	static class SharedLimits {

		@Bean
		@ConditionalOnMissingBean(name = "relaySharedLimitsMeterBinder")
		MeterBinder relaySharedLimitsMeterBinder(ObjectProvider<ResiliencePolicy> policy,
				RelaySharedLimitsProperties shared) {
			return meters -> {
				if (policy.getIfUnique() instanceof Resilience4jPolicy relay && relay.sharedLimiter() != null) {
					new RelaySharedLimitsMetrics(relay.sharedLimiter(), shared.getRedisTimeout()).bindTo(meters);
				}
			};
		}

	}

	/** Meters of each upstream's limit shared through Redis, tagged with its name. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(RelaySharedLimitsUpstreams.class)
	static class UpstreamSharedLimits {

		@Bean
		@ConditionalOnMissingBean(name = "relayUpstreamSharedLimitsMeterBinder")
		MeterBinder relayUpstreamSharedLimitsMeterBinder(RelaySharedLimitsUpstreams upstreams,
				RelaySharedLimitsProperties shared) {
			return meters -> upstreams.limiters()
				.forEach((name, limiter) -> new RelaySharedLimitsMetrics(limiter, shared.getRedisTimeout(),
						RelaySharedLimitsMetrics.UPSTREAM_PREFIX, Tags.of("upstream", name))
					.bindTo(meters));
		}

	}

}
