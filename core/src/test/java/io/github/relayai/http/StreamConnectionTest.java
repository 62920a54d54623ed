package io.github.relayai.http;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Map;
import io.github.relayai.testsupport.Fixtures;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import io.github.relayai.http.SseDecoder.SseEvent;

/**
 * Over a real connection to a gateway that ends its chunked body only after the client
 * has read {@code data: [DONE]}: a stream read to its end keeps the connection open for
 * the next request, a stream its reader leaves early closes it.
 */
class StreamConnectionTest {

	private static final String PATH = "/v1/chat/completions";

	private static final byte[] BODY = "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
		.getBytes(StandardCharsets.UTF_8);

	/**
	 * A recorded OpenAI stream that ends with {@code data: [DONE]}; see
	 * streams/SOURCES.md.
	 */
	private static final byte[] EVENTS = Fixtures.streamBytes("openai-chat-text-usage.sse");

	@Test
	void streamReadToDoneKeepsItsConnection() throws Exception {
		List<String> data = exchange(EVENTS.length, Long.MAX_VALUE);
		assertThat(data).last().isEqualTo("[DONE]");
		assertThat(this.closedByClient.get(10, TimeUnit.SECONDS)).as("the client closed the connection").isFalse();
	}

	@Test
	void streamLeftEarlyClosesItsConnection() throws Exception {
		int firstEvent = new String(EVENTS, StandardCharsets.UTF_8).indexOf("\n\n") + 2;
		List<String> data = exchange(firstEvent, 1);
		assertThat(data).hasSize(1);
		assertThat(this.closedByClient.get(10, TimeUnit.SECONDS)).as("the client closed the connection").isTrue();
	}

	private CompletableFuture<Boolean> closedByClient;

	/**
	 * Streams from a one-connection gateway that sends the first {@code sent} bytes of
	 * the events, then the rest once the client took at most {@code events} events.
	 */
	private List<String> exchange(int sent, long events) throws IOException {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			CountDownLatch read = new CountDownLatch(1);
			this.closedByClient = CompletableFuture.supplyAsync(() -> serve(server, sent, read));
			RelayHttpClient http = RelayHttpClient.builder()
				.baseUrl("http://127.0.0.1:" + server.getLocalPort())
				.apiKey("sk-test")
				.build();
			List<String> data = http.postForStream(PATH, BODY, Map.of(), "m", Data::new)
				.take(events)
				.collectList()
				.block(Duration.ofSeconds(30));
			read.countDown();
			this.closedByClient.join();
			return data;
		}
	}

	/**
	 * Answers one request with the first bytes of the recorded events, sends the rest and
	 * ends the body once the client has read what it wanted, and tells whether the client
	 * closed the connection (rather than keeping it for the next request).
	 */
	private static boolean serve(ServerSocket server, int sent, CountDownLatch read) {
		try (Socket socket = server.accept()) {
			InputStream in = socket.getInputStream();
			String head = readHead(in);
			int length = Integer.parseInt(head.replaceAll("(?is).*content-length:\\s*(\\d+).*", "$1"));
			in.readNBytes(length);
			OutputStream out = socket.getOutputStream();
			out.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
				.getBytes(StandardCharsets.US_ASCII));
			chunk(out, 0, sent);
			read.await(10, TimeUnit.SECONDS);
			try {
				chunk(out, sent, EVENTS.length);
				out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				out.flush();
				socket.setSoTimeout(3000);
				return in.read() < 0;
			}
			catch (SocketTimeoutException ex) {
				return false; // still open after 3 s: kept for the next request
			}
			catch (IOException ex) {
				return true; // reset by the client
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void chunk(OutputStream out, int from, int to) throws IOException {
		if (to > from) {
			out.write((Integer.toHexString(to - from) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(EVENTS, from, to - from);
			out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
		}
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				throw new IOException("connection closed in the request head");
			}
			head.write(b);
		}
		return head.toString(StandardCharsets.US_ASCII);
	}

	/** Decodes each event to its data. */
	private static final class Data implements SseDecoder<String> {

		@Override
		public List<String> accept(SseEvent event) {
			return List.of(event.data());
		}

		@Override
		public List<String> end() {
			return List.of();
		}

	}

}
