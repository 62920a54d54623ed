package io.github.relayai.resilience;

import java.time.Duration;

import io.github.relayai.testsupport.LocalRedis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RedissonSharedLimits} against a real {@code redis-server}.
 */
class RedissonSharedLimitsTest {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	@RegisterExtension
	static final LocalRedis redis = new LocalRedis();

	private static SharedLimits limits;

	@BeforeAll
	static void connect() {
		limits = RedissonSharedLimits.of(redis.client());
	}

	@Test
	void holdsAtMostTheLimitAndTakesPermitsBack() {
		String key = "test:limit";
		String first = limits.acquire(key, 2, Duration.ZERO, Duration.ofMinutes(1)).block(BLOCK);
		String second = limits.acquire(key, 2, Duration.ZERO, Duration.ofMinutes(1)).block(BLOCK);
		assertThat(first).isNotNull().isNotEqualTo(second);
		assertThat(limits.acquire(key, 2, Duration.ZERO, Duration.ofMinutes(1)).blockOptional(BLOCK)).isEmpty();
		assertThat(limits.inUse(key).block(BLOCK)).isEqualTo(2);
		limits.release(key, first).block(BLOCK);
		assertThat(limits.inUse(key).block(BLOCK)).isEqualTo(1);
		assertThat(limits.acquire(key, 2, Duration.ZERO, Duration.ofMinutes(1)).blockOptional(BLOCK)).isPresent();
	}

	@Test
	void aPermitNeverReleasedComesBackAfterItsLease() {
		String key = "test:lease";
		assertThat(limits.acquire(key, 1, Duration.ZERO, Duration.ofMillis(300)).block(BLOCK)).isNotNull();
		// the holder "died": the next caller gets the permit once the lease ran out
		assertThat(limits.acquire(key, 1, Duration.ofSeconds(8), Duration.ofMinutes(1)).blockOptional(BLOCK))
			.isPresent();
	}

	@Test
	void aPermitGrantedAfterTheCallerGaveUpIsReleased() {
		String key = "test:cancel";
		String held = limits.acquire(key, 1, Duration.ZERO, Duration.ofMinutes(1)).block(BLOCK);
		Disposable waiting = limits.acquire(key, 1, Duration.ofSeconds(8), Duration.ofMinutes(1)).subscribe();
		waiting.dispose();
		limits.release(key, held).block(BLOCK);
		// if the abandoned wait took the permit, it gives it back: a new caller gets it
		assertThat(limits.acquire(key, 1, Duration.ofSeconds(8), Duration.ofMinutes(1)).blockOptional(BLOCK))
			.isPresent();
	}

	@Test
	void rateLimitGrantsAtMostTheLimitPerPeriod() {
		String key = "test:rate";
		Duration period = Duration.ofMinutes(1);
		for (int i = 0; i < 3; i++) {
			assertThat(limits.acquireRate(key, 3, period, Duration.ZERO).block(BLOCK)).isTrue();
		}
		assertThat(limits.acquireRate(key, 3, period, Duration.ZERO).block(BLOCK)).isFalse();
	}

	@Test
	void limitsComeBackWhenRedisLostThem() {
		String key = "test:flushed";
		assertThat(limits.acquire(key, 1, Duration.ZERO, Duration.ofMinutes(1)).block(BLOCK)).isNotNull();
		redis.client().getKeys().flushall();
		assertThat(limits.acquire(key, 1, Duration.ZERO, Duration.ofMinutes(1)).blockOptional(BLOCK)).isPresent();
		assertThat(limits.acquireRate(key + ":rate", 1, Duration.ofMinutes(1), Duration.ZERO).block(BLOCK)).isTrue();
	}

}
