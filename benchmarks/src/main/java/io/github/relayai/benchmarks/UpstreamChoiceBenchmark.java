package io.github.relayai.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.relayai.chat.RelayChatModel;
import io.github.relayai.options.RelayChatOptions;
import io.github.relayai.http.RelayHttpClient;
import io.github.relayai.options.ImageLimits;
import io.github.relayai.resilience.Resilience4jPolicy;
import io.github.relayai.routing.EndpointRouter;
import io.github.relayai.upstream.UpstreamPool.Lease;
import io.github.relayai.upstream.Upstream;
import io.github.relayai.upstream.UpstreamExchange;
import io.github.relayai.upstream.UpstreamPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The per-call overhead of choosing an upstream (issue #17, item 9): a {@code call}
 * through Relay with one and with three upstreams (all on the stub, weighted balancing,
 * each with its own client), against the floor and plain Relay; and the choice alone
 * ({@link UpstreamPool#acquire} plus ending the lease) with three upstreams.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class UpstreamChoiceBenchmark {

	/**
	 * The contenders: {@code floor}, {@code relay}, {@code upstreams1},
	 * {@code upstreams3}.
	 */
	@State(Scope.Benchmark)
	public static class Contenders {

		@Param({ "floor", "relay", "upstreams1", "upstreams3" })
		public String contender;

		RelayChatModel upstreams1;

		RelayChatModel upstreams3;

		@Setup(Level.Trial)
		public void build(Gateway gateway) {
			this.upstreams1 = model(gateway, 1);
			this.upstreams3 = model(gateway, 3);
			Gateway.check("upstreams3 call", Gateway.text(this.upstreams3.call(Gateway.prompt())), Payloads.CALL_TEXT);
		}

		private static RelayChatModel model(Gateway gateway, int count) {
			List<Upstream> upstreams = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				upstreams.add(Upstream.builder("u" + i, gateway.stub.url()).apiKey(Gateway.API_KEY).build());
			}
			Resilience4jPolicy policy = Resilience4jPolicy.ofDefaults();
			UpstreamExchange exchange = UpstreamExchange.builder()
				.pool(UpstreamPool.builder().upstreams(upstreams).build())
				.exchanges(upstream -> EndpointRouter.builder()
					.build(RelayHttpClient.builder()
						.baseUrl(upstream.baseUrl())
						.apiKey(upstream.apiKey().reveal())
						.readIdleTimeout(upstream.firstEventTimeout())
						.build(), ImageLimits.DEFAULTS))
				.policy(policy.withoutRetry())
				.retry(policy.retry())
				.build();
			return RelayChatModel.builder()
				.upstreams(exchange)
				.defaultOptions(RelayChatOptions.builder().model(Gateway.MODEL).build())
				.build();
		}

	}

	/** Three upstreams, for the choice alone. */
	@State(Scope.Benchmark)
	public static class Pool {

		UpstreamPool pool;

		@Setup(Level.Trial)
		public void build() {
			List<Upstream> upstreams = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				upstreams.add(Upstream.builder("u" + i, "http://u" + i + ".example").build());
			}
			this.pool = UpstreamPool.builder().upstreams(upstreams).random(new Random(1)).build();
		}

	}

	@Benchmark
	public Object call(Gateway gateway, Contenders contenders) throws Exception {
		return switch (contenders.contender) {
			case "floor" -> gateway.floorCall();
			case "relay" -> Gateway.text(gateway.relay.call(Gateway.prompt()));
			case "upstreams1" -> Gateway.text(contenders.upstreams1.call(Gateway.prompt()));
			case "upstreams3" -> Gateway.text(contenders.upstreams3.call(Gateway.prompt()));
			default -> throw new IllegalArgumentException("Unknown contender " + contenders.contender);
		};
	}

	@Benchmark
	public Object stream(Gateway gateway, Contenders contenders) throws Exception {
		return switch (contenders.contender) {
			case "floor" -> gateway.floorStream(text -> {
			}, text -> {
			}).join();
			case "relay" -> gateway.relay.stream(Gateway.prompt()).count().block();
			case "upstreams1" -> contenders.upstreams1.stream(Gateway.prompt()).count().block();
			case "upstreams3" -> contenders.upstreams3.stream(Gateway.prompt()).count().block();
			default -> throw new IllegalArgumentException("Unknown contender " + contenders.contender);
		};
	}

	@Benchmark
	@OutputTimeUnit(TimeUnit.NANOSECONDS)
	public Object choose(Pool pool) {
		Lease lease = pool.pool.acquire(Gateway.MODEL, Set.of()).orElseThrow();
		lease.succeeded();
		return lease;
	}

}
