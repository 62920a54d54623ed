package io.github.relayai.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.relayai.error.TransientRelayException;
import io.github.relayai.testsupport.LogCapture;
import io.github.relayai.testsupport.RedisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reactivestreams.Publisher;
import org.redisson.api.RedissonClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.github.relayai.resilience.SharedLimiter.OnStoreFailure;
import io.github.relayai.resilience.Resilience4jPolicy.BulkheadSettings;

/**
 * {@link SharedLimiter} while its {@code redis-server} is stopped and started again: no
 * call hangs, the local limits apply (or calls are rejected), one WARN per outage, and
 * the shared limits apply again once Redis answers.
 */
class SharedLimiterOutageTest {

	private static final Duration BLOCK = Duration.ofSeconds(15);

	@RegisterExtension
	final LogCapture logs = new LogCapture();

	private final AtomicInteger localUses = new AtomicInteger();

	private RedisServer redis;

	private RedissonClient client;

	@BeforeEach
	void start() {
		this.redis = RedisServer.start();
		this.client = this.redis.client();
	}

	@AfterEach
	void stop() {
		if (this.client != null) {
			this.client.shutdown();
		}
		if (this.redis != null) {
			this.redis.close();
		}
	}

	@Test
	void whileRedisIsDownTheLocalLimitsApplyAndTheSharedOnesComeBack() {
		SharedLimiter limiter = builder().onStoreFailure(OnStoreFailure.LOCAL).build();
		assertThat(call(limiter)).isEqualTo("answer");
		assertThat(this.localUses).hasValue(0);

		this.redis.stop();
		for (int i = 0; i < 5; i++) {
			assertThat(call(limiter)).isEqualTo("answer");
		}
		assertThat(this.localUses).hasValue(5);
		assertThat(limiter.fallbacks()).isEqualTo(5);
		assertThat(limiter.storeFailures()).isPositive();
		assertThat(limiter.storeUp()).isFalse();
		assertThat(warnings()).hasSize(1);
		assertThat(warnings().get(0).getFormattedMessage()).contains("local limits");

		this.redis.resume();
		long deadline = System.nanoTime() + BLOCK.toNanos();
		// calls go on (locally) until one, after the retry interval, finds Redis back;
		// bounded by time only, as fast local calls can outrun the interval by any count
		while (!limiter.storeUp() && System.nanoTime() < deadline) {
			assertThat(call(limiter)).isEqualTo("answer");
		}
		assertThat(limiter.storeUp()).isTrue();
		int localBefore = this.localUses.get();
		assertThat(call(limiter)).isEqualTo("answer");
		assertThat(this.localUses).hasValue(localBefore);
		assertThat(warnings()).hasSize(1);
		assertThat(events()).filteredOn(event -> event.getLevel() == Level.INFO)
			.extracting(ILoggingEvent::getFormattedMessage)
			.contains("Redis answers again: Relay's shared limits apply again");
	}

	@Test
	void withRejectCallsFailFastWhileRedisIsDown() {
		SharedLimiter limiter = builder().onStoreFailure(OnStoreFailure.REJECT).build();
		this.redis.stop();
		for (int i = 0; i < 3; i++) {
			assertThatThrownBy(() -> call(limiter)).isInstanceOf(TransientRelayException.Unavailable.class)
				.hasMessageContaining("on-redis-failure");
		}
		assertThat(this.localUses).hasValue(0);
		assertThat(limiter.rejections()).isEqualTo(3);
		assertThat(warnings()).hasSize(1);
		assertThat(warnings().get(0).getFormattedMessage()).contains("calls are rejected");
	}

	private SharedLimiter.Builder builder() {
		return SharedLimiter.builder(RedissonSharedLimits.of(this.client))
			.key("test:outage")
			.bulkhead(new BulkheadSettings(2, 4, Duration.ofSeconds(5)))
			.storeTimeout(Duration.ofMillis(500))
			.retryInterval(Duration.ofMillis(200));
	}

	private String call(SharedLimiter limiter) {
		return Mono.from(limiter.<String>concurrency(this::local).apply(Mono.just("answer"))).block(BLOCK);
	}

	/** A copy: Redisson's threads keep logging while a test reads. */
	private List<ILoggingEvent> events() {
		return new ArrayList<>(this.logs.events());
	}

	private Publisher<String> local(Publisher<String> request) {
		return Flux.from(request).doOnSubscribe(subscription -> this.localUses.incrementAndGet());
	}

	private List<ILoggingEvent> warnings() {
		return events().stream()
			.filter(event -> event.getLevel() == Level.WARN
					&& event.getLoggerName().equals(SharedLimiter.class.getName()))
			.toList();
	}

}
