package io.github.relayai.routing;

import io.github.relayai.endpoint.Endpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.BiConsumer;

/**
 * Counts endpoint fallbacks in Micrometer; kept apart so that Micrometer stays optional.
 */
final class FallbackCounter {

	/** The counter's name. */
	static final String NAME = "relay.endpoint.fallbacks";

	private FallbackCounter() {
	}

	static BiConsumer<String, Endpoint> of(MeterRegistry registry) {
		return (model, endpoint) -> Counter.builder(NAME)
			.description("Requests Relay re-sent to another endpoint because the model is not a chat model")
			.tag("model", model)
			.tag("endpoint", endpoint.id())
			.register(registry)
			.increment();
	}

}
