package io.github.relayai.autoconfigure;

import java.time.Duration;

import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.relayai.chat.RelayChatModel;
import io.github.relayai.error.TransientRelayException;
import io.github.relayai.resilience.Resilience4jPolicy;
import io.github.relayai.resilience.ResiliencePolicy;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Health indicator, request and queue metrics, secret masking in actuator endpoints, and
 * the start-up warning for plain http to a remote host.
 */
class RelayActuatorAutoConfigurationTest {

	private static final String KEY = "sk-relay-actuator-7c1e9b2d4f";

	@RegisterExtension
	static final WireMockExtension gateway = WireMockExtension.newInstance()
		.options(WireMockConfiguration.options().dynamicPort())
		.build();

	final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(RelayErrorAutoConfiguration.class, RelayConnectionAutoConfiguration.class,
						RelayResilienceAutoConfiguration.class, RelayActuatorAutoConfiguration.class,
						RelayChatAutoConfiguration.class, RelayMetricsAutoConfiguration.class))
		.withPropertyValues("spring.ai.relay.chat.options.model=gpt-4o-mini", "spring.ai.relay.api-key=" + KEY);

	private ApplicationContextRunner atGateway() {
		return this.runner.withPropertyValues("spring.ai.relay.base-url=" + gateway.baseUrl());
	}

	@Test
	void healthIsUpWhenTheModelIsListedAndAsksTheGatewayOncePerTtl() {
		gateway.stubFor(get("/v1/models").willReturn(okJson(
				"{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\",\"object\":\"model\",\"owned_by\":\"openai\"}]}")));
		atGateway().run(context -> {
			RelayHealthIndicator indicator = context.getBean(RelayHealthIndicator.class);
			Health health = indicator.health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("model", "gpt-4o-mini")
				.containsEntry("models", 1)
				.containsEntry("gateway", gateway.baseUrl());
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		});
		assertThat(gateway.findAll(getRequestedFor(urlPathEqualTo("/v1/models")))).hasSize(1);
		assertThat(gateway.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")))).isEmpty();
	}

	@Test
	void aModelMissingFromTheListIsAWarningWithAConfigurableStatus() {
		gateway.stubFor(get("/v1/models").willReturn(okJson(
				"{\"object\":\"list\",\"data\":[{\"id\":\"GPT-4o-mini\",\"object\":\"model\"},{\"id\":\"o3\"}]}")));
		atGateway().run(context -> {
			Health health = context.getBean(RelayHealthIndicator.class).health();
			assertThat(health.getStatus()).as("servers such as llama.cpp answer to any name").isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("category", "MODEL_NOT_FOUND");
			assertThat((String) health.getDetails().get("warning")).contains("gpt-4o-mini")
				.contains("spring.ai.relay.chat.options.model")
				.contains("It does list 'GPT-4o-mini'");
		});
		atGateway().withPropertyValues("spring.ai.relay.health.model-not-listed-status=down").run(context -> {
			Health health = context.getBean(RelayHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("category", "MODEL_NOT_FOUND").containsKey("warning");
		});
	}

	/**
	 * llama.cpp's {@code llama-server} lists a model's {@code --alias} names in
	 * {@code aliases} (ggml-org/llama.cpp#19926); the entry is in the shape it sends.
	 */
	@Test
	void aModelListedByAliasIsUp() {
		gateway.stubFor(get("/v1/models").willReturn(okJson("{\"object\":\"list\",\"data\":[{\"id\":\"qwen3-8b\","
				+ "\"aliases\":[\"qwen3-8b\",\"gpt-4o-mini\"],\"tags\":[],\"object\":\"model\",\"created\":1791285731,"
				+ "\"owned_by\":\"llamacpp\"}]}")));
		atGateway().run(context -> {
			Health health = context.getBean(RelayHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).doesNotContainKey("warning");
		});
	}

	@Test
	void healthIsDownWithCategoryAndHintWhenTheGatewayRefusesTheKey() {
		gateway.stubFor(get("/v1/models").willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY
					+ "\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}")));
		atGateway().run(context -> {
			Health health = context.getBean(RelayHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("category", "AUTHENTICATION").containsKey("hint");
			assertThat(health.toString()).doesNotContain(KEY);
		});
	}

	@Test
	void healthIsDownWhenTheGatewayIsUnreachable() {
		this.runner.withPropertyValues("spring.ai.relay.base-url=http://127.0.0.1:1").run(context -> {
			Health health = context.getBean(RelayHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("category", "UNAVAILABLE").containsKey("hint");
		});
	}

	@Test
	void healthIndicatorCanBeTurnedOffAndRejectsANegativeTtl() {
		atGateway().withPropertyValues("management.health.relay.enabled=false")
			.run(context -> assertThat(context).doesNotHaveBean(RelayHealthIndicator.class));
		atGateway().withPropertyValues("spring.ai.relay.health.cache-ttl=-5m")
			.run(context -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("spring.ai.relay.health.cache-ttl"));
	}

	@Test
	void apiKeyAndCredentialHeadersAreMaskedInTheEnvEndpoint() {
		atGateway()
			.withPropertyValues("spring.ai.relay.headers.X-Api-Key=hdr-secret-1",
					"spring.ai.relay.headers.X-Auth-Token=hdr-secret-2", "spring.ai.relay.headers.X-Org=acme")
			.run(context -> {
				EnvironmentEndpoint env = new EnvironmentEndpoint(context.getEnvironment(),
						context.getBeansOfType(SanitizingFunction.class).values(), Show.ALWAYS);
				assertThat(value(env, "spring.ai.relay.api-key")).isEqualTo("******");
				assertThat(value(env, "spring.ai.relay.headers.X-Api-Key")).isEqualTo("******");
				assertThat(value(env, "spring.ai.relay.headers.X-Auth-Token")).isEqualTo("******");
				assertThat(value(env, "spring.ai.relay.headers.X-Org")).isEqualTo("acme");
				assertThat(value(env, "spring.ai.relay.chat.options.model")).isEqualTo("gpt-4o-mini");
				assertThat(context.getBean(RelayConnectionProperties.class).toString()).doesNotContain(KEY);
				assertThat(context.getBean(RelayChatModel.class).getOptions().toString()).doesNotContain(KEY);
			});
	}

	@Test
	void upstreamKeysAndCredentialHeadersAreMaskedInTheEnvEndpoint() {
		atGateway()
			.withPropertyValues("spring.ai.relay.upstreams.b.base-url=https://b.example.com/v1",
					"spring.ai.relay.upstreams.b.api-key=sk-upstream-secret",
					"spring.ai.relay.upstreams.b.headers.X-Auth-Token=hdr-secret-3",
					"spring.ai.relay.upstreams.b.headers.X-Org=acme")
			.run(context -> {
				EnvironmentEndpoint env = new EnvironmentEndpoint(context.getEnvironment(),
						context.getBeansOfType(SanitizingFunction.class).values(), Show.ALWAYS);
				assertThat(value(env, "spring.ai.relay.upstreams.b.api-key")).isEqualTo("******");
				assertThat(value(env, "spring.ai.relay.upstreams.b.headers.X-Auth-Token")).isEqualTo("******");
				assertThat(value(env, "spring.ai.relay.upstreams.b.headers.X-Org")).isEqualTo("acme");
				assertThat(value(env, "spring.ai.relay.upstreams.b.base-url")).isEqualTo("https://b.example.com/v1");
			});
	}

	@Test
	void apiKeyIsMaskedInTheConfigpropsEndpoint() {
		atGateway().run(context -> {
			ConfigurationPropertiesReportEndpoint endpoint = new ConfigurationPropertiesReportEndpoint(
					context.getBeansOfType(SanitizingFunction.class).values(), Show.ALWAYS);
			endpoint.setApplicationContext(context);
			String report = endpoint.configurationPropertiesWithPrefix("spring.ai.relay")
				.getContexts()
				.values()
				.stream()
				.flatMap(c -> c.getBeans().values().stream())
				.map(bean -> bean.getProperties() + " " + bean.getInputs())
				.reduce("", String::concat);
			assertThat(report).contains("apiKey").contains("******").doesNotContain(KEY);
		});
	}

	private static Object value(EnvironmentEndpoint env, String key) {
		return env.environmentEntry(key).getProperty().getValue();
	}

	@Test
	void requestsAreTimedByEndpointModelAndOutcome() {
		gateway.stubFor(post("/v1/chat/completions").willReturn(okJson("{\"id\":\"c1\",\"model\":\"gpt-4o-mini\","
				+ "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"},"
				+ "\"finish_reason\":\"stop\"}]}")));
		atGateway().withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			RelayChatModel model = context.getBean(RelayChatModel.class);
			model.call(new Prompt("hi"));
			gateway.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "text/event-stream")
				.withBody("data: {\"id\":\"s1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}\n\n"
						+ "data: {\"id\":\"s1\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
						+ "data: [DONE]\n\n")));
			model.stream(new Prompt("hi")).blockLast(Duration.ofSeconds(30));
			gateway.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":{\"message\":\"bad\",\"type\":\"invalid_request_error\",\"code\":null}}")));
			assertThatThrownBy(() -> model.call(new Prompt("hi"))).isNotNull();

			assertThat(meters.get(RelayMetrics.REQUESTS)
				.tags("endpoint", "/v1/chat/completions", "model", "gpt-4o-mini", "operation", "call", "outcome",
						"success", "category", "none")
				.timer()
				.count()).isEqualTo(1);
			assertThat(meters.get(RelayMetrics.REQUESTS)
				.tags("operation", "stream", "outcome", "success", "model", "gpt-4o-mini")
				.timer()
				.count()).isEqualTo(1);
			assertThat(meters.get(RelayMetrics.REQUESTS)
				.tags("operation", "call", "outcome", "failure", "category", "INVALID_REQUEST")
				.timer()
				.count()).isEqualTo(1);
			assertThat(meters.get(RelayMetrics.TIME_TO_FIRST_TOKEN).tag("model", "gpt-4o-mini").timer().count())
				.isEqualTo(1);
		});
	}

	@Test
	void requestsAreTaggedWithTheRequestedAndTheAnsweringModel() throws IOException {
		// a real answer (core's corpus, see its responses/SOURCES.md) naming a dated
		// snapshot of the requested model
		gateway.stubFor(post("/v1/chat/completions").willReturn(okJson(Files.readString(
				Path.of("..", "core", "src", "test", "resources", "responses", "openai-text-usage-details.json")))));
		atGateway().withPropertyValues("spring.ai.relay.chat.options.model=gpt-4.1-nano")
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run(context -> {
				context.getBean(RelayChatModel.class).call(new Prompt("hi"));
				assertThat(context.getBean(MeterRegistry.class)
					.get(RelayMetrics.REQUESTS)
					.tags("model", "gpt-4.1-nano", "response.model", "gpt-4.1-nano-2025-04-14", "outcome", "success")
					.timer()
					.count()).isEqualTo(1);
			});
	}

	@Test
	void cachedAndReasoningTokensAreCounted() throws IOException {
		// a real xAI answer (core's corpus, see its responses/SOURCES.md)
		gateway.stubFor(post("/v1/chat/completions").willReturn(okJson(Files.readString(Path.of("..", "core", "src",
				"test", "resources", "responses", "xai-grok-tool-call-cached-reasoning.json")))));
		atGateway().withPropertyValues("spring.ai.relay.chat.options.model=grok-3-mini")
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run(context -> {
				context.getBean(RelayChatModel.class).call(new Prompt("weather?"));
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.get(RelayMetrics.TOKENS)
					.tags("type", "cached", "model", "grok-3-mini")
					.counter()
					.count()).isEqualTo(244);
				assertThat(meters.get(RelayMetrics.TOKENS).tags("type", "reasoning").counter().count()).isEqualTo(255);
				assertThat(meters.get(RelayMetrics.TOKENS).tags("type", "prompt").counter().count()).isEqualTo(307);
			});
	}

	@Test
	void queueDepthAndRejectionsArePublished() {
		atGateway()
			.withPropertyValues("spring.ai.relay.resilience.bulkhead.max-concurrent-calls=1",
					"spring.ai.relay.resilience.bulkhead.max-queue-size=0")
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run(context -> {
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				context.getBean("relayQueueMeterBinder", MeterBinder.class).bindTo(meters);
				Resilience4jPolicy policy = (Resilience4jPolicy) context.getBean(ResiliencePolicy.class);
				Disposable holder = policy.stream(Flux.never()).subscribe();
				assertThatThrownBy(
						() -> policy.call(reactor.core.publisher.Mono.just("x")).block(Duration.ofSeconds(30)))
					.isInstanceOf(TransientRelayException.QueueFull.class);
				assertThat(meters.get(RelayQueueMetrics.QUEUE_DEPTH).gauge().value()).isZero();
				assertThat(meters.get(RelayQueueMetrics.REJECTIONS).tag("reason", "queue-full").counter().count())
					.isEqualTo(1);
				holder.dispose();
			});
	}

	@Test
	void plainHttpToARemoteHostWarnsAtStartUp() {
		Logger logger = (Logger) LoggerFactory.getLogger(RelayHttpClients.class);
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		try {
			this.runner.withPropertyValues("spring.ai.relay.base-url=http://gateway.example.com/v1")
				.run(context -> assertThat(context).hasNotFailed());
			this.runner.withPropertyValues("spring.ai.relay.base-url=http://localhost:8080/v1")
				.run(context -> assertThat(context).hasNotFailed());
			assertThat(appender.list).hasSize(1).first().satisfies(event -> {
				assertThat(event.getLevel()).hasToString("WARN");
				assertThat(event.getFormattedMessage()).contains("gateway.example.com").contains("https://");
			});
			assertThat(appender.list).noneMatch(event -> event.getFormattedMessage().contains(KEY));
		}
		finally {
			logger.detachAppender(appender);
		}
	}

}
