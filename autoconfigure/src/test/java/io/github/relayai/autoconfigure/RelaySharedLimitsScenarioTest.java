package io.github.relayai.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.relayai.chat.RelayChatModel;
import io.github.relayai.error.TransientRelayException;
import io.github.relayai.resilience.Resilience4jPolicy;
import io.github.relayai.resilience.ResiliencePolicy;
import io.github.relayai.resilience.SharedLimiter;
import io.github.relayai.testsupport.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenarios of shared limits: separate Relay instances (application contexts) share
 * one limit in a real {@code redis-server} against a slow WireMock gateway that counts
 * the calls in flight.
 */
class RelaySharedLimitsScenarioTest {

	private static final Duration BOUND = Duration.ofSeconds(60);

	private static RedisServer redis;

	private final SlowGateway slow = new SlowGateway();

	private WireMockServer gateway;

	private ExecutorService callers;

	@BeforeAll
	static void startRedis() {
		redis = RedisServer.start();
	}

	@AfterAll
	static void stopRedis() {
		if (redis != null) {
			redis.close();
		}
	}

	@BeforeEach
	void startGateway() {
		this.gateway = new WireMockServer(WireMockConfiguration.options()
			.dynamicPort()
			.bindAddress("127.0.0.1")
			.containerThreads(64)
			.http2PlainDisabled(true)
			.extensions(this.slow));
		this.gateway.start();
		this.gateway.stubFor(post("/v1/chat/completions")
			.willReturn(okJson("{\"id\":\"c1\",\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
					+ "\"assistant\",\"content\":\"Hi\"},\"finish_reason\":\"stop\"}]}")));
		this.callers = Executors.newFixedThreadPool(24);
	}

	@AfterEach
	void stopGateway() throws InterruptedException {
		this.callers.shutdownNow();
		this.callers.awaitTermination(30, TimeUnit.SECONDS);
		this.gateway.stop();
	}

	@Test
	void threeInstancesNeverHaveMoreThanTheSharedLimitInFlight() {
		this.slow.delayMillis.set(150);
		ApplicationContextRunner runner = runner("three", redis).withPropertyValues(
				"spring.ai.relay.resilience.bulkhead.max-concurrent-calls=3",
				"spring.ai.relay.resilience.bulkhead.max-queue-size=30");
		withInstances(runner, 3, instances -> {
			callAllAndAwaitAnswers(instances, 18);
			for (AssertableApplicationContext instance : instances) {
				awaitClusterInUse(limiter(instance), 0);
				assertThat(limiter(instance).fallbacks()).isZero();
			}
		});
		assertThat(completions()).isEqualTo(18);
		assertThat(this.slow.maxInFlight.get()).isBetween(2, 3);
	}

	@Test
	void withoutSharingTheSameLoadExceedsTheLimit() {
		// the control of the scenario above: each instance alone allows 3
		this.slow.delayMillis.set(150);
		ApplicationContextRunner runner = runner("control", redis).withPropertyValues(
				"spring.ai.relay.resilience.shared.enabled=false",
				"spring.ai.relay.resilience.bulkhead.max-concurrent-calls=3",
				"spring.ai.relay.resilience.bulkhead.max-queue-size=30");
		withInstances(runner, 3, instances -> callAllAndAwaitAnswers(instances, 18));
		assertThat(this.slow.maxInFlight.get()).isGreaterThan(3);
	}

	@Test
	void theCallsOfAnInstanceThatDiedGiveTheirPermitsBackAfterTheLease() {
		this.slow.delayMillis.set(8000);
		ApplicationContextRunner runner = runner("lease", redis).withPropertyValues(
				"spring.ai.relay.resilience.bulkhead.max-concurrent-calls=2",
				"spring.ai.relay.resilience.bulkhead.max-queue-size=4", "spring.ai.relay.resilience.shared.lease=4s");
		runner.run(survivor -> {
			runner.run(dying -> {
				call(dying);
				awaitInFlight(1);
				// the instance loses Redis and is closed mid-call: no release reaches
				// Redis
				dying.getBean(RedissonClient.class).shutdown(0, 2, TimeUnit.SECONDS);
			});
			SharedLimiter limiter = limiter(survivor);
			assertThat(limiter.clusterInUse().block(BOUND)).isEqualTo(1);
			this.slow.delayMillis.set(0);
			// waits (max-wait 30s) until the leases of the dead instance's permits ran
			// out
			assertThat(result(call(survivor))).isEqualTo("Hi");
			assertThat(limiter.rejections()).isZero();
		});
	}

	@Test
	void whenRedisStopsDuringLoadCallsGoOnLocallyAndTheSharedLimitComesBack() {
		this.slow.delayMillis.set(200);
		try (RedisServer ownRedis = RedisServer.start()) {
			ApplicationContextRunner runner = runner("outage", ownRedis).withPropertyValues(
					"spring.ai.relay.resilience.bulkhead.max-concurrent-calls=2",
					"spring.ai.relay.resilience.bulkhead.max-queue-size=20",
					"spring.ai.relay.resilience.bulkhead.max-wait=10s",
					"spring.ai.relay.resilience.shared.redis-timeout=500ms",
					"spring.ai.relay.resilience.shared.retry-interval=300ms");
			withInstances(runner, 2, instances -> {
				List<Future<String>> answers = callAll(instances, 12);
				awaitInFlight(1);
				ownRedis.stop();
				answers.forEach(answer -> assertThat(result(answer)).isEqualTo("Hi"));
				assertThat(instances).allSatisfy(instance -> assertThat(limiter(instance).storeUp()).isFalse());

				ownRedis.resume();
				this.slow.delayMillis.set(0);
				for (AssertableApplicationContext instance : instances) {
					long deadline = System.nanoTime() + BOUND.toNanos();
					for (int i = 0; i < 3000 && !limiter(instance).storeUp() && System.nanoTime() < deadline; i++) {
						assertThat(result(call(instance))).isEqualTo("Hi");
						// polls while Redisson reconnects
						LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
					}
					assertThat(limiter(instance).storeUp()).isTrue();
				}
				// the shared limit applies again: each instance makes ten calls in a row
				// through Redis (under concurrency Redisson may still meet a pooled
				// connection broken by the restart, see docs/resilience.md)
				for (AssertableApplicationContext instance : instances) {
					long deadline = System.nanoTime() + BOUND.toNanos();
					int inARow = 0;
					for (int i = 0; i < 3000 && inARow < 10 && System.nanoTime() < deadline; i++) {
						long fallbacks = limiter(instance).fallbacks();
						assertThat(result(call(instance))).isEqualTo("Hi");
						inARow = (limiter(instance).fallbacks() == fallbacks) ? inARow + 1 : 0;
					}
					assertThat(inARow).isEqualTo(10);
					awaitClusterInUse(limiter(instance), 0);
				}
			});
		}
	}

	@Test
	void theRateLimitIsHeldAcrossInstances() {
		ApplicationContextRunner runner = runner("rate", redis).withPropertyValues(
				"spring.ai.relay.resilience.rate-limiter.enabled=true",
				"spring.ai.relay.resilience.rate-limiter.limit-for-period=5",
				"spring.ai.relay.resilience.rate-limiter.refresh-period=1m",
				"spring.ai.relay.resilience.rate-limiter.max-wait=0s");
		AtomicInteger rateLimited = new AtomicInteger();
		AtomicInteger answered = new AtomicInteger();
		withInstances(runner, 3, instances -> {
			for (Future<String> answer : callAll(instances, 12)) {
				try {
					answer.get(BOUND.toSeconds(), TimeUnit.SECONDS);
					answered.incrementAndGet();
				}
				catch (java.util.concurrent.ExecutionException ex) {
					assertThat(ex.getCause()).isInstanceOf(TransientRelayException.RateLimited.class);
					rateLimited.incrementAndGet();
				}
				catch (Exception ex) {
					throw new AssertionError(ex);
				}
			}
		});
		assertThat(answered).hasValue(5);
		assertThat(rateLimited).hasValue(7);
		assertThat(completions()).isEqualTo(5);
	}

	private ApplicationContextRunner runner(String scenario, RedisServer server) {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataRedisAutoConfiguration.class, RelayErrorAutoConfiguration.class,
							RelayConnectionAutoConfiguration.class, RelaySharedLimitsAutoConfiguration.class,
							RelayResilienceAutoConfiguration.class, RelayChatAutoConfiguration.class))
			.withPropertyValues("spring.ai.relay.base-url=" + this.gateway.baseUrl(),
					"spring.ai.relay.api-key=sk-scenario", "spring.ai.relay.chat.options.model=m",
					"spring.ai.relay.chat.transport=plain", "spring.data.redis.host=127.0.0.1",
					"spring.data.redis.port=" + server.port(), "spring.ai.relay.resilience.shared.enabled=true",
					"spring.ai.relay.resilience.shared.key-prefix=test:" + scenario);
	}

	/** Runs {@code count} instances at once, each its own application context. */
	static void withInstances(ApplicationContextRunner runner, int count,
			Consumer<List<AssertableApplicationContext>> scenario) {
		List<AssertableApplicationContext> instances = new ArrayList<>();
		startInstances(runner, count, instances, scenario);
	}

	private static void startInstances(ApplicationContextRunner runner, int count,
			List<AssertableApplicationContext> instances, Consumer<List<AssertableApplicationContext>> scenario) {
		if (instances.size() == count) {
			scenario.accept(instances);
			return;
		}
		runner.run(instance -> {
			assertThat(instance).hasNotFailed();
			instances.add(instance);
			startInstances(runner, count, instances, scenario);
		});
	}

	/** Sends {@code calls} calls at once, spread over the instances in turn. */
	private List<Future<String>> callAll(List<AssertableApplicationContext> instances, int calls) {
		List<Future<String>> answers = new ArrayList<>();
		for (int i = 0; i < calls; i++) {
			answers.add(call(instances.get(i % instances.size())));
		}
		return answers;
	}

	private void callAllAndAwaitAnswers(List<AssertableApplicationContext> instances, int calls) {
		callAll(instances, calls).forEach(answer -> assertThat(result(answer)).isEqualTo("Hi"));
	}

	private Future<String> call(AssertableApplicationContext instance) {
		RelayChatModel model = instance.getBean(RelayChatModel.class);
		return this.callers.submit(() -> model.call(new Prompt("hi")).getResult().getOutput().getText());
	}

	private static String result(Future<String> answer) {
		try {
			return answer.get(BOUND.toSeconds(), TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new AssertionError("a call failed or hung", ex);
		}
	}

	static SharedLimiter limiter(AssertableApplicationContext instance) {
		return ((Resilience4jPolicy) instance.getBean(ResiliencePolicy.class)).sharedLimiter();
	}

	private void awaitInFlight(int expected) {
		long deadline = System.nanoTime() + BOUND.toNanos();
		while (this.slow.inFlight.get() < expected && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(this.slow.inFlight.get()).isGreaterThanOrEqualTo(expected);
	}

	static void awaitClusterInUse(SharedLimiter limiter, int expected) {
		long deadline = System.nanoTime() + BOUND.toNanos();
		Integer inUse = limiter.clusterInUse().block(BOUND);
		while (!Integer.valueOf(expected).equals(inUse) && System.nanoTime() < deadline) {
			// bounded by time, not by a count: while a short outage after a Redis restart
			// lasts (retry-interval), every read answers empty at once
			LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
			inUse = limiter.clusterInUse().block(BOUND);
		}
		assertThat(inUse).isEqualTo(expected);
	}

	private int completions() {
		return this.gateway.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).size();
	}

	/** A slow gateway that counts the chat calls in flight while it makes them wait. */
	static final class SlowGateway implements ResponseDefinitionTransformerV2 {

		final AtomicLong delayMillis = new AtomicLong();

		final AtomicInteger inFlight = new AtomicInteger();

		final AtomicInteger maxInFlight = new AtomicInteger();

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			if (!serveEvent.getRequest().getUrl().endsWith("/chat/completions")) {
				return serveEvent.getResponseDefinition();
			}
			this.maxInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
			try {
				Thread.sleep(this.delayMillis.get());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				this.inFlight.decrementAndGet();
			}
			return serveEvent.getResponseDefinition();
		}

		@Override
		public String getName() {
			return "slow-gateway";
		}

	}

}
