package io.github.relayai.autoconfigure;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.relayai.resilience.SharedLimiter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Micrometer meters of a {@link SharedLimiter}: the gauges {@value #PERMITS} tagged
 * {@code scope=local} (held by this instance) and {@code scope=cluster} (held by all
 * instances, read from Redis), {@value #REDIS_UP}; the timer {@value #WAIT} of the waits
 * for a shared permit; the counters {@value #REJECTIONS}, {@value #FALLBACKS} (calls
 * limited locally because Redis failed) and {@value #REDIS_FAILURES}.
 */
final class RelaySharedLimitsMetrics implements MeterBinder {

	static final String PERMITS = "relay.shared.permits";

	static final String REDIS_UP = "relay.shared.redis.up";

	static final String WAIT = "relay.shared.wait";

	static final String REJECTIONS = "relay.shared.rejections";

	static final String FALLBACKS = "relay.shared.fallbacks";

	static final String REDIS_FAILURES = "relay.shared.redis.failures";

	private final SharedLimiter limiter;

	private final Duration timeout;

	RelaySharedLimitsMetrics(SharedLimiter limiter, Duration timeout) {
		this.limiter = limiter;
		this.timeout = timeout;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(PERMITS, this.limiter, SharedLimiter::localInUse)
			.description("Shared permits held by this instance")
			.tag("scope", "local")
			.register(registry);
		Gauge.builder(PERMITS, this, RelaySharedLimitsMetrics::clusterInUse)
			.description("Shared permits held by all instances (NaN while Redis does not answer)")
			.tag("scope", "cluster")
			.register(registry);
		Gauge.builder(REDIS_UP, this.limiter, limiter -> limiter.storeUp() ? 1 : 0)
			.description("1 while Redis answers and the shared limits apply, 0 during an outage")
			.register(registry);
		FunctionTimer.builder(WAIT, this.limiter, SharedLimiter::waits, SharedLimiter::waitNanos, TimeUnit.NANOSECONDS)
			.description("Waits for a shared permit (calls that got one)")
			.register(registry);
		FunctionCounter.builder(REJECTIONS, this.limiter, SharedLimiter::rejections)
			.description("Calls rejected by a shared limit")
			.register(registry);
		FunctionCounter.builder(FALLBACKS, this.limiter, SharedLimiter::fallbacks)
			.description("Calls limited locally because Redis failed")
			.register(registry);
		FunctionCounter.builder(REDIS_FAILURES, this.limiter, SharedLimiter::storeFailures)
			.description("Redis operations of the shared limits that failed or timed out")
			.register(registry);
	}

	private double clusterInUse() {
		Integer inUse = this.limiter.clusterInUse().block(this.timeout.plusSeconds(1));
		return (inUse != null) ? inUse : Double.NaN;
	}

}
