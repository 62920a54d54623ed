package io.github.relayai.autoconfigure;

import io.github.relayai.exchange.RequestListener;
import io.github.relayai.exchange.RequestListener.RequestRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Publishes every finished Relay request to Micrometer: the timer {@value #REQUESTS}
 * tagged by {@code endpoint}, {@code model} (requested), {@code response.model} (the
 * model the answer names, {@code unknown} when none did), {@code operation} ({@code call}
 * or {@code stream}), {@code outcome} ({@code success}, {@code failure},
 * {@code cancelled}), {@code category} (the error category, or {@code none}) and
 * {@code upstream} (the upstream that answered, {@code default} for
 * {@code spring.ai.relay.base-url} alone, {@code unknown} for a failure), and for streams
 * the timer {@value #TIME_TO_FIRST_TOKEN} tagged by {@code endpoint}, {@code model},
 * {@code response.model} and {@code upstream}.
 */
public final class RelayMetrics implements RequestListener {

	/** The timer of finished requests. */
	public static final String REQUESTS = "relay.requests";

	/** The timer from a stream's start to its first element with content. */
	public static final String TIME_TO_FIRST_TOKEN = "relay.stream.time.to.first.token";

	/** The counter of the tokens the answers report. */
	public static final String TOKENS = "relay.tokens";

	private final MeterRegistry registry;

	/**
	 * Creates the listener.
	 * @param registry where the meters go
	 */
	public RelayMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void onRequest(RequestRecord record) {
		String endpoint = record.endpoint().orElse("unknown");
		String model = (record.model() != null) ? record.model() : "unknown";
		String responseModel = record.responseModel().orElse("unknown");
		String upstream = record.upstream()
			.orElse((record.outcome() == RequestRecord.Outcome.SUCCESS) ? "default" : "unknown");
		Timer.builder(REQUESTS)
			.description("Requests to the gateway, after retries and fallback models")
			.tag("endpoint", endpoint)
			.tag("model", model)
			.tag("response.model", responseModel)
			.tag("operation", record.stream() ? "stream" : "call")
			.tag("outcome", record.outcome().name().toLowerCase(java.util.Locale.ROOT))
			.tag("category", record.category().map(Enum::name).orElse("none"))
			.tag("upstream", upstream)
			.register(this.registry)
			.record(record.duration());
		record.usage().ifPresent(usage -> {
			count(model, responseModel, "prompt", usage.getPromptTokens());
			count(model, responseModel, "completion", usage.getCompletionTokens());
			count(model, responseModel, "cached", usage.getCacheReadInputTokens());
		});
		record.reasoningTokens().ifPresent(tokens -> count(model, responseModel, "reasoning", tokens));
		record.timeToFirstToken()
			.ifPresent(wait -> Timer.builder(TIME_TO_FIRST_TOKEN)
				.description("Time from sending a streamed request to its first content")
				.tag("endpoint", endpoint)
				.tag("model", model)
				.tag("response.model", responseModel)
				.tag("upstream", upstream)
				.register(this.registry)
				.record(wait));
	}

	private void count(String model, String responseModel, String type, Number tokens) {
		if (tokens != null && tokens.longValue() > 0) {
			Counter.builder(TOKENS)
				.description("Tokens the gateway's answers report, by type")
				.tag("model", model)
				.tag("response.model", responseModel)
				.tag("type", type)
				.register(this.registry)
				.increment(tokens.doubleValue());
		}
	}

}
