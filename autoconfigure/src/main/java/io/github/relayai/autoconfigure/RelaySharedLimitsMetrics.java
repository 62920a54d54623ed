package io.github.relayai.autoconfigure;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.relayai.resilience.SharedLimiter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Micrometer meters of a {@link SharedLimiter}: the gauges {@value #PERMITS} tagged
 * {@code scope=local} (held by this instance) and {@code scope=cluster} (held by all
 * instances, read from Redis), {@value #REDIS_UP}; the timer {@value #WAIT} of the waits
 * for a shared permit; the counters {@value #REJECTIONS}, {@value #FALLBACKS} (calls
 * limited locally because Redis failed), {@value #LOST_LEASES} and
 * {@value #REDIS_FAILURES}. The meters of an upstream's own limit are named
 * {@value #UPSTREAM_PREFIX}{@code .*} instead and tagged with the upstream.
 */
final class RelaySharedLimitsMetrics implements MeterBinder {

	static final String PREFIX = "relay.shared";

	/** The prefix of the meters of an upstream's own shared limit. */
	static final String UPSTREAM_PREFIX = "relay.shared.upstream";

	static final String PERMITS = PREFIX + ".permits";

	static final String REDIS_UP = PREFIX + ".redis.up";

	static final String WAIT = PREFIX + ".wait";

	static final String REJECTIONS = PREFIX + ".rejections";

	static final String FALLBACKS = PREFIX + ".fallbacks";

	static final String REDIS_FAILURES = PREFIX + ".redis.failures";

	static final String LOST_LEASES = PREFIX + ".lost.leases";

	private final SharedLimiter limiter;

	private final Duration timeout;

	private final String prefix;

	private final Tags tags;

	RelaySharedLimitsMetrics(SharedLimiter limiter, Duration timeout) {
		this(limiter, timeout, PREFIX, Tags.empty());
	}

	RelaySharedLimitsMetrics(SharedLimiter limiter, Duration timeout, String prefix, Tags tags) {
		this.limiter = limiter;
		this.timeout = timeout;
		this.prefix = prefix;
		this.tags = tags;
	}

	private String name(String meter) {
		return this.prefix + meter.substring(PREFIX.length());
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(name(PERMITS), this.limiter, SharedLimiter::localInUse)
			.description("Shared permits held by this instance")
			.tag("scope", "local")
			.tags(this.tags)
			.register(registry);
		Gauge.builder(name(PERMITS), this, RelaySharedLimitsMetrics::clusterInUse)
			.description("Shared permits held by all instances (NaN while Redis does not answer)")
			.tag("scope", "cluster")
			.tags(this.tags)
			.register(registry);
		Gauge.builder(name(REDIS_UP), this.limiter, limiter -> limiter.storeUp() ? 1 : 0)
			.description("1 while Redis answers and the shared limits apply, 0 during an outage")
			.tags(this.tags)
			.register(registry);
		FunctionTimer
			.builder(name(WAIT), this.limiter, SharedLimiter::waits, SharedLimiter::waitNanos, TimeUnit.NANOSECONDS)
			.description("Waits for a shared permit (calls that got one)")
			.tags(this.tags)
			.register(registry);
		FunctionCounter.builder(name(REJECTIONS), this.limiter, SharedLimiter::rejections)
			.description("Calls rejected by a shared limit")
			.tags(this.tags)
			.register(registry);
		FunctionCounter.builder(name(FALLBACKS), this.limiter, SharedLimiter::fallbacks)
			.description("Calls limited locally because Redis failed")
			.tags(this.tags)
			.register(registry);
		FunctionCounter.builder(name(LOST_LEASES), this.limiter, SharedLimiter::lostLeases)
			.description("Shared permits whose lease ran out while their call was still running")
			.tags(this.tags)
			.register(registry);
		FunctionCounter.builder(name(REDIS_FAILURES), this.limiter, SharedLimiter::storeFailures)
			.description("Redis operations of the shared limits that failed or timed out")
			.tags(this.tags)
			.register(registry);
	}

	private double clusterInUse() {
		Integer inUse = this.limiter.clusterInUse().block(this.timeout.plusSeconds(1));
		return (inUse != null) ? inUse : Double.NaN;
	}

}
