package io.github.relayai.resilience;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.redisson.api.RPermitExpirableSemaphore;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import reactor.core.publisher.Mono;

/**
 * {@link SharedLimits} in Redis through Redisson: a concurrency limit is an
 * {@link RPermitExpirableSemaphore} (permits carry a lease, so those of a dead instance
 * come back when it ends), a rate limit an {@link RRateLimiter} of type
 * {@link RateType#OVERALL}. Both are created on first use with the limit given, and again
 * if Redis lost them (a restart without persistence): each acquisition first runs
 * Redisson's {@code trySetPermits} / {@code trySetRate}, which change nothing when the
 * limit exists. A limit that already exists keeps the size it was created with.
 * <p>
 * A permit taken after its caller gave up (a timeout or cancellation while waiting) is
 * released at once.
 */
public final class RedissonSharedLimits implements SharedLimits {

	private final RedissonClient redisson;

	private RedissonSharedLimits(RedissonClient redisson) {
		this.redisson = Objects.requireNonNull(redisson, "redisson must not be null");
	}

	/**
	 * Limits kept through the given client; the client's timeouts bound each command.
	 * @param redisson the Redisson client
	 * @return the shared limits
	 */
	public static RedissonSharedLimits of(RedissonClient redisson) {
		return new RedissonSharedLimits(redisson);
	}

	@Override
	public Mono<String> acquire(String key, int limit, Duration maxWait, Duration lease) {
		return Mono.defer(() -> {
			RPermitExpirableSemaphore semaphore = this.redisson.getPermitExpirableSemaphore(key);
			CompletableFuture<String> permit = semaphore.trySetPermitsAsync(limit)
				.thenCompose(created -> semaphore.tryAcquireAsync(maxWait.toMillis(), lease.toMillis(),
						TimeUnit.MILLISECONDS))
				.toCompletableFuture();
			AtomicBoolean handedOver = new AtomicBoolean();
			return Mono.fromFuture(permit, true).doOnNext(id -> handedOver.set(true)).doFinally(signal -> {
				if (!handedOver.get()) {
					permit.thenAccept(late -> {
						if (late != null) {
							semaphore.releaseAsync(late);
						}
					});
				}
			});
		});
	}

	@Override
	public Mono<Void> release(String key, String permit) {
		return Mono.defer(
				() -> Mono.fromCompletionStage(this.redisson.getPermitExpirableSemaphore(key).tryReleaseAsync(permit))
					.then());
	}

	@Override
	public Mono<Boolean> renew(String key, String permit, Duration lease) {
		return Mono.defer(() -> Mono.fromCompletionStage(this.redisson.getPermitExpirableSemaphore(key)
			.updateLeaseTimeAsync(permit, lease.toMillis(), TimeUnit.MILLISECONDS)));
	}

	@Override
	public Mono<Boolean> acquireRate(String key, int limitForPeriod, Duration period, Duration maxWait) {
		return Mono.defer(() -> {
			RRateLimiter limiter = this.redisson.getRateLimiter(key);
			return Mono.fromCompletionStage(limiter.trySetRateAsync(RateType.OVERALL, limitForPeriod, period)
				.thenCompose(created -> limiter.tryAcquireAsync(maxWait)));
		});
	}

	@Override
	public Mono<Integer> inUse(String key) {
		return Mono.defer(
				() -> Mono.fromCompletionStage(this.redisson.getPermitExpirableSemaphore(key).acquiredPermitsAsync()));
	}

}
