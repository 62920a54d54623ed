package io.github.relayai.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.relayai.chat.RelayChatModel;
import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.TransientRelayException;
import io.github.relayai.error.RelayAiException;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatResponse;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static io.github.relayai.resilience.Gateway.completion;
import static io.github.relayai.resilience.Gateway.plain;
import static org.assertj.core.api.Assertions.assertThat;
import io.github.relayai.resilience.Resilience4jPolicy.RetrySettings;
import io.github.relayai.resilience.Resilience4jPolicy.BulkheadSettings;

class BulkheadTest {

	@Test
	void twoInFlightAndTwoQueuedServeFourAndRejectFourAtOnce() throws Exception {
		Gate gate = new Gate();
		try (Gateway gateway = new Gateway(gate)) {
			gateway.server.stubFor(plain().willReturn(completion("Hi")));
			RelayChatModel model = gateway
				.model(Resilience4jPolicy.builder()
					.bulkhead(new BulkheadSettings(2, 2, Duration.ofSeconds(30)))
					.backoffScheduler(new VirtualClock())
					.build())
				.build();

			CountDownLatch rejected = new CountDownLatch(4);
			List<CompletableFuture<ChatResponse>> answers = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				answers.add(gateway.callAsync(model).whenComplete((response, failure) -> {
					if (failure != null) {
						rejected.countDown();
					}
				}));
			}
			assertThat(gate.arrivals.tryAcquire(2, 10, TimeUnit.SECONDS)).isTrue();
			// Rejected while the gateway still holds the first two: nobody waited for a
			// slot.
			assertThat(rejected.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(gate.arrivals.availablePermits()).isZero();
			gate.open.countDown();

			List<Throwable> failures = new ArrayList<>();
			int served = 0;
			for (CompletableFuture<ChatResponse> answer : answers) {
				try {
					assertThat(answer.get(10, TimeUnit.SECONDS).getResult().getOutput().getText()).isEqualTo("Hi");
					served++;
				}
				catch (java.util.concurrent.ExecutionException ex) {
					failures.add(ex.getCause());
				}
			}
			assertThat(served).isEqualTo(4);
			assertThat(failures).hasSize(4).allSatisfy(failure -> {
				assertThat(failure).isInstanceOf(TransientRelayException.QueueFull.class)
					.hasMessageContaining("not the gateway")
					.hasMessageContaining(
							"maxConcurrentCalls (spring.ai.relay.resilience.bulkhead.max-concurrent-calls)")
					.hasMessageContaining("spring.ai.relay.resilience.bulkhead.max-queue-size");
				assertThat(((RelayAiException) failure).error().category()).isEqualTo(ErrorCategory.QUEUE_FULL);
				assertThat(((RelayAiException) failure).isTransient()).isTrue();
			});
			assertThat(gate.maxInFlight.get()).isEqualTo(2);
			assertThat(gateway.requests()).isEqualTo(4);
		}
	}

	@Test
	void streamHoldsItsSlotUntilCancelled() {
		Resilience4jPolicy policy = Resilience4jPolicy.builder()
			.bulkhead(new BulkheadSettings(1, 0, Duration.ZERO))
			.build();
		List<String> received = new ArrayList<>();
		Disposable stream = policy.stream(Flux.concat(Flux.just("first"), Flux.<String>never()))
			.subscribe(received::add);

		assertThat(received).containsExactly("first");
		assertThat(policy.bulkhead().getMetrics().getAvailableConcurrentCalls()).isZero();
		StepVerifier.create(policy.call(Mono.just("other")))
			.expectError(TransientRelayException.QueueFull.class)
			.verify();

		stream.dispose();
		assertThat(policy.bulkhead().getMetrics().getAvailableConcurrentCalls()).isOne();
		StepVerifier.create(policy.call(Mono.just("other"))).expectNext("other").verifyComplete();
	}

	@Test
	void streamReleasesItsSlotWhenItCompletesOrFails() {
		Resilience4jPolicy policy = Resilience4jPolicy.builder()
			.bulkhead(new BulkheadSettings(1, 0, Duration.ZERO))
			.retry(new RetrySettings(1, Duration.ofMillis(500), 2, Duration.ofSeconds(8), Duration.ofSeconds(60)))
			.build();

		StepVerifier.create(policy.stream(Flux.just("a", "b"))).expectNext("a", "b").verifyComplete();
		assertThat(policy.bulkhead().getMetrics().getAvailableConcurrentCalls()).isOne();
		StepVerifier.create(policy.stream(Flux.concat(Flux.just("a"), Flux.error(new IllegalStateException()))))
			.expectNext("a")
			.expectError(IllegalStateException.class)
			.verify();
		assertThat(policy.bulkhead().getMetrics().getAvailableConcurrentCalls()).isOne();
	}

	@Test
	void noSlotWithinMaxWaitNamesMaxWait() {
		Resilience4jPolicy policy = Resilience4jPolicy.builder()
			.bulkhead(new BulkheadSettings(1, 1, Duration.ZERO))
			.build();
		Disposable holder = policy.stream(Flux.<String>never()).subscribe();

		StepVerifier.create(policy.call(Mono.just("x")))
			.expectErrorSatisfies(failure -> assertThat(failure).isInstanceOf(TransientRelayException.QueueFull.class)
				.hasMessageContaining("maxWait (spring.ai.relay.resilience.bulkhead.max-wait)"))
			.verify();
		holder.dispose();
	}

	@Test
	void localRejectionHintsInSimplifiedChinese() {
		Resilience4jPolicy policy = Resilience4jPolicy.builder()
			.bulkhead(new BulkheadSettings(1, 0, Duration.ZERO))
			.locale(Locale.SIMPLIFIED_CHINESE)
			.build();
		Disposable holder = policy.stream(Flux.<String>never()).subscribe();

		StepVerifier.create(policy.call(Mono.just("x")))
			.expectErrorSatisfies(failure -> assertThat(failure).hasMessageContaining("本地请求队列已满")
				.hasMessageContaining("max-queue-size"))
			.verify();
		holder.dispose();
	}

	@Test
	void localRejectionsAreNotRetriedButCounted() {
		List<ErrorCategory> failures = new ArrayList<>();
		VirtualClock clock = new VirtualClock();
		Resilience4jPolicy policy = Resilience4jPolicy.builder()
			.bulkhead(new BulkheadSettings(1, 0, Duration.ZERO))
			.backoffScheduler(clock)
			.onFailure(failure -> failures.add(failure.error().category()))
			.build();
		Disposable holder = policy.stream(Flux.<String>never()).subscribe();

		StepVerifier.create(policy.call(Mono.just("x"))).expectError(TransientRelayException.QueueFull.class).verify();

		assertThat(clock.noPendingWaits()).isTrue();
		assertThat(failures).containsExactly(ErrorCategory.QUEUE_FULL);
		holder.dispose();
	}

	/**
	 * Holds every request at the gateway until opened, counting how many it holds at
	 * once.
	 */
	static final class Gate implements ResponseDefinitionTransformerV2 {

		final CountDownLatch open = new CountDownLatch(1);

		final Semaphore arrivals = new Semaphore(0);

		final AtomicInteger inFlight = new AtomicInteger();

		final AtomicInteger maxInFlight = new AtomicInteger();

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			this.maxInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
			this.arrivals.release();
			try {
				this.open.await(20, TimeUnit.SECONDS);
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
			return "gate";
		}

	}

}
