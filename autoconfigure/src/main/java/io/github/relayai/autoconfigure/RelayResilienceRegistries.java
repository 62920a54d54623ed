package io.github.relayai.autoconfigure;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;

/**
 * The Resilience4j registries Relay takes its {@code relay} instances from: the
 * application's own (from {@code resilience4j-spring-boot4}) where it has them, else
 * registries private to Relay. An instance named {@code relay} already in a registry is
 * used as it is; otherwise Relay creates it there from
 * {@code spring.ai.relay.resilience.*}.
 *
 * @param retry the retry registry
 * @param bulkhead the bulkhead registry
 * @param circuitBreaker the circuit-breaker registry
 * @param rateLimiter the rate-limiter registry
 */
public record RelayResilienceRegistries(RetryRegistry retry, BulkheadRegistry bulkhead,
		CircuitBreakerRegistry circuitBreaker, RateLimiterRegistry rateLimiter) {

}
