package io.github.relayai.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.relayai.chat.RelayChatModel;
import io.github.relayai.options.RelayChatOptions;
import io.github.relayai.error.RelayAiException;
import io.github.relayai.resilience.Resilience4jPolicy.BulkheadSettings;
import io.github.relayai.resilience.Resilience4jPolicy;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * Measures how Relay's bulkhead ({@code max-concurrent-calls}) should relate to the slots
 * of a self-hosted server, for docs/resilience.md. A loopback stub stands in for the
 * server: a fixed number of slots, each answer taking a fixed time, and the requests
 * beyond the slots either waiting in an unbounded queue (as llama.cpp's
 * {@code llama-server} and vLLM do) or, past a bounded queue, refused at once with 503
 * and Ollama's "server busy … maximum pending requests exceeded" (as Ollama does past
 * {@code OLLAMA_MAX_QUEUE}). A fixed number of callers send a fixed number of blocking
 * calls each through one Relay client; for each bulkhead size the run prints the
 * throughput, the callers' latency, the requests the server refused and the calls that
 * failed. A bounded run on loopback only:
 *
 * <pre>
 * ./mvnw -q -B -Pbenchmarks -pl benchmarks -am package -DskipTests
 * java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
 *     io.github.relayai.benchmarks.SlotsMeasurement
 * </pre>
 */
public final class SlotsMeasurement {

	private static final int SLOTS = 2;

	private static final Duration ANSWER_TIME = Duration.ofMillis(200);

	private static final int CALLERS = 16;

	private static final int CALLS_PER_CALLER = 4;

	private static final int BOUNDED_QUEUE = 4;

	private static final int[] BULKHEADS = { 1, 2, 4, 8, 16 };

	/** Ollama's answer past {@code OLLAMA_MAX_QUEUE} (server/sched.go, ErrMaxQueue). */
	private static final byte[] BUSY = "{\"error\":\"server busy, please try again.  maximum pending requests exceeded\"}"
		.getBytes(StandardCharsets.UTF_8);

	private SlotsMeasurement() {
	}

	/**
	 * Runs the measurement and prints one line per server kind and bulkhead size.
	 * @param args none
	 * @throws Exception if the stub cannot start
	 */
	public static void main(String[] args) throws Exception {
		System.out.printf("slots=%d answer=%dms callers=%d calls/caller=%d cores=%d%n", SLOTS, ANSWER_TIME.toMillis(),
				CALLERS, CALLS_PER_CALLER, Runtime.getRuntime().availableProcessors());
		System.out.println("server | bulkhead | calls/s | p50 ms | p95 ms | max ms | refused by server | failed");
		for (int queue : new int[] { -1, BOUNDED_QUEUE }) {
			for (int bulkhead : BULKHEADS) {
				try (SlotServer server = SlotServer.start(SLOTS, ANSWER_TIME, queue)) {
					run(server, queue, bulkhead);
				}
			}
		}
	}

	private static void run(SlotServer server, int queue, int bulkhead) throws InterruptedException {
		RelayChatModel model = RelayChatModel.builder()
			.baseUrl(server.url() + "/v1")
			.apiKey("sk-loopback")
			.resilience(Resilience4jPolicy.builder()
				.bulkhead(new BulkheadSettings(bulkhead, CALLERS, Duration.ofMinutes(2)))
				.build())
			.defaultOptions(RelayChatOptions.builder().model("bench-model").build())
			.build();
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		Map<String, Integer> failures = new ConcurrentHashMap<>();
		List<Thread> callers = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < CALLERS; i++) {
			Thread caller = new Thread(() -> {
				for (int call = 0; call < CALLS_PER_CALLER; call++) {
					long sent = System.nanoTime();
					try {
						model.call(new Prompt("hi"));
						latencies.add((System.nanoTime() - sent) / 1_000_000);
					}
					catch (RelayAiException ex) {
						failures.merge(ex.error().category().name(), 1, Integer::sum);
					}
				}
			});
			caller.start();
			callers.add(caller);
		}
		for (Thread caller : callers) {
			caller.join();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		System.out.printf("%s | %d | %.1f | %d | %d | %d | %d | %s%n",
				(queue < 0) ? "unbounded queue" : "queue " + queue + " then 503", bulkhead, sorted.size() / seconds,
				percentile(sorted, 50), percentile(sorted, 95), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1),
				server.refused(), failures.isEmpty() ? "0" : new TreeMap<>(failures).toString());
	}

	private static long percentile(List<Long> sorted, int percent) {
		return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
	}

	/**
	 * A server with a fixed number of slots; a request beyond them waits for one, or is
	 * refused when the waiting queue is full.
	 */
	private static final class SlotServer implements AutoCloseable {

		private final HttpServer server;

		private final ExecutorService executor;

		private final Semaphore slots;

		private final Duration answerTime;

		private final int queue;

		private final AtomicInteger waiting = new AtomicInteger();

		private final AtomicInteger refused = new AtomicInteger();

		private SlotServer(HttpServer server, ExecutorService executor, int slots, Duration answerTime, int queue) {
			this.server = server;
			this.executor = executor;
			this.slots = new Semaphore(slots, true);
			this.answerTime = answerTime;
			this.queue = queue;
		}

		static SlotServer start(int slots, Duration answerTime, int queue) throws IOException {
			HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
			ExecutorService executor = Executors.newCachedThreadPool();
			SlotServer server = new SlotServer(http, executor, slots, answerTime, queue);
			http.createContext("/v1/chat/completions", server::handle);
			http.setExecutor(executor);
			http.start();
			return server;
		}

		String url() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort();
		}

		int refused() {
			return this.refused.get();
		}

		private void handle(HttpExchange exchange) throws IOException {
			try (exchange) {
				try (InputStream in = exchange.getRequestBody()) {
					in.readAllBytes();
				}
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				if (!this.slots.tryAcquire()) {
					if (this.queue >= 0 && this.waiting.get() >= this.queue) {
						this.refused.incrementAndGet();
						reply(exchange, 503, BUSY);
						return;
					}
					this.waiting.incrementAndGet();
					try {
						this.slots.acquireUninterruptibly();
					}
					finally {
						this.waiting.decrementAndGet();
					}
				}
				try {
					// the time a slot spends generating the answer
					Thread.sleep(this.answerTime.toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				finally {
					this.slots.release();
				}
				reply(exchange, 200, Payloads.CALL_BODY);
			}
		}

		private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
			exchange.sendResponseHeaders(status, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}

		@Override
		public void close() {
			this.server.stop(0);
			this.executor.shutdownNow();
		}

	}

}
