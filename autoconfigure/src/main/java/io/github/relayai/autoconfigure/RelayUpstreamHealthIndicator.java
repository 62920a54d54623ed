package io.github.relayai.autoconfigure;

import io.github.relayai.upstream.UpstreamPool;
import io.github.relayai.upstream.UpstreamPool.UpstreamStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health of one upstream: OUT_OF_SERVICE while its circuit breaker is open, while it
 * cools down or when it is disabled (the detail {@code reason} says which); otherwise
 * what a {@link RelayHealthIndicator} probing that upstream reports (UP, or DOWN when it
 * is unreachable or does not list the model). No detail shows its API key.
 */
public final class RelayUpstreamHealthIndicator implements HealthIndicator {

	private final UpstreamPool pool;

	private final String name;

	private final HealthIndicator probe;

	/**
	 * Creates the indicator.
	 * @param pool the pool the upstream belongs to
	 * @param name the upstream's name
	 * @param probe the check of the upstream's gateway while it takes requests
	 */
	public RelayUpstreamHealthIndicator(UpstreamPool pool, String name, HealthIndicator probe) {
		this.pool = pool;
		this.name = name;
		this.probe = probe;
	}

	@Override
	public Health health() {
		UpstreamStatus status = this.pool.status(this.name);
		if (status == UpstreamStatus.UP) {
			Health probed = this.probe.health();
			Health.Builder health = Health.status(probed.getStatus()).withDetails(probed.getDetails());
			this.pool.latency(this.name).ifPresent(latency -> health.withDetail("timeToFirstTokenEwma", latency));
			return health.build();
		}
		Health.Builder health = Health.outOfService().withDetail("reason", status.name());
		this.pool.coolingUntil(this.name).ifPresent(until -> health.withDetail("until", until.toString()));
		return health.build();
	}

}
