package io.github.relayai.autoconfigure;

import io.github.relayai.error.RelayAiException;
import io.github.relayai.resilience.Resilience4jPolicy;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Micrometer meters of a {@link Resilience4jPolicy} that Resilience4j's own metrics lack:
 * the gauge {@value #QUEUE_DEPTH} (callers waiting for a slot), the counter
 * {@value #REJECTIONS} tagged by {@code reason} ({@code queue-full}: no room to wait;
 * {@code max-wait}: no slot within the wait), and the counter {@value #RETRIES} of
 * retries tagged by the {@code category} of the failure retried.
 */
final class RelayQueueMetrics implements MeterBinder {

	static final String QUEUE_DEPTH = "relay.queue.depth";

	static final String REJECTIONS = "relay.queue.rejections";

	static final String RETRIES = "relay.retries";

	private final Resilience4jPolicy policy;

	RelayQueueMetrics(Resilience4jPolicy policy) {
		this.policy = policy;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(QUEUE_DEPTH, this.policy, RelayQueueMetrics::waiting)
			.description("Callers waiting for a slot in Relay's local queue")
			.register(registry);
		Counter queueFull = rejections(registry, "queue-full");
		Counter maxWait = rejections(registry, "max-wait");
		this.policy.queue().getEventPublisher().onCallRejected(event -> queueFull.increment());
		this.policy.bulkhead().getEventPublisher().onCallRejected(event -> maxWait.increment());
		this.policy.retry()
			.getEventPublisher()
			.onRetry(event -> registry
				.counter(RETRIES, "category", (event.getLastThrowable() instanceof RelayAiException relay)
						? relay.error().category().name() : "UNCLASSIFIED")
				.increment());
	}

	private static Counter rejections(MeterRegistry registry, String reason) {
		return Counter.builder(REJECTIONS)
			.description("Requests rejected by Relay's local queue")
			.tag("reason", reason)
			.register(registry);
	}

	private static double waiting(Resilience4jPolicy policy) {
		int shared = (policy.sharedLimiter() != null) ? policy.sharedLimiter().localInUse() : 0;
		return Math.max(0, inFlight(policy.queue()) - inFlight(policy.bulkhead()) - shared);
	}

	private static int inFlight(Bulkhead bulkhead) {
		return bulkhead.getMetrics().getMaxAllowedConcurrentCalls()
				- bulkhead.getMetrics().getAvailableConcurrentCalls();
	}

}
