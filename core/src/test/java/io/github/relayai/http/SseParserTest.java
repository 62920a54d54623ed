package io.github.relayai.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SseParserTest {

	private static final String STREAM = "data: {\"a\":1}\r\n\r\n: keep-alive\rdata: x\rdata: y\r\revent: error\ndata: é漢\nid: 7\n\n"
			+ "data: [DONE]\n\ndata: tail";

	private static final List<SseEvent> EXPECTED = List.of(new SseEvent(null, "{\"a\":1}", null),
			new SseEvent(null, "x\ny", null), new SseEvent("error", "é漢", "7"), new SseEvent(null, "[DONE]", "7"),
			new SseEvent(null, "tail", "7"));

	@Test
	void sameEventsWhateverTheBufferBoundaries() {
		byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
		for (int size = 1; size <= bytes.length; size++) {
			SseParser parser = new SseParser(1024);
			List<SseEvent> events = new ArrayList<>();
			for (int from = 0; from < bytes.length; from += size) {
				parser.feed(ByteBuffer.wrap(bytes, from, Math.min(size, bytes.length - from)), events::add);
			}
			parser.finish(events::add);
			assertThat(events).as("buffers of %d bytes", size).isEqualTo(EXPECTED);
		}
	}

	@Test
	void crAtTheEndOfABufferAndLfAtTheStartOfTheNextAreOneLineEnd() {
		SseParser parser = new SseParser(1024);
		List<SseEvent> events = new ArrayList<>();
		parser.feed(ByteBuffer.wrap("data: a\r".getBytes(StandardCharsets.UTF_8)), events::add);
		parser.feed(ByteBuffer.wrap("\n\r".getBytes(StandardCharsets.UTF_8)), events::add);
		parser.feed(ByteBuffer.wrap("\ndata: b\n\n".getBytes(StandardCharsets.UTF_8)), events::add);
		assertThat(events).extracting(SseEvent::data).containsExactly("a", "b");
	}

	@Test
	void anEventLargerThanTheLimitFailsWhetherOrNotItIsSplit() {
		byte[] bytes = ("data: " + "x".repeat(100) + "\n\n").getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> new SseParser(50).feed(ByteBuffer.wrap(bytes), e -> {
		})).isInstanceOf(SseParser.SseSizeException.class);
		SseParser split = new SseParser(50);
		assertThatThrownBy(() -> {
			split.feed(ByteBuffer.wrap(bytes, 0, 30), e -> {
			});
			split.feed(ByteBuffer.wrap(bytes, 30, bytes.length - 30), e -> {
			});
		}).isInstanceOf(SseParser.SseSizeException.class);
	}

}
