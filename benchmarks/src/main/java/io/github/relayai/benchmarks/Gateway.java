package io.github.relayai.benchmarks;

import io.github.relayai.chat.RelayChatModel;
import io.github.relayai.options.RelayChatOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.LongConsumer;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stub gateway and the contenders that talk to it, built once per fork:
 * <ul>
 * <li><b>ceiling</b>: the JDK {@link HttpClient} reading the answer's bytes and
 * discarding them, no parsing: how fast the stub itself can serve;</li>
 * <li><b>floor</b>: the JDK {@link HttpClient} sending the exact request bytes Relay
 * sends and parsing the answer with Jackson (for streams: reading lines and parsing each
 * {@code data:} JSON): what any client must at least pay;</li>
 * <li><b>relay</b>: {@link RelayChatModel} from its builder with its defaults;</li>
 * <li><b>spring-ai</b>: Spring AI's {@link OpenAiChatModel} (OpenAI Java SDK over OkHttp)
 * pointed at the stub, retries disabled ({@code maxRetries(0)}).</li>
 * </ul>
 * Each contender delivers the answer text; every operation checks it got all of it.
 */
@State(Scope.Benchmark)
public class Gateway {

	/**
	 * Concurrent streams in the concurrency workload (also Spring AI's OkHttp per-host
	 * limit).
	 */
	public static final int SUBSCRIBERS = 64;

	static final String API_KEY = "sk-bench";

	static final String MODEL = "bench-model";

	StubGateway stub;

	HttpClient floorClient;

	JsonMapper json;

	URI endpoint;

	byte[] callRequest;

	byte[] streamRequest;

	RelayChatModel relay;

	OpenAiChatModel springAi;

	@Setup(Level.Trial)
	public void start() throws Exception {
		this.stub = StubGateway.start(SUBSCRIBERS * 2);
		this.endpoint = URI.create(this.stub.url() + "/v1/chat/completions");
		this.json = JsonMapper.builder().build();
		this.floorClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		this.relay = RelayChatModel.builder()
			.baseUrl(this.stub.url())
			.apiKey(API_KEY)
			.defaultOptions(RelayChatOptions.builder().model(MODEL).build())
			.build();
		this.springAi = OpenAiChatModel.builder()
			.options(OpenAiChatOptions.builder()
				.baseUrl(this.stub.url() + "/v1")
				.apiKey(API_KEY)
				.model(MODEL)
				.maxRetries(0)
				.build())
			.build();
		// The floor sends exactly what Relay sends.
		check("relay call", text(this.relay.call(prompt())), Payloads.CALL_TEXT);
		this.callRequest = this.stub.lastCallRequest();
		check("relay stream", streamText(this.relay.stream(prompt())), Payloads.STREAM_TEXT);
		this.streamRequest = this.stub.lastStreamRequest();
		check("spring-ai call", text(this.springAi.call(prompt())), Payloads.CALL_TEXT);
		check("spring-ai stream", streamText(this.springAi.stream(prompt())), Payloads.STREAM_TEXT);
		check("floor call", floorCall(), Payloads.CALL_TEXT);
		StringBuilder floorText = new StringBuilder();
		int chunks = floorStream(floorText::append, t -> {
		}).join();
		if (chunks != Payloads.CHUNKS) {
			throw new IllegalStateException("floor stream: " + chunks + " chunks");
		}
		check("floor stream", floorText.toString(), Payloads.STREAM_TEXT);
	}

	@TearDown(Level.Trial)
	public void stop() throws Exception {
		// OpenAiChatModel does not close its SDK clients, whose OkHttp threads would keep
		// the fork alive.
		for (String field : new String[] { "openAiClient", "openAiClientAsync" }) {
			java.lang.reflect.Field client = OpenAiChatModel.class.getDeclaredField(field);
			client.setAccessible(true);
			Object sdk = client.get(this.springAi);
			sdk.getClass().getMethod("close").invoke(sdk);
		}
		this.stub.close();
	}

	static Prompt prompt() {
		return new Prompt("hi");
	}

	static String text(ChatResponse response) {
		return (response.getResult() != null) ? response.getResult().getOutput().getText() : null;
	}

	private static String streamText(Flux<ChatResponse> stream) {
		StringBuilder text = new StringBuilder();
		stream.doOnNext(r -> {
			String t = text(r);
			if (t != null) {
				text.append(t);
			}
		}).blockLast();
		return text.toString();
	}

	static void check(String what, String actual, String expected) {
		if (!expected.equals(actual)) {
			throw new IllegalStateException(what + ": expected " + expected.length() + " chars of text, got "
					+ ((actual != null) ? actual.length() : "null"));
		}
	}

	static void checkLength(String what, long actual, long expected) {
		if (actual != expected) {
			throw new IllegalStateException(what + ": expected " + expected + " chars of text, got " + actual);
		}
	}

	HttpRequest floorRequest(byte[] body, String accept) {
		return HttpRequest.newBuilder(this.endpoint)
			.header("Content-Type", "application/json")
			.header("Accept", accept)
			.header("Authorization", "Bearer " + API_KEY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
	}

	// ---- ceiling: the stub's own speed ----

	long ceilingCall() throws IOException, InterruptedException {
		HttpResponse<byte[]> response = this.floorClient.send(floorRequest(this.callRequest, "application/json"),
				HttpResponse.BodyHandlers.ofByteArray());
		return response.body().length;
	}

	long ceilingStream() throws IOException, InterruptedException {
		HttpResponse<InputStream> response = this.floorClient
			.send(floorRequest(this.streamRequest, "text/event-stream"), HttpResponse.BodyHandlers.ofInputStream());
		long total = 0;
		byte[] buffer = new byte[16384];
		try (InputStream in = response.body()) {
			for (int n; (n = in.read(buffer)) >= 0;) {
				total += n;
			}
		}
		return total;
	}

	CompletableFuture<Long> ceilingStreamAsync() {
		return this.floorClient
			.sendAsync(floorRequest(this.streamRequest, "text/event-stream"), HttpResponse.BodyHandlers.discarding())
			.thenApply(r -> (long) Payloads.STREAM_BODY.length);
	}

	// ---- floor: JDK HttpClient + Jackson ----

	String floorCall() throws IOException, InterruptedException {
		HttpResponse<byte[]> response = this.floorClient.send(floorRequest(this.callRequest, "application/json"),
				HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IOException("status " + response.statusCode());
		}
		JsonNode root = this.json.readTree(response.body());
		return root.path("choices").path(0).path("message").path("content").stringValue();
	}

	/**
	 * Reads the stream line by line as its bytes arrive, parses each {@code data:} JSON
	 * with Jackson and hands its content to the sink; the first content's arrival time
	 * goes to {@code firstChunk}. Completes with the number of chunks parsed.
	 */
	CompletableFuture<Integer> floorStream(java.util.function.Consumer<String> sink, LongConsumer firstChunk) {
		FloorLines lines = new FloorLines(this.json, sink, firstChunk);
		return this.floorClient
			.sendAsync(floorRequest(this.streamRequest, "text/event-stream"),
					HttpResponse.BodyHandlers.fromSubscriber(lines, l -> l.chunks))
			.thenApply(response -> {
				if (response.statusCode() != 200) {
					throw new IllegalStateException("status " + response.statusCode());
				}
				return response.body();
			});
	}

	/** The floor's stream reader: splits lines on bytes, parses each data line once. */
	private static final class FloorLines implements Flow.Subscriber<List<ByteBuffer>> {

		private final JsonMapper json;

		private final java.util.function.Consumer<String> sink;

		private final LongConsumer firstChunk;

		private byte[] line = new byte[1024];

		private int length;

		private boolean first = true;

		int chunks;

		FloorLines(JsonMapper json, java.util.function.Consumer<String> sink, LongConsumer firstChunk) {
			this.json = json;
			this.sink = sink;
			this.firstChunk = firstChunk;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(List<ByteBuffer> buffers) {
			for (ByteBuffer buffer : buffers) {
				byte[] bytes;
				int from;
				int to;
				if (buffer.hasArray()) {
					bytes = buffer.array();
					from = buffer.arrayOffset() + buffer.position();
					to = from + buffer.remaining();
				}
				else {
					bytes = new byte[buffer.remaining()];
					buffer.duplicate().get(bytes);
					from = 0;
					to = bytes.length;
				}
				int start = from;
				for (int i = from; i < to; i++) {
					if (bytes[i] == '\n') {
						append(bytes, start, i);
						line();
						this.length = 0;
						start = i + 1;
					}
				}
				append(bytes, start, to);
			}
		}

		private void append(byte[] bytes, int from, int to) {
			int count = to - from;
			if (this.length + count > this.line.length) {
				this.line = java.util.Arrays.copyOf(this.line, Math.max(this.line.length * 2, this.length + count));
			}
			System.arraycopy(bytes, from, this.line, this.length, count);
			this.length += count;
		}

		private void line() {
			if (this.length < 7 || this.line[0] != 'd' || this.line[4] != ':' || this.line[6] != '{') {
				return; // blank line, [DONE], or not data
			}
			JsonNode chunk = this.json.readTree(this.line, 6, this.length - 6);
			this.chunks++;
			String content = chunk.path("choices").path(0).path("delta").path("content").asString("");
			if (!content.isEmpty()) {
				if (this.first) {
					this.firstChunk.accept(System.nanoTime());
					this.first = false;
				}
				this.sink.accept(content);
			}
		}

		@Override
		public void onError(Throwable throwable) {
		}

		@Override
		public void onComplete() {
		}

	}

	// ---- streams of the chat models ----

	/** Subscribes to {@link #SUBSCRIBERS} streams at once and waits for all. */
	static long concurrently(java.util.function.Supplier<Flux<ChatResponse>> streams) {
		List<CompletableFuture<Long>> all = new ArrayList<>(SUBSCRIBERS);
		for (int i = 0; i < SUBSCRIBERS; i++) {
			all.add(streams.get().map(r -> (long) textLength(r)).reduce(0L, Long::sum).toFuture());
		}
		return join(all);
	}

	static long join(List<CompletableFuture<Long>> all) {
		long total = 0;
		for (CompletableFuture<Long> future : all) {
			total += future.join();
		}
		return total;
	}

	static int textLength(ChatResponse response) {
		String text = text(response);
		return (text != null) ? text.length() : 0;
	}

}
