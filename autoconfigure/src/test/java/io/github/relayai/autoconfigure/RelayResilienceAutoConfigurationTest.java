package io.github.relayai.autoconfigure;

import io.github.relayai.resilience.Resilience4jPolicy.BulkheadSettings;
import io.github.relayai.resilience.Resilience4jPolicy.CircuitBreakerSettings;
import io.github.relayai.resilience.Resilience4jPolicy.RateLimiterSettings;
import io.github.relayai.resilience.Resilience4jPolicy;
import io.github.relayai.resilience.ResiliencePolicy;
import io.github.relayai.resilience.Resilience4jPolicy.RetrySettings;
import io.github.relayai.resilience.RetryableFailure;
import io.github.relayai.error.TransientRelayException;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.relayai.chat.RelayChatModel;
import io.github.relayai.exchange.ChatExchange;
import io.github.relayai.routing.Transport;
import io.github.resilience4j.springboot.bulkhead.autoconfigure.BulkheadAutoConfiguration;
import io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot.ratelimiter.autoconfigure.RateLimiterAutoConfiguration;
import io.github.resilience4j.springboot.retry.autoconfigure.RetryAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RelayResilienceAutoConfigurationTest {

	@RegisterExtension
	static final WireMockExtension gateway = WireMockExtension.newInstance()
		.options(WireMockConfiguration.options().dynamicPort())
		.build();

	final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RelayErrorAutoConfiguration.class,
				RelayConnectionAutoConfiguration.class, RelayResilienceAutoConfiguration.class,
				RelayChatAutoConfiguration.class, RelayMetricsAutoConfiguration.class))
		.withPropertyValues("spring.ai.relay.base-url=http://localhost:1", "spring.ai.relay.chat.options.model=m");

	@Test
	void defaultsMatchTheCoreDefaults() {
		RelayResilienceProperties properties = new RelayResilienceProperties();
		assertThat(properties.getRetry().toSettings()).isEqualTo(RetrySettings.DEFAULTS);
		assertThat(properties.getBulkhead().toSettings()).isEqualTo(BulkheadSettings.DEFAULTS);
		assertThat(properties.getCircuitBreaker().toSettings()).isEqualTo(CircuitBreakerSettings.DEFAULTS);
		assertThat(properties.getRateLimiter().toSettings()).isEqualTo(RateLimiterSettings.DEFAULTS);
		assertThat(new RelayChatProperties().getTransport()).isEqualTo(Transport.AUTO);
	}

	@Test
	void defaultPolicyRetriesAndQueues() {
		this.runner.run(context -> {
			Resilience4jPolicy policy = (Resilience4jPolicy) context.getBean(ResiliencePolicy.class);
			assertThat(policy.retry().getName()).isEqualTo("relay");
			assertThat(policy.retry().getRetryConfig().getMaxAttempts()).isEqualTo(3);
			assertThat(policy.bulkhead().getBulkheadConfig().getMaxConcurrentCalls()).isEqualTo(16);
			assertThat(policy.bulkhead().getBulkheadConfig().getMaxWaitDuration()).isEqualTo(Duration.ofSeconds(30));
			assertThat(policy.circuitBreaker()).isNull();
			assertThat(policy.rateLimiter()).isNull();
		});
	}

	@Test
	void propertiesConfigureEveryPart() {
		this.runner
			.withPropertyValues("spring.ai.relay.resilience.retry.max-attempts=5",
					"spring.ai.relay.resilience.bulkhead.max-concurrent-calls=4",
					"spring.ai.relay.resilience.bulkhead.max-wait=5s",
					"spring.ai.relay.resilience.circuit-breaker.enabled=true",
					"spring.ai.relay.resilience.circuit-breaker.sliding-window-size=10",
					"spring.ai.relay.resilience.circuit-breaker.wait-in-open-state=1m",
					"spring.ai.relay.resilience.rate-limiter.enabled=true",
					"spring.ai.relay.resilience.rate-limiter.limit-for-period=500")
			.run(context -> {
				Resilience4jPolicy policy = (Resilience4jPolicy) context.getBean(ResiliencePolicy.class);
				assertThat(policy.retry().getRetryConfig().getMaxAttempts()).isEqualTo(5);
				assertThat(policy.bulkhead().getBulkheadConfig().getMaxConcurrentCalls()).isEqualTo(4);
				assertThat(policy.bulkhead().getBulkheadConfig().getMaxWaitDuration()).isEqualTo(Duration.ofSeconds(5));
				assertThat(policy.circuitBreaker().getCircuitBreakerConfig().getSlidingWindowSize()).isEqualTo(10);
				assertThat(
						policy.circuitBreaker().getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1))
					.isEqualTo(60_000L);
				assertThat(policy.rateLimiter().getRateLimiterConfig().getLimitForPeriod()).isEqualTo(500);
			});
	}

	@Test
	void disabledSendsEachRequestOnce() {
		this.runner.withPropertyValues("spring.ai.relay.resilience.enabled=false")
			.run(context -> assertThat(context.getBean(ResiliencePolicy.class)).isSameAs(ResiliencePolicy.NONE));
	}

	@Test
	void invalidSettingIsReportedWithItsProperty() {
		this.runner.withPropertyValues("spring.ai.relay.resilience.retry.max-attempts=0").run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(IllegalArgumentException.class);
			FailureAnalysis analysis = new RelayConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.contains("spring.ai.relay.resilience.retry.max-attempts must be at least 1");
		});
	}

	@Test
	void instancesNamedRelayInResilience4jRegistriesWin() {
		this.runner
			.withConfiguration(AutoConfigurations.of(RetryAutoConfiguration.class, BulkheadAutoConfiguration.class,
					CircuitBreakerAutoConfiguration.class, RateLimiterAutoConfiguration.class))
			.withPropertyValues("resilience4j.retry.instances.relay.max-attempts=7",
					"resilience4j.retry.instances.relay.retry-exception-predicate=" + RetryableFailure.class.getName(),
					"resilience4j.bulkhead.instances.relay.max-concurrent-calls=3",
					"resilience4j.circuitbreaker.instances.relay.sliding-window-size=5",
					"resilience4j.ratelimiter.instances.relay.limit-for-period=9")
			.run(context -> {
				Resilience4jPolicy policy = (Resilience4jPolicy) context.getBean(ResiliencePolicy.class);
				assertThat(policy.retry().getRetryConfig().getMaxAttempts()).isEqualTo(7);
				assertThat(policy.retry().getRetryConfig().getExceptionPredicate().test(new IllegalStateException()))
					.isFalse();
				assertThat(policy.retry())
					.isSameAs(context.getBean(io.github.resilience4j.retry.RetryRegistry.class).retry("relay"));
				assertThat(policy.bulkhead().getBulkheadConfig().getMaxConcurrentCalls()).isEqualTo(3);
				assertThat(policy.circuitBreaker().getCircuitBreakerConfig().getSlidingWindowSize()).isEqualTo(5);
				assertThat(policy.rateLimiter().getRateLimiterConfig().getLimitForPeriod()).isEqualTo(9);
			});
	}

	@Test
	void relayInstancesAreCreatedInTheApplicationsRegistries() {
		this.runner.withConfiguration(AutoConfigurations.of(RetryAutoConfiguration.class))
			.run(context -> assertThat(context.getBean(io.github.resilience4j.retry.RetryRegistry.class).find("relay"))
				.get()
				.isSameAs(((Resilience4jPolicy) context.getBean(ResiliencePolicy.class)).retry()));
	}

	@Test
	void metricsCountFailuresByCategoryAndPublishResilience4jMeters() {
		this.runner
			.withPropertyValues("spring.ai.relay.resilience.bulkhead.max-concurrent-calls=1",
					"spring.ai.relay.resilience.bulkhead.max-queue-size=0")
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run(context -> {
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				context.getBean("relayResilienceMeterBinder", MeterBinder.class).bindTo(meters);
				ResiliencePolicy policy = context.getBean(ResiliencePolicy.class);
				Disposable stream = policy.stream(Flux.never()).subscribe();
				assertThatThrownBy(() -> policy.call(Mono.just("x")).block(Duration.ofSeconds(30)))
					.isInstanceOf(TransientRelayException.QueueFull.class);
				stream.dispose();

				assertThat(meters.get(RelayMetricsAutoConfiguration.FAILURES)
					.tag("category", "QUEUE_FULL")
					.counter()
					.count()).isEqualTo(1.0);
				assertThat(meters.get("resilience4j.bulkhead.available.concurrent.calls")
					.tag("name", "relay")
					.gauge()
					.value()).isEqualTo(1.0);
				assertThat(meters.find("resilience4j.retry.calls").tag("name", "relay").meters()).isNotEmpty();
			});
	}

	@Test
	void chatModelUsesFallbackModelsAndTransport() {
		gateway.stubFor(post("/v1/chat/completions").withRequestBody(equalToJson("{\"model\":\"m\"}", true, true))
			.willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":{\"message\":\"The model `m` does not exist\",\"type\":\"invalid_request_error\","
						+ "\"code\":\"model_not_found\"}}")));
		gateway.stubFor(post("/v1/chat/completions").withRequestBody(equalToJson("{\"model\":\"m2\"}", true, true))
			.willReturn(okJson("{\"id\":\"c1\",\"model\":\"m2\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
					+ "\"assistant\",\"content\":\"Hi\"},\"finish_reason\":\"stop\"}]}")));
		this.runner
			.withPropertyValues("spring.ai.relay.base-url=" + gateway.baseUrl(),
					"spring.ai.relay.chat.fallback-models=m2,m3", "spring.ai.relay.chat.transport=plain")
			.run(context -> {
				assertThat(context.getBean(RelayChatProperties.class).getTransport()).isEqualTo(Transport.PLAIN);
				ChatResponse response = context.getBean(RelayChatModel.class).call(new Prompt("hi"));
				assertThat(response.getResult().getOutput().getText()).isEqualTo("Hi");
				assertThat(response.getMetadata().<String>get(ChatExchange.MODEL_KEY)).isEqualTo("m2");
			});
	}

	@Test
	void closingTheContextEndsTheQueueThreads() {
		this.runner.withPropertyValues("spring.ai.relay.resilience.retry.max-attempts=1").run(context -> {
			ResiliencePolicy policy = context.getBean(ResiliencePolicy.class);
			// a caller on a non-blocking thread waits for its slot on a relay-queue
			// thread
			Mono<String> fromEventLoop = Mono.defer(() -> policy.call(Mono.just("answer")))
				.subscribeOn(Schedulers.parallel());
			assertThat(fromEventLoop.block(Duration.ofSeconds(30))).isEqualTo("answer");
			context.close();
			assertThatThrownBy(() -> fromEventLoop.block(Duration.ofSeconds(30)))
				.isInstanceOf(RejectedExecutionException.class);
		});
	}

}
