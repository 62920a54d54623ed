package io.github.relayai.upstream;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

import io.github.relayai.chat.RelayChatModel;
import io.github.relayai.options.RelayChatOptions;
import io.github.relayai.http.RelayHttpClient;
import io.github.relayai.options.ImageLimits;
import io.github.relayai.resilience.Resilience4jPolicy.RetrySettings;
import io.github.relayai.routing.EndpointRouter;
import io.github.relayai.routing.Transport;
import io.github.relayai.testsupport.Gateway;
import io.github.resilience4j.retry.Retry;

/** Builds chat models over several WireMock gateways used as upstreams. */
final class Upstreams {

	/** Two rounds per model, waits of a millisecond. */
	static final RetrySettings QUICK_RETRY = new RetrySettings(2, Duration.ofMillis(1), 1.0, Duration.ofMillis(1),
			Duration.ofSeconds(60));

	private Upstreams() {
	}

	static Upstream upstream(String name, Gateway gateway) {
		return Upstream.builder(name, gateway.baseUrl() + "/v1").apiKey("sk-" + name + "-secret").build();
	}

	static UpstreamPool.Builder pool(Upstream... upstreams) {
		return UpstreamPool.builder().upstreams(List.of(upstreams)).random(new Random(7));
	}

	/** An exchange sending each upstream's attempts once, through its own HTTP client. */
	static UpstreamExchange.Builder exchange(UpstreamPool pool) {
		return exchange(pool, Transport.PLAIN);
	}

	/**
	 * An exchange sending each upstream's attempts once, through its own HTTP client and
	 * the given transport.
	 */
	static UpstreamExchange.Builder exchange(UpstreamPool pool, Transport transport) {
		return UpstreamExchange.builder()
			.pool(pool)
			.retry(Retry.of("test", QUICK_RETRY.toRetryConfig()))
			.exchanges(upstream -> transport.over(EndpointRouter.builder()
				.discovery(false)
				.build(RelayHttpClient.builder()
					.baseUrl(upstream.baseUrl())
					.apiKey(upstream.apiKey().reveal())
					.headers(upstream.headers())
					.readIdleTimeout(upstream.firstEventTimeout())
					.build(), ImageLimits.DEFAULTS)));
	}

	static RelayChatModel model(UpstreamExchange exchange) {
		return model(exchange, UnaryOperator.identity());
	}

	static RelayChatModel model(UpstreamExchange exchange, UnaryOperator<RelayChatModel.Builder> settings) {
		return settings
			.apply(RelayChatModel.builder()
				.upstreams(exchange)
				.defaultOptions(RelayChatOptions.builder().model("m").build()))
			.build();
	}

}
