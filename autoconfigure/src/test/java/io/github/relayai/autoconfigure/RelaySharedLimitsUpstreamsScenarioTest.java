package io.github.relayai.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.relayai.autoconfigure.RelaySharedLimitsScenarioTest.GatedGateway;
import io.github.relayai.chat.RelayChatModel;
import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.RelayAiException;
import io.github.relayai.testsupport.LocalRedis;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RedissonClient;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.relayai.autoconfigure.RelaySharedLimitsScenarioTest.await;
import static io.github.relayai.autoconfigure.RelaySharedLimitsScenarioTest.awaitClusterInUse;
import static io.github.relayai.autoconfigure.RelaySharedLimitsScenarioTest.withInstances;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several upstreams with shared limits: three Relay instances (application contexts) send
 * to two WireMock upstreams, each with its own {@code max-concurrent-calls}, held in a
 * real {@code redis-server}; each upstream holds its calls until the test lets them
 * answer and counts its calls in flight.
 */
class RelaySharedLimitsUpstreamsScenarioTest {

	private static final Duration BOUND = Duration.ofSeconds(60);

	private static final int CALLS = 30;

	@RegisterExtension
	static final LocalRedis redis = new LocalRedis();

	private final GatedGateway gateA = new GatedGateway();

	private final GatedGateway gateB = new GatedGateway();

	private WireMockServer a;

	private WireMockServer b;

	private ExecutorService callers;

	@BeforeEach
	void startUpstreams() {
		this.a = upstream(this.gateA, "from a");
		this.b = upstream(this.gateB, "from b");
		this.callers = Executors.newFixedThreadPool(CALLS);
	}

	@AfterEach
	void stopUpstreams() throws InterruptedException {
		// no call stays held at a gate, whatever the test did
		this.gateA.open();
		this.gateB.open();
		this.callers.shutdownNow();
		this.callers.awaitTermination(30, TimeUnit.SECONDS);
		this.a.stop();
		this.b.stop();
	}

	@Test
	void eachUpstreamNeverHasMoreThanItsLimitInFlightAcrossInstances() {
		Outcomes outcomes = new Outcomes();
		withInstances(runner("limits", true), 3, instances -> {
			outcomes.await(heldUntilSettled(callAll(instances)));
			for (AssertableApplicationContext instance : instances) {
				RelaySharedLimitsUpstreams upstreams = instance.getBean(RelaySharedLimitsUpstreams.class);
				assertThat(upstreams.limiters()).containsOnlyKeys("a", "b");
				// every permit came back, whether the call was answered or found both
				// upstreams full
				awaitClusterInUse(upstreams.limiters().get("a"), 0);
				awaitClusterInUse(upstreams.limiters().get("b"), 0);
				assertThat(upstreams.limiters().values()).allSatisfy(limiter -> {
					assertThat(limiter.fallbacks()).isZero();
					assertThat(limiter.localInUse()).isZero();
				});
			}
			List<String> keys = new ArrayList<>();
			instances.get(0).getBean(RedissonClient.class).getKeys().getKeys().forEach(keys::add);
			assertThat(keys).anyMatch(key -> key.startsWith("test:limits:upstream:a:"))
				.anyMatch(key -> key.startsWith("test:limits:upstream:b:"))
				.noneMatch(key -> key.contains("secret"));
		});
		assertThat(this.gateA.maxInFlight()).isBetween(1, 2);
		assertThat(this.gateB.maxInFlight()).isBetween(1, 3);
		assertThat(outcomes.answered.get() + outcomes.noUpstream.get()).isEqualTo(CALLS);
		assertThat(outcomes.answered.get()).isEqualTo(completions(this.a) + completions(this.b));
	}

	@Test
	void withoutSharingTheSameLoadExceedsTheUpstreamLimits() {
		// the control of the scenario above: each instance alone allows 2 on a and 3 on b
		withInstances(runner("control", false), 3,
				instances -> new Outcomes().await(heldUntilSettled(callAll(instances))));
		assertThat(this.gateA.maxInFlight() > 2 || this.gateB.maxInFlight() > 3).isTrue();
	}

	@Test
	void eachUpstreamLimitIsMeteredWithItsName() {
		runner("meters", true).withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			context.getBean("relayUpstreamSharedLimitsMeterBinder", MeterBinder.class).bindTo(meters);
			assertThat(context.getBean(RelayChatModel.class).call(new Prompt("hi")).getResult().getOutput().getText())
				.startsWith("from");
			for (String upstream : List.of("a", "b")) {
				assertThat(meters.get("relay.shared.upstream.permits")
					.tags("upstream", upstream, "scope", "local")
					.gauge()
					.value()).isZero();
				assertThat(meters.get("relay.shared.upstream.redis.up").tag("upstream", upstream).gauge().value())
					.isEqualTo(1);
			}
			assertThat(meters.get("relay.shared.upstream.wait")
				.functionTimers()
				.stream()
				.mapToLong(timer -> (long) timer.count())
				.sum()).isEqualTo(1);
		});
	}

	private ApplicationContextRunner runner(String scenario, boolean shared) {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataRedisAutoConfiguration.class, RelayErrorAutoConfiguration.class,
							RelayConnectionAutoConfiguration.class, RelaySharedLimitsAutoConfiguration.class,
							RelayResilienceAutoConfiguration.class, RelayUpstreamAutoConfiguration.class,
							RelayChatAutoConfiguration.class, RelayMetricsAutoConfiguration.class))
			.withPropertyValues("spring.ai.relay.upstreams.a.base-url=" + this.a.baseUrl(),
					"spring.ai.relay.upstreams.a.api-key=sk-a-secret",
					"spring.ai.relay.upstreams.a.max-concurrent-calls=2",
					"spring.ai.relay.upstreams.b.base-url=" + this.b.baseUrl(),
					"spring.ai.relay.upstreams.b.api-key=sk-b-secret",
					"spring.ai.relay.upstreams.b.max-concurrent-calls=3", "spring.ai.relay.chat.options.model=m",
					"spring.ai.relay.chat.transport=plain", RelaySharedLimitsScenarioTest.MODELS_UNLISTED,
					"spring.ai.relay.resilience.bulkhead.max-queue-size=40", "spring.data.redis.host=127.0.0.1",
					"spring.data.redis.port=" + redis.server().port(),
					"spring.ai.relay.resilience.shared.enabled=" + shared,
					"spring.ai.relay.resilience.shared.key-prefix=test:" + scenario);
	}

	private static WireMockServer upstream(GatedGateway gate, String text) {
		WireMockServer server = new WireMockServer(WireMockConfiguration.options()
			.dynamicPort()
			.bindAddress("127.0.0.1")
			.containerThreads(64)
			.http2PlainDisabled(true)
			.extensions(gate));
		server.start();
		server.stubFor(post("/v1/chat/completions")
			.willReturn(okJson("{\"id\":\"c1\",\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
					+ "\"assistant\",\"content\":\"" + text + "\"},\"finish_reason\":\"stop\"}]}")));
		return server;
	}

	/**
	 * Sends {@link #CALLS} calls at once, spread over the instances in turn, while both
	 * upstreams hold their calls.
	 */
	private List<Future<String>> callAll(List<AssertableApplicationContext> instances) {
		this.gateA.hold();
		this.gateB.hold();
		List<Future<String>> answers = new ArrayList<>();
		for (int i = 0; i < CALLS; i++) {
			RelayChatModel model = instances.get(i % instances.size()).getBean(RelayChatModel.class);
			answers.add(this.callers.submit(() -> model.call(new Prompt("hi")).getResult().getOutput().getText()));
		}
		return answers;
	}

	/**
	 * Waits until every call is either held at an upstream or over (refused: every
	 * upstream full for all its retries), then lets the upstreams answer.
	 */
	private List<Future<String>> heldUntilSettled(List<Future<String>> answers) {
		await(() -> "every call held at an upstream or over: " + answers.stream().filter(Future::isDone).count()
				+ " over, " + this.gateA.inFlight() + " held at a, " + this.gateB.inFlight() + " at b",
				() -> answers.stream().filter(Future::isDone).count() + this.gateA.inFlight()
						+ this.gateB.inFlight() == CALLS);
		this.gateA.open();
		this.gateB.open();
		return answers;
	}

	private static int completions(WireMockServer server) {
		return server.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).size();
	}

	/**
	 * The outcomes of the calls: answered, or refused unsent because every upstream was
	 * full (UNAVAILABLE); anything else fails the test.
	 */
	private static final class Outcomes {

		final AtomicInteger answered = new AtomicInteger();

		final AtomicInteger noUpstream = new AtomicInteger();

		void await(List<Future<String>> answers) {
			for (Future<String> answer : answers) {
				try {
					assertThat(answer.get(BOUND.toSeconds(), TimeUnit.SECONDS)).startsWith("from ");
					this.answered.incrementAndGet();
				}
				catch (ExecutionException ex) {
					assertThat(ex.getCause()).isInstanceOfSatisfying(RelayAiException.class,
							failure -> assertThat(failure.error().category()).isEqualTo(ErrorCategory.UNAVAILABLE));
					this.noUpstream.incrementAndGet();
				}
				catch (Exception ex) {
					throw new AssertionError("a call hung", ex);
				}
			}
		}

	}

}
