package io.github.relayai.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import java.io.InputStream;
import java.io.OutputStream;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback OpenAI-compatible gateway that answers {@code POST /v1/chat/completions}
 * with precomputed bytes ({@link Payloads}): the small completion, or, when the request
 * body says {@code "stream":true}, the 1,000-chunk event stream. It runs in the benchmark
 * JVM on the JDK's {@link HttpServer} with a thread pool large enough for every
 * concurrent stream.
 * <p>
 * Streams are sent the way a gateway relays a model: the role chunk and the first content
 * chunk are flushed one by one (so time to first chunk means something), the rest is
 * written as it comes and leaves in the server's 4 KB HTTP chunks. The request body is
 * read whole and kept, so the floor client can send exactly the bytes Relay sends.
 */
public final class StubGateway implements AutoCloseable {

	private static final int FLUSHED_ONE_BY_ONE = 2;

	private final HttpServer server;

	private final ExecutorService executor;

	private volatile byte[] lastCallRequest;

	private volatile byte[] lastStreamRequest;

	private StubGateway(HttpServer server, ExecutorService executor) {
		this.server = server;
		this.executor = executor;
	}

	/**
	 * Starts a stub on an ephemeral loopback port.
	 * @param threads handler threads (at least the number of concurrent streams)
	 * @return the running stub
	 * @throws IOException if the port cannot be bound
	 */
	public static StubGateway start(int threads) throws IOException {
		// Like real gateways, send each flushed event at once: without TCP_NODELAY,
		// Nagle's algorithm
		// and the client's delayed ACK hold small writes back for up to 40 ms.
		System.setProperty("sun.net.httpserver.nodelay", "true");
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
		AtomicInteger count = new AtomicInteger();
		ExecutorService executor = Executors.newFixedThreadPool(threads, runnable -> {
			Thread thread = new Thread(runnable, "stub-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		StubGateway stub = new StubGateway(server, executor);
		server.createContext("/v1/chat/completions", stub::handle);
		server.setExecutor(executor);
		server.start();
		return stub;
	}

	/**
	 * The root URL, such as {@code http://127.0.0.1:41234}.
	 * @return the URL without a trailing slash
	 */
	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** The body of the last non-streaming request received. */
	public byte[] lastCallRequest() {
		return this.lastCallRequest;
	}

	/** The body of the last streaming request received. */
	public byte[] lastStreamRequest() {
		return this.lastStreamRequest;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] request;
			try (InputStream in = exchange.getRequestBody()) {
				request = in.readAllBytes();
			}
			if (!"POST".equals(exchange.getRequestMethod())) {
				exchange.sendResponseHeaders(405, -1);
				return;
			}
			if (isStream(request)) {
				this.lastStreamRequest = request;
				exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
				exchange.getResponseHeaders().set("Cache-Control", "no-cache");
				exchange.sendResponseHeaders(200, 0);
				OutputStream out = exchange.getResponseBody();
				byte[][] events = Payloads.STREAM_EVENTS;
				for (int i = 0; i < FLUSHED_ONE_BY_ONE; i++) {
					out.write(events[i]);
					out.flush();
				}
				for (int i = FLUSHED_ONE_BY_ONE; i < events.length; i++) {
					out.write(events[i]);
				}
				out.close();
			}
			else {
				this.lastCallRequest = request;
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, Payloads.CALL_BODY.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(Payloads.CALL_BODY);
				}
			}
		}
	}

	private static final byte[] STREAM_TRUE = "\"stream\":true".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	static boolean isStream(byte[] body) {
		outer: for (int i = 0; i <= body.length - STREAM_TRUE.length; i++) {
			for (int j = 0; j < STREAM_TRUE.length; j++) {
				if (body[i + j] != STREAM_TRUE[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
