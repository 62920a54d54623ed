package io.github.relayai.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

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
 * one limit in a real {@code redis-server} against a WireMock gateway that holds the
 * calls until the test lets them answer, and counts the calls in flight.
 */
class RelaySharedLimitsScenarioTest {

	private static final Duration BOUND = Duration.ofSeconds(60);

	/**
	 * No {@code /v1/models} lookup for routing: the first calls of an instance would all
	 * wait for one lookup, whose result reaches them one after the other on one thread,
	 * each blocking call sending its request there; so a call held at the gate would hold
	 * back the others, which never reach the gateway.
	 */
	static final String MODELS_UNLISTED = "spring.ai.relay.chat.model-discovery=false";

	private static RedisServer redis;

	private final GatedGateway gate = new GatedGateway();

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
			.extensions(this.gate));
		this.gateway.start();
		this.gateway.stubFor(post("/v1/chat/completions")
			.willReturn(okJson("{\"id\":\"c1\",\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
					+ "\"assistant\",\"content\":\"Hi\"},\"finish_reason\":\"stop\"}]}")));
		this.callers = Executors.newFixedThreadPool(24);
	}

	@AfterEach
	void stopGateway() throws InterruptedException {
		// no call stays held at the gate, whatever the test did
		this.gate.open();
		this.callers.shutdownNow();
		this.callers.awaitTermination(30, TimeUnit.SECONDS);
		this.gateway.stop();
	}

	@Test
	void threeInstancesNeverHaveMoreThanTheSharedLimitInFlight() {
		ApplicationContextRunner runner = runner("three", redis).withPropertyValues(
				"spring.ai.relay.resilience.bulkhead.max-concurrent-calls=3",
				"spring.ai.relay.resilience.bulkhead.max-queue-size=30");
		this.gate.hold();
		withInstances(runner, 3, instances -> {
			List<Future<String>> answers = callAll(instances, 18);
			for (int answered = 0; answered < 18; answered++) {
				// the limit's worth of calls at the gateway, the others waiting for a
				// permit; then one answer frees one permit
				this.gate.awaitInFlight(Math.min(3, 18 - answered));
				assertThat(this.gate.maxInFlight()).isLessThanOrEqualTo(3);
				this.gate.answer(1);
				this.gate.awaitAnswered(answered + 1);
			}
			answers.forEach(answer -> assertThat(result(answer)).isEqualTo("Hi"));
			for (AssertableApplicationContext instance : instances) {
				awaitClusterInUse(limiter(instance), 0);
				assertThat(limiter(instance).fallbacks()).isZero();
			}
		});
		assertThat(completions()).isEqualTo(18);
		assertThat(this.gate.maxInFlight()).isEqualTo(3);
	}

	@Test
	void withoutSharingTheSameLoadExceedsTheLimit() {
		// the control of the scenario above: each instance alone allows 3
		ApplicationContextRunner runner = runner("control", redis).withPropertyValues(
				"spring.ai.relay.resilience.shared.enabled=false",
				"spring.ai.relay.resilience.bulkhead.max-concurrent-calls=3",
				"spring.ai.relay.resilience.bulkhead.max-queue-size=30");
		this.gate.hold();
		withInstances(runner, 3, instances -> {
			List<Future<String>> answers = callAll(instances, 18);
			this.gate.awaitInFlight(4);
			this.gate.open();
			answers.forEach(answer -> assertThat(result(answer)).isEqualTo("Hi"));
		});
		assertThat(this.gate.maxInFlight()).isGreaterThan(3);
	}

	@Test
	void theCallsOfAnInstanceThatDiedGiveTheirPermitsBackAfterTheLease() {
		ApplicationContextRunner runner = runner("lease", redis).withPropertyValues(
				"spring.ai.relay.resilience.bulkhead.max-concurrent-calls=2",
				"spring.ai.relay.resilience.bulkhead.max-queue-size=4", "spring.ai.relay.resilience.shared.lease=4s");
		this.gate.hold();
		runner.run(survivor -> {
			runner.run(dying -> {
				// the dying instance holds the whole limit, its calls held at the gateway
				call(dying);
				call(dying);
				this.gate.awaitInFlight(2);
				// the instance loses Redis and is closed mid-call: no release reaches
				// Redis
				dying.getBean(RedissonClient.class).shutdown(0, 2, TimeUnit.SECONDS);
			});
			SharedLimiter limiter = limiter(survivor);
			assertThat(limiter.clusterInUse().block(BOUND)).isEqualTo(2);
			this.gate.open();
			// waits (max-wait 30s) until the leases of the dead instance's permits ran
			// out
			assertThat(result(call(survivor))).isEqualTo("Hi");
			assertThat(limiter.rejections()).isZero();
			awaitClusterInUse(limiter, 0);
		});
	}

	@Test
	void whenRedisStopsDuringLoadCallsGoOnLocallyAndTheSharedLimitComesBack() {
		try (RedisServer ownRedis = RedisServer.start()) {
			ApplicationContextRunner runner = runner("outage", ownRedis).withPropertyValues(
					"spring.ai.relay.resilience.bulkhead.max-concurrent-calls=2",
					"spring.ai.relay.resilience.bulkhead.max-queue-size=20",
					"spring.ai.relay.resilience.bulkhead.max-wait=10s",
					"spring.ai.relay.resilience.shared.redis-timeout=500ms",
					"spring.ai.relay.resilience.shared.retry-interval=300ms");
			this.gate.hold();
			withInstances(runner, 2, instances -> {
				List<Future<String>> answers = callAll(instances, 12);
				// Redis stops while two calls hold the shared permits at the gateway and
				// the others of each instance wait for one
				this.gate.awaitInFlight(2);
				ownRedis.stop();
				this.gate.open();
				answers.forEach(answer -> assertThat(result(answer)).isEqualTo("Hi"));
				assertThat(instances).allSatisfy(instance -> assertThat(limiter(instance).storeUp()).isFalse());

				ownRedis.resume();
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
					"spring.ai.relay.chat.transport=plain", MODELS_UNLISTED, "spring.data.redis.host=127.0.0.1",
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

	/**
	 * Waits until the condition holds, at most {@link #BOUND}, polling every millisecond.
	 * @param what the awaited state, for the failure message
	 * @param condition whether it is reached
	 */
	static void await(Supplier<String> what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + BOUND.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Not within " + BOUND + ": " + what.get());
			}
			LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
		}
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

	/**
	 * A gateway whose chat calls wait at a gate the test controls, counting the calls in
	 * flight and the most in flight at once. Open (at first), calls are answered at once;
	 * held, each call waits until the test lets it answer ({@link #answer(int)},
	 * {@link #open()}), at most {@code BOUND}.
	 */
	static final class GatedGateway implements ResponseDefinitionTransformerV2 {

		private final AtomicInteger inFlight = new AtomicInteger();

		private final AtomicInteger maxInFlight = new AtomicInteger();

		private final AtomicInteger answered = new AtomicInteger();

		private boolean open = true;

		private int answers;

		/** Holds the calls from now on until they are let through. */
		synchronized void hold() {
			this.open = false;
			this.answers = 0;
		}

		/** Lets {@code calls} held calls answer, now or when they arrive. */
		synchronized void answer(int calls) {
			this.answers += calls;
			notifyAll();
		}

		/** Lets every call answer, the held ones and those to come. */
		synchronized void open() {
			this.open = true;
			notifyAll();
		}

		int inFlight() {
			return this.inFlight.get();
		}

		int maxInFlight() {
			return this.maxInFlight.get();
		}

		/** Waits until at least {@code calls} calls are in flight at the gate. */
		void awaitInFlight(int calls) {
			await(() -> calls + " calls in flight, " + inFlight() + " were", () -> inFlight() >= calls);
		}

		/** Waits until at least {@code calls} calls have passed the gate. */
		void awaitAnswered(int calls) {
			await(() -> calls + " calls answered, " + this.answered.get() + " were",
					() -> this.answered.get() >= calls);
		}

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			if (!serveEvent.getRequest().getUrl().endsWith("/chat/completions")) {
				return serveEvent.getResponseDefinition();
			}
			this.maxInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
			try {
				pass();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				// out of flight before counted as answered: a test that saw the answer
				// sees the call gone
				this.inFlight.decrementAndGet();
				this.answered.incrementAndGet();
			}
			return serveEvent.getResponseDefinition();
		}

		private synchronized void pass() throws InterruptedException {
			long deadline = System.nanoTime() + BOUND.toNanos();
			while (!this.open && this.answers == 0) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new IllegalStateException("a call was held at the gate longer than " + BOUND);
				}
				TimeUnit.NANOSECONDS.timedWait(this, left);
			}
			if (!this.open) {
				this.answers--;
			}
		}

		@Override
		public String getName() {
			return "gated-gateway";
		}

	}

}
