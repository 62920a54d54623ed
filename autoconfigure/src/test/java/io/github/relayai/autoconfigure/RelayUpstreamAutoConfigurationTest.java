package io.github.relayai.autoconfigure;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.relayai.chat.RelayChatModel;
import io.github.relayai.upstream.AttemptsFailedException;
import io.github.relayai.upstream.UpstreamPool.Balancing;
import io.github.relayai.upstream.UpstreamExchange;
import io.github.relayai.upstream.UpstreamPool;
import io.github.relayai.upstream.UpstreamPool.UpstreamStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RelayUpstreamAutoConfigurationTest {

	private static final String PATH = "/v1/chat/completions";

	@RegisterExtension
	static final WireMockExtension a = WireMockExtension.newInstance()
		.options(WireMockConfiguration.options().dynamicPort())
		.build();

	@RegisterExtension
	static final WireMockExtension b = WireMockExtension.newInstance()
		.options(WireMockConfiguration.options().dynamicPort())
		.build();

	// balancing picks with a seeded generator, so every run picks alike
	final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RelayErrorAutoConfiguration.class,
				RelayConnectionAutoConfiguration.class, RelayResilienceAutoConfiguration.class,
				RelayUpstreamAutoConfiguration.class, RelayChatAutoConfiguration.class))
		.withBean(RelayUpstreamPoolCustomizer.class, () -> builder -> builder.random(new Random(17)));

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder completion(String text) {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"m\",\"choices\":[{\"index\":0,"
					+ "\"message\":{\"role\":\"assistant\",\"content\":\"" + text
					+ "\"},\"finish_reason\":\"stop\"}]}");
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int status, String code) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"failed\",\"type\":\"server_error\",\"code\":\"" + code + "\"}}");
	}

	@Test
	void baseUrlAloneCreatesNoUpstreams() {
		this.runner
			.withPropertyValues("spring.ai.relay.base-url=" + a.baseUrl(), "spring.ai.relay.chat.fallback-models=x")
			.run(context -> {
				assertThat(context).hasSingleBean(RelayChatModel.class)
					.doesNotHaveBean(UpstreamPool.class)
					.doesNotHaveBean(UpstreamExchange.class);
				a.stubFor(post(urlPathEqualTo(PATH)).willReturn(completion("single")));
				ChatResponse response = context.getBean(RelayChatModel.class)
					.call(new Prompt("hi", io.github.relayai.options.RelayChatOptions.builder().model("m").build()));
				assertThat(response.getResult().getOutput().getText()).isEqualTo("single");
				assertThat(response.getMetadata().containsKey(UpstreamExchange.UPSTREAM_KEY)).isFalse();
			});
	}

	@Test
	void upstreamsFailOverWithTheirOwnKeysHeadersAndModelNames() {
		a.stubFor(post(urlPathEqualTo(PATH)).willReturn(error(500, "boom")));
		b.stubFor(post(urlPathEqualTo(PATH)).willReturn(completion("from b")));
		this.runner.withPropertyValues("spring.ai.relay.upstreams.a.base-url=" + a.baseUrl(),
				"spring.ai.relay.upstreams.a.api-key=sk-a-secret",
				"spring.ai.relay.upstreams.b.base-url=" + b.baseUrl(),
				"spring.ai.relay.upstreams.b.api-key=sk-b-secret", "spring.ai.relay.upstreams.b.weight=3",
				"spring.ai.relay.upstreams.a.weight=1000", "spring.ai.relay.upstreams.b.models.gpt-4o=openai/gpt-4o",
				"spring.ai.relay.upstreams.b.headers.X-Team=search", "spring.ai.relay.balancing.strategy=least-busy",
				"spring.ai.relay.chat.options.model=gpt-4o")
			.run(context -> {
				assertThat(context).hasNotFailed().hasSingleBean(UpstreamPool.class);
				UpstreamPool pool = context.getBean(UpstreamPool.class);
				assertThat(pool.upstreams()).extracting(upstream -> upstream.name()).containsExactly("a", "b");
				assertThat(pool.upstreams().get(1).weight()).isEqualTo(3);
				for (int i = 0; i < 3; i++) {
					ChatResponse response = context.getBean(RelayChatModel.class).call(new Prompt("hi"));
					assertThat(response.getResult().getOutput().getText()).isEqualTo("from b");
					assertThat((String) response.getMetadata().get(UpstreamExchange.UPSTREAM_KEY)).isEqualTo("b");
				}
				b.verify(postRequestedFor(urlPathEqualTo(PATH))
					.withHeader("Authorization", equalTo("Bearer sk-b-secret"))
					.withHeader("X-Team", equalTo("search"))
					.withRequestBody(matchingJsonPath("$.model", equalTo("openai/gpt-4o"))));
				a.verify(postRequestedFor(urlPathEqualTo(PATH))
					.withHeader("Authorization", equalTo("Bearer sk-a-secret"))
					.withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o"))));
				assertThat(pool.status("b")).isEqualTo(UpstreamStatus.UP);
				assertThat(context.getBean(RelayConnectionProperties.class).getBalancing().getStrategy())
					.isEqualTo(Balancing.LEAST_BUSY);
			});
	}

	@Test
	void fallbacksByCategoryWorkWithBaseUrlAloneAndTheBudgetBoundsThem() {
		a.stubFor(post(urlPathEqualTo(PATH)).withRequestBody(matchingJsonPath("$.model", containing("short")))
			.willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":{\"message\":\"This model's maximum context length is 8192 tokens.\","
						+ "\"type\":\"invalid_request_error\",\"code\":\"context_length_exceeded\"}}")));
		a.stubFor(post(urlPathEqualTo(PATH)).withRequestBody(matchingJsonPath("$.model", containing("long")))
			.willReturn(error(500, "boom")));
		this.runner
			.withPropertyValues("spring.ai.relay.base-url=" + a.baseUrl(), "spring.ai.relay.chat.options.model=short",
					"spring.ai.relay.chat.fallbacks[0].when[0]=CONTEXT_LENGTH_EXCEEDED",
					"spring.ai.relay.chat.fallbacks[0].models[0]=long", "spring.ai.relay.chat.max-attempts=3",
					"spring.ai.relay.resilience.retry.initial-backoff=1ms",
					"spring.ai.relay.resilience.retry.max-backoff=1ms")
			.run(context -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(UpstreamPool.class).upstreams()).extracting(upstream -> upstream.name())
					.containsExactly(RelayUpstreamAutoConfiguration.DEFAULT_UPSTREAM);
				assertThatExceptionOfType(AttemptsFailedException.class)
					.isThrownBy(() -> context.getBean(RelayChatModel.class).call(new Prompt("hi")))
					.satisfies(failure -> {
						assertThat(failure.attempts()).extracting(attempt -> attempt.model())
							.containsExactly("short", "long", "long");
						assertThat(failure.getCause()).isInstanceOf(
								io.github.relayai.error.NonTransientRelayException.ContextLengthExceeded.class);
					});
				assertThat(a.countRequestsMatching(postRequestedFor(urlPathEqualTo(PATH)).build()).getCount())
					.isEqualTo(3);
			});
	}

	@Test
	void anInvalidUpstreamNamesItsProperty() {
		this.runner
			.withPropertyValues("spring.ai.relay.upstreams.a.base-url=" + a.baseUrl(),
					"spring.ai.relay.upstreams.a.weight=0")
			.run(context -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new RelayConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("spring.ai.relay.upstreams.a.weight must be at least 1");
			});
	}

	@Test
	void metricsAndHealthNameEachUpstreamAndNeverShowItsKey() {
		a.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\","
					+ "\"code\":\"invalid_api_key\"}}")));
		b.stubFor(post(urlPathEqualTo(PATH)).willReturn(completion("from b")));
		b.stubFor(get("/v1/models").willReturn(okJson("{\"object\":\"list\",\"data\":[{\"id\":\"vendor/m\"}]}")));
		this.runner
			.withConfiguration(
					AutoConfigurations.of(RelayActuatorAutoConfiguration.class, RelayMetricsAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("spring.ai.relay.upstreams.a.base-url=" + a.baseUrl(),
					"spring.ai.relay.upstreams.a.api-key=sk-a-secret",
					"spring.ai.relay.upstreams.b.base-url=" + b.baseUrl(),
					"spring.ai.relay.upstreams.b.api-key=sk-b-secret", "spring.ai.relay.upstreams.b.models.m=vendor/m",
					"spring.ai.relay.chat.options.model=m")
			.run(context -> {
				assertThat(context).hasNotFailed();
				for (int i = 0; i < 4; i++) {
					context.getBean(RelayChatModel.class).call(new Prompt("hi"));
				}
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(
						meters.get(RelayMetrics.REQUESTS).tags("upstream", "b", "outcome", "success").timer().count())
					.isEqualTo(4);
				assertThat(a.countRequestsMatching(postRequestedFor(urlPathEqualTo(PATH)).build()).getCount())
					.isLessThanOrEqualTo(1);
				UpstreamPool pool = context.getBean(UpstreamPool.class);
				CompositeHealthContributor health = context.getBean("relayUpstreamsHealthContributor",
						CompositeHealthContributor.class);
				Health ofB = ((HealthIndicator) health.getContributor("b")).health();
				assertThat(ofB.getStatus()).isEqualTo(Status.UP);
				if (pool.status("a") == UpstreamStatus.COOLING_DOWN) {
					Health ofA = ((HealthIndicator) health.getContributor("a")).health();
					assertThat(ofA.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
					assertThat(ofA.getDetails()).containsEntry("reason", "COOLING_DOWN").containsKey("until");
					assertThat(meters.get(RelayMetricsAutoConfiguration.UPSTREAM_FAILURES)
						.tags("upstream", "a", "category", "AUTHENTICATION")
						.counter()
						.count()).isEqualTo(1);
				}
				context.getBean("relayUpstreamMeterBinder", MeterBinder.class).bindTo(meters);
				assertThat(meters.get("resilience4j.circuitbreaker.state").tag("name", "b").gauges()).isNotEmpty();
				String everything = meters.getMeters().stream().map(meter -> meter.getId().toString()).toList()
						+ ofB.toString() + pool.upstreams();
				assertThat(everything).doesNotContain("sk-a-secret", "sk-b-secret");
			});
	}

	@Test
	void authenticationFailureOfOneKeyIsCountedAndShownWhileTheOtherServes() {
		a.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\","
					+ "\"code\":\"invalid_api_key\"}}")));
		b.stubFor(post(urlPathEqualTo(PATH)).willReturn(completion("from b")));
		this.runner
			.withConfiguration(
					AutoConfigurations.of(RelayActuatorAutoConfiguration.class, RelayMetricsAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("spring.ai.relay.upstreams.a.base-url=" + a.baseUrl(),
					"spring.ai.relay.upstreams.a.api-key=sk-a-secret", "spring.ai.relay.upstreams.a.weight=100",
					"spring.ai.relay.upstreams.b.base-url=" + b.baseUrl(), "spring.ai.relay.chat.options.model=m")
			.run(context -> {
				UpstreamPool pool = context.getBean(UpstreamPool.class);
				// a has almost all the weight: the first call picks it, it fails and
				// cools
				// down, and b answers
				assertThat(
						context.getBean(RelayChatModel.class).call(new Prompt("hi")).getResult().getOutput().getText())
					.isEqualTo("from b");
				assertThat(pool.status("a")).isEqualTo(UpstreamStatus.COOLING_DOWN);
				Health ofA = ((HealthIndicator) context
					.getBean("relayUpstreamsHealthContributor", CompositeHealthContributor.class)
					.getContributor("a")).health();
				assertThat(ofA.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
				assertThat(ofA.getDetails()).containsEntry("reason", "COOLING_DOWN").containsKey("until");
				assertThat(context.getBean(MeterRegistry.class)
					.get(RelayMetricsAutoConfiguration.UPSTREAM_FAILURES)
					.tags("upstream", "a", "category", "AUTHENTICATION")
					.counter()
					.count()).isEqualTo(1);
			});
	}

	@Test
	void theMetadataGivesIdesTheSettingsOfEachUpstreamAndEachIsDocumented() throws Exception {
		JsonNode metadata;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			metadata = JsonMapper.builder().build().readTree(in);
		}
		// IDEs complete spring.ai.relay.upstreams.<name>.* from the map's value type
		List<JsonNode> upstreams = new ArrayList<>();
		metadata.get("properties")
			.forEach(property -> upstreams.addAll("spring.ai.relay.upstreams".equals(property.get("name").stringValue())
					? List.of(property) : List.of()));
		assertThat(upstreams).singleElement()
			.satisfies(property -> assertThat(property.get("type").stringValue())
				.isEqualTo("java.util.Map<java.lang.String,"
						+ RelayConnectionProperties.UpstreamSettings.class.getName() + ">"));
		List<String> hints = new ArrayList<>();
		metadata.get("hints").forEach(hint -> hints.add(hint.get("name").stringValue()));
		assertThat(hints).contains("spring.ai.relay.upstreams.keys");
		// every setting of an upstream is in docs/configuration.md under its full name
		String docs = Files.readString(Path.of("..", "docs", "configuration.md"));
		List<String> settings = new ArrayList<>();
		for (PropertyDescriptor property : Introspector.getBeanInfo(RelayConnectionProperties.UpstreamSettings.class)
			.getPropertyDescriptors()) {
			if (property.getWriteMethod() != null) {
				settings.add("`spring.ai.relay.upstreams.<name>."
						+ property.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT) + "`");
			}
		}
		assertThat(settings).hasSize(9).allSatisfy(setting -> assertThat(docs).contains(setting));
	}

}
