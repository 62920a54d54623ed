package io.github.relayai.resilience;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import io.github.relayai.error.TransientRelayException;
import io.github.relayai.testsupport.LocalRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reactivestreams.Publisher;
import org.redisson.api.RPermitExpirableSemaphore;
import org.redisson.client.RedisConnectionException;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.github.relayai.resilience.Resilience4jPolicy.BulkheadSettings;
import io.github.relayai.resilience.Resilience4jPolicy.RateLimiterSettings;

/**
 * {@link SharedLimiter} against a real {@code redis-server}: the shared concurrency limit
 * holds, waiting callers get freed permits, every way a request ends gives its permit
 * back, and the shared rate limit holds.
 */
class SharedLimiterTest {

	private static final Duration BLOCK = Duration.ofSeconds(15);

	@RegisterExtension
	static final LocalRedis redis = new LocalRedis();

	private final AtomicInteger localUses = new AtomicInteger();

	@Test
	void holdsAtMostTheLimitAndRejectsWhenNoneFreesUp() {
		SharedLimiter limiter = limiter(new BulkheadSettings(2, 0, Duration.ZERO));
		Sinks.One<String> first = Sinks.one();
		Sinks.One<String> second = Sinks.one();
		Disposable one = limited(limiter, first.asMono()).subscribe();
		Disposable two = limited(limiter, second.asMono()).subscribe();
		awaitLocalInUse(limiter, 2);

		assertThatThrownBy(() -> limited(limiter, Mono.just("third")).block(BLOCK))
			.isInstanceOf(TransientRelayException.QueueFull.class)
			.hasMessageContaining("shared by all instances");
		assertThat(limiter.rejections()).isEqualTo(1);

		first.tryEmitValue("done");
		assertThat(limited(limiter, Mono.just("fourth")).block(BLOCK)).isEqualTo("fourth");
		two.dispose();
		one.dispose();
		assertThat(this.localUses).hasValue(0);
	}

	@Test
	void callersThatMayWaitGetFreePermitsAtOnce() {
		SharedLimiter limiter = limiter(new BulkheadSettings(2, 4, Duration.ofSeconds(10)));
		Disposable one = limited(limiter, Mono.never()).subscribe();
		Disposable two = limited(limiter, Mono.never()).subscribe();
		awaitLocalInUse(limiter, 2);
		awaitClusterInUse(limiter, 2);
		one.dispose();
		two.dispose();
	}

	@Test
	void aWaitingCallerGetsTheFreedPermit() {
		SharedLimiter limiter = limiter(new BulkheadSettings(1, 4, Duration.ofSeconds(10)));
		Sinks.One<String> holder = Sinks.one();
		limited(limiter, holder.asMono()).subscribe();
		awaitLocalInUse(limiter, 1);
		Mono<String> waiter = limited(limiter, Mono.just("waited")).cache();
		waiter.subscribe();
		holder.tryEmitValue("done");
		assertThat(waiter.block(BLOCK)).isEqualTo("waited");
		assertThat(limiter.waits()).isEqualTo(2);
	}

	@Test
	void everyWayARequestEndsGivesItsPermitBack() {
		// one permit, and a wait long enough for a released one: a permit not given back
		// fails the next call with QUEUE_FULL
		SharedLimiter limiter = limiter(new BulkheadSettings(1, 4, Duration.ofSeconds(10)));
		assertThat(limited(limiter, Mono.just("answer")).block(BLOCK)).isEqualTo("answer");
		assertThatThrownBy(() -> limited(limiter, Mono.error(new IllegalStateException("gateway failed"))).block(BLOCK))
			.hasMessage("gateway failed");
		Disposable cancelled = limited(limiter, Mono.never()).subscribe();
		awaitLocalInUse(limiter, 1);
		cancelled.dispose();
		assertThat(limitedStream(limiter, Flux.just("a", "b", "c")).collectList().block(BLOCK)).containsExactly("a",
				"b", "c");
		assertThat(limitedStream(limiter, Flux.just("a", "b").concatWith(Flux.never())).take(1).blockLast(BLOCK))
			.isEqualTo("a");
		assertThatThrownBy(
				() -> limitedStream(limiter, Flux.just("a").concatWith(Flux.error(new IllegalStateException("cut"))))
					.blockLast(BLOCK))
			.hasMessage("cut");
		assertThat(limited(limiter, Mono.just("last")).block(BLOCK)).isEqualTo("last");
		awaitLocalInUse(limiter, 0);
		assertThat(limiter.rejections()).isZero();
		awaitClusterInUse(limiter, 0);
	}

	@Test
	void theRateLimitIsShared() {
		RateLimiterSettings rate = new RateLimiterSettings(true, 3, Duration.ofMinutes(1), Duration.ZERO);
		String key = key();
		SharedLimiter one = builder(key).rateLimiter(rate).build();
		SharedLimiter other = builder(key).rateLimiter(rate).build();
		UnaryOperator<Publisher<String>> local = this::local;
		assertThat(Mono.from(one.rate(local).apply(Mono.just("1"))).block(BLOCK)).isEqualTo("1");
		assertThat(Mono.from(other.rate(local).apply(Mono.just("2"))).block(BLOCK)).isEqualTo("2");
		assertThat(Mono.from(one.rate(local).apply(Mono.just("3"))).block(BLOCK)).isEqualTo("3");
		assertThatThrownBy(() -> Mono.from(other.rate(local).apply(Mono.just("4"))).block(BLOCK))
			.isInstanceOf(TransientRelayException.RateLimited.class)
			.hasMessageContaining("shared by all instances");
		assertThat(this.localUses).hasValue(0);
	}

	@Test
	void aRequestRenewsItsLeaseWhileItRunsAndALostLeaseIsReported() {
		VirtualTimeScheduler timer = VirtualTimeScheduler.create();
		Duration lease = Duration.ofMinutes(3);
		String key = key();
		Recording limits = new Recording(RedissonSharedLimits.of(redis.client()));
		SharedLimiter limiter = SharedLimiter.builder(limits)
			.key(key)
			.bulkhead(new BulkheadSettings(1, 0, Duration.ZERO))
			.lease(lease)
			.timer(timer)
			.build();
		RPermitExpirableSemaphore semaphore = redis.client().getPermitExpirableSemaphore(key + ":concurrency");
		Disposable stream = limitedStream(limiter, Flux.never()).subscribe();
		awaitLocalInUse(limiter, 1);
		String permit = limits.permits.get(0);

		// as if most of the lease had passed: the renewal a third of the lease on gives
		// it a whole lease again
		semaphore.updateLeaseTime(permit, 2, TimeUnit.SECONDS);
		timer.advanceTimeBy(Duration.ofMinutes(1));
		awaitRenewals(limits, 1);
		assertThat(limits.renewed).containsExactly(true);
		assertThat(semaphore.getLeaseTime(permit)).isGreaterThan(Duration.ofMinutes(2).toMillis());
		for (int renewals = 2; renewals <= 6; renewals++) {
			timer.advanceTimeBy(Duration.ofMinutes(1));
			awaitRenewals(limits, renewals);
		}
		assertThat(limiter.lostLeases()).isZero();
		assertThat(semaphore.acquiredPermits()).isEqualTo(1);

		// the permit is gone (as after a Redis outage longer than the lease): the next
		// renewal notices, once
		semaphore.release(permit);
		timer.advanceTimeBy(Duration.ofMinutes(1));
		awaitRenewals(limits, 7);
		assertThat(limits.renewed).endsWith(false);
		// the lost lease is reported as the renewals stop, on the store's thread
		long deadline = System.nanoTime() + BLOCK.toNanos();
		while (limiter.lostLeases() == 0 && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(limiter.lostLeases()).isEqualTo(1);
		timer.advanceTimeBy(Duration.ofMinutes(3));
		assertThat(limits.renewed).hasSize(7);

		stream.dispose();
		awaitLocalInUse(limiter, 0);
	}

	@Test
	void aPermitGivenBackIsRenewedNoMore() {
		VirtualTimeScheduler timer = VirtualTimeScheduler.create();
		Recording limits = new Recording(RedissonSharedLimits.of(redis.client()));
		SharedLimiter limiter = SharedLimiter.builder(limits)
			.key(key())
			.lease(Duration.ofMinutes(3))
			.timer(timer)
			.build();
		assertThat(Mono.from(limiter.<String>concurrency(this::local).apply(Mono.just("answer"))).block(BLOCK))
			.isEqualTo("answer");
		awaitLocalInUse(limiter, 0);
		timer.advanceTimeBy(Duration.ofMinutes(10));
		assertThat(limits.renewed).isEmpty();
	}

	@Test
	void aReleaseThatFailsIsTriedAgainSoThePermitIsNotHeldForTheWholeLease() {
		VirtualTimeScheduler timer = VirtualTimeScheduler.create();
		Recording limits = new Recording(RedissonSharedLimits.of(redis.client()));
		SharedLimiter limiter = SharedLimiter.builder(limits)
			.key(key())
			.lease(Duration.ofMinutes(10))
			.timer(timer)
			.build();
		// as on a pooled connection that a Redis restart broke
		limits.failingReleases.set(2);

		assertThat(limited(limiter, Mono.just("answer")).block(BLOCK)).isEqualTo("answer");
		// the release runs as the request completes, maybe after the caller has its
		// answer: the clock moves on until the third try has been sent
		long deadline = System.nanoTime() + BLOCK.toNanos();
		while (limits.releases.get() < 3 && System.nanoTime() < deadline) {
			timer.advanceTimeBy(Duration.ofMillis(SharedLimiter.RELEASE_BACKOFF_MILLIS));
			Thread.onSpinWait();
		}
		assertThat(limits.releases).hasValue(3);
		awaitClusterInUse(limiter, 0);
		timer.advanceTimeBy(Duration.ofMinutes(1));
		assertThat(limits.releases).hasValue(3);
	}

	@Test
	void withTheRateLimiterOffTheRateLayerIsTheLocalOne() {
		SharedLimiter limiter = builder(key()).build();
		UnaryOperator<Publisher<String>> local = this::local;
		assertThat(limiter.rate(local)).isSameAs(local);
	}

	private SharedLimiter limiter(BulkheadSettings bulkhead) {
		return builder(key()).bulkhead(bulkhead).build();
	}

	private static SharedLimiter.Builder builder(String key) {
		return SharedLimiter.builder(RedissonSharedLimits.of(redis.client())).key(key);
	}

	private static String key() {
		return "test:" + UUID.randomUUID();
	}

	private Mono<String> limited(SharedLimiter limiter, Mono<String> request) {
		return Mono.from(limiter.<String>concurrency(this::local).apply(request));
	}

	private Flux<String> limitedStream(SharedLimiter limiter, Flux<String> request) {
		return Flux.from(limiter.<String>concurrency(this::local).apply(request));
	}

	/** The local layer: counts its uses, which only an outage of Redis may cause. */
	private Publisher<String> local(Publisher<String> request) {
		return Flux.from(request).doOnSubscribe(subscription -> this.localUses.incrementAndGet());
	}

	static void awaitLocalInUse(SharedLimiter limiter, int expected) {
		long deadline = System.nanoTime() + BLOCK.toNanos();
		while (limiter.localInUse() != expected && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(limiter.localInUse()).isEqualTo(expected);
	}

	private static void awaitRenewals(Recording limits, int expected) {
		long deadline = System.nanoTime() + BLOCK.toNanos();
		while (limits.renewed.size() < expected && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(limits.renewed).hasSize(expected);
	}

	static void awaitClusterInUse(SharedLimiter limiter, int expected) {
		long deadline = System.nanoTime() + BLOCK.toNanos();
		Integer inUse = limiter.clusterInUse().block(BLOCK);
		while (inUse != expected && System.nanoTime() < deadline) {
			inUse = limiter.clusterInUse().block(BLOCK);
		}
		assertThat(inUse).isEqualTo(expected);
	}

	/**
	 * The store in Redis, recording the permits it hands out and the renewals' answers.
	 */
	private static final class Recording implements SharedLimits {

		final List<String> permits = new CopyOnWriteArrayList<>();

		final List<Boolean> renewed = new CopyOnWriteArrayList<>();

		final AtomicInteger releases = new AtomicInteger();

		/** How many of the next releases fail before they reach Redis. */
		final AtomicInteger failingReleases = new AtomicInteger();

		private final SharedLimits store;

		Recording(SharedLimits store) {
			this.store = store;
		}

		@Override
		public Mono<String> acquire(String key, int limit, Duration maxWait, Duration lease) {
			return this.store.acquire(key, limit, maxWait, lease).doOnNext(this.permits::add);
		}

		@Override
		public Mono<Void> release(String key, String permit) {
			return Mono.defer(() -> {
				this.releases.incrementAndGet();
				return (this.failingReleases.getAndDecrement() > 0)
						? Mono.error(new RedisConnectionException("Connection is closed"))
						: this.store.release(key, permit);
			});
		}

		@Override
		public Mono<Boolean> renew(String key, String permit, Duration lease) {
			// recorded once the renewal has ended downstream too: the limiter skips ticks
			// that come while a renewal is under way, so a test must not move the clock
			// on
			// before it has ended
			AtomicReference<Boolean> held = new AtomicReference<>();
			return this.store.renew(key, permit, lease).doOnNext(held::set).doFinally(signal -> {
				if (held.get() != null) {
					this.renewed.add(held.get());
				}
			});
		}

		@Override
		public Mono<Boolean> acquireRate(String key, int limitForPeriod, Duration period, Duration maxWait) {
			return this.store.acquireRate(key, limitForPeriod, period, maxWait);
		}

		@Override
		public Mono<Integer> inUse(String key) {
			return this.store.inUse(key);
		}

	}

}
