package io.github.relayai.resilience;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import io.github.relayai.chat.RelayChatModel;
import io.github.relayai.options.RelayChatOptions;
import io.github.relayai.testsupport.RedisServer;
import org.redisson.api.RedissonClient;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * The latency the shared limit adds to a call, for docs/performance.md: one
 * {@link RelayChatModel} with the default local limits and one with the limits shared in
 * a local {@code redis-server}, calling an in-process stub gateway on loopback one call
 * at a time, in alternating rounds (the machine is shared). Bounded: 2 x 500 warm-up
 * calls and 2 x 6 x 200 measured calls. Not a test; run its {@code main} on the test
 * classpath of {@code core}.
 */
public final class SharedLimitLatency {

	private static final byte[] ANSWER = ("{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"m\",\"choices\":"
			+ "[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"},\"finish_reason\":\"stop\"}]}")
		.getBytes(StandardCharsets.UTF_8);

	private SharedLimitLatency() {
	}

	public static void main(String[] args) throws IOException {
		// without TCP_NODELAY the stub's answers wait for delayed ACKs (about 40 ms a
		// call)
		System.setProperty("sun.net.httpserver.nodelay", "true");
		ExecutorService threads = Executors.newFixedThreadPool(4);
		HttpServer stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
		stub.createContext("/", exchange -> {
			exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, ANSWER.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(ANSWER);
			}
		});
		stub.setExecutor(threads);
		stub.start();
		String baseUrl = "http://127.0.0.1:" + stub.getAddress().getPort();
		try (RedisServer redis = RedisServer.start()) {
			RedissonClient client = redis.client();
			try {
				RelayChatModel local = model(baseUrl, Resilience4jPolicy.ofDefaults());
				SharedLimiter limiter = SharedLimiter.builder(RedissonSharedLimits.of(client))
					.key("latency:" + System.nanoTime())
					.build();
				RelayChatModel shared = model(baseUrl, Resilience4jPolicy.builder().sharedLimiter(limiter).build());
				for (int i = 0; i < 500; i++) {
					local.call(new Prompt("hi"));
					shared.call(new Prompt("hi"));
				}
				int rounds = 6;
				int perRound = 200;
				long[] localNanos = new long[rounds * perRound];
				long[] sharedNanos = new long[rounds * perRound];
				long[] pingNanos = new long[rounds * perRound];
				for (int round = 0; round < rounds; round++) {
					measure(local, localNanos, round * perRound, perRound);
					measure(shared, sharedNanos, round * perRound, perRound);
					for (int i = 0; i < perRound; i++) {
						long start = System.nanoTime();
						client.getBucket("latency:ping").isExists();
						pingNanos[round * perRound + i] = System.nanoTime() - start;
					}
				}
				System.out.printf("calls per contender: %d (%d rounds of %d, alternating), fallbacks %d%n",
						localNanos.length, rounds, perRound, limiter.fallbacks());
				report("local limits", localNanos);
				report("shared limit (Redis)", sharedNanos);
				report("one Redis round trip", pingNanos);
				System.out.printf("added by the shared limit: median %.0f us, p90 %.0f us%n",
						(percentile(sharedNanos, 50) - percentile(localNanos, 50)) / 1000.0,
						(percentile(sharedNanos, 90) - percentile(localNanos, 90)) / 1000.0);
			}
			finally {
				client.shutdown();
			}
		}
		finally {
			stub.stop(0);
			threads.shutdownNow();
		}
	}

	private static RelayChatModel model(String baseUrl, Resilience4jPolicy policy) {
		return RelayChatModel.builder()
			.baseUrl(baseUrl)
			.apiKey("sk-latency")
			.defaultOptions(RelayChatOptions.builder().model("m").build())
			.resilience(policy)
			.build();
	}

	private static void measure(RelayChatModel model, long[] nanos, int from, int count) {
		for (int i = 0; i < count; i++) {
			long start = System.nanoTime();
			model.call(new Prompt("hi"));
			nanos[from + i] = System.nanoTime() - start;
		}
	}

	private static void report(String name, long[] nanos) {
		System.out.printf("%-22s median %6.0f us  p90 %6.0f us  p99 %6.0f us%n", name, percentile(nanos, 50) / 1000.0,
				percentile(nanos, 90) / 1000.0, percentile(nanos, 99) / 1000.0);
	}

	private static double percentile(long[] nanos, int percentile) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)];
	}

}
