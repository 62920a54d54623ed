package io.github.relayai.resilience;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * The store that holds limits shared by every instance of an application: a concurrency
 * limit whose permits expire when the instance that holds them dies, and a rate limit.
 * Each limit is named by a key (one per upstream and API key). Every operation is
 * asynchronous; a failure of the store is signalled as an error, never as an empty
 * answer. {@link RedissonSharedLimits} keeps them in Redis.
 */
public interface SharedLimits {

	/**
	 * Takes one of the {@code limit} permits of a concurrency limit, waiting up to
	 * {@code maxWait} for one to be released.
	 * @param key the limit's key
	 * @param limit the number of permits across all instances
	 * @param maxWait how long to wait for a permit
	 * @param lease how long the permit is held at most: it is freed after this even if
	 * never released (an instance killed mid-call)
	 * @return the permit's id, empty when none was free within {@code maxWait}
	 */
	Mono<String> acquire(String key, int limit, Duration maxWait, Duration lease);

	/**
	 * Gives a permit back.
	 * @param key the limit's key
	 * @param permit the permit's id from {@link #acquire}
	 * @return completes when the store has taken it back
	 */
	Mono<Void> release(String key, String permit);

	/**
	 * Extends the lease of a permit still held, to {@code lease} from now.
	 * @param key the limit's key
	 * @param permit the permit's id from {@link #acquire}
	 * @param lease the new lease, from now
	 * @return whether the permit was still held (false: its lease had run out and it was
	 * freed)
	 */
	Mono<Boolean> renew(String key, String permit, Duration lease);

	/**
	 * Takes one permit of a rate limit of {@code limitForPeriod} calls per
	 * {@code period}, waiting up to {@code maxWait} for one.
	 * @param key the limit's key
	 * @param limitForPeriod calls per period across all instances
	 * @param period the period
	 * @param maxWait how long to wait for a permit
	 * @return whether a permit was taken within {@code maxWait}
	 */
	Mono<Boolean> acquireRate(String key, int limitForPeriod, Duration period, Duration maxWait);

	/**
	 * The permits of a concurrency limit held right now by all instances.
	 * @param key the limit's key
	 * @return the number of permits held
	 */
	Mono<Integer> inUse(String key);

}
