package io.github.relayai.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.github.relayai.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.github.relayai.http.SseDecoder.SseEvent;

class SseParserTest {

	private static List<SseEvent> parse(byte[]... parts) {
		SseParser parser = new SseParser(1 << 20);
		List<SseEvent> events = new ArrayList<>();
		for (byte[] part : parts) {
			parser.feed(ByteBuffer.wrap(part), events::add);
		}
		parser.finish(events::add);
		return events;
	}

	private static List<SseEvent> parse(String text) {
		return parse(text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void commentsEventsIdsAndMultiLineData() {
		List<SseEvent> events = parse(": keep-alive\n\nevent: error\nid: 7\ndata: line1\ndata:line2\n\n"
				+ ": OPENROUTER PROCESSING\ndata: {\"a\":1}\n\n");
		assertThat(events).containsExactly(new SseEvent("error", "line1\nline2", "7"),
				new SseEvent(null, "{\"a\":1}", "7"));
	}

	@Test
	void lfCrlfAndCrLineEndingsAreEquivalent() {
		String lf = "data: a\n\nevent: x\ndata: b\n\n";
		assertThat(parse(lf.replace("\n", "\r\n"))).isEqualTo(parse(lf));
		assertThat(parse(lf.replace("\n", "\r"))).isEqualTo(parse(lf));
		assertThat(parse(lf)).hasSize(2);
	}

	@Test
	void finalEventWithoutTrailingBlankLineIsDispatched() {
		assertThat(parse("data: first\n\ndata: last")).extracting(SseEvent::data).containsExactly("first", "last");
		assertThat(parse("data: last\n")).extracting(SseEvent::data).containsExactly("last");
	}

	@Test
	void blankLinesAndCommentsAloneDispatchNothing() {
		assertThat(parse("\n\n: ping\n\n\r\n")).isEmpty();
	}

	@Test
	void fieldWithoutValueAndUnknownFieldsAreTolerated() {
		assertThat(parse("retry: 1000\nfoo: bar\ndata\n\n")).containsExactly(new SseEvent(null, "", null));
	}

	@Test
	void doneMarkerIsRecognised() {
		assertThat(parse("data: [DONE]\n\n").get(0).isDone()).isTrue();
	}

	@Test
	void splitInsideUtf8CharacterAndBetweenCrAndLf() {
		byte[] whole = "data: 队列已满 😊\r\n\r\ndata: ok\r\n\r\n".getBytes(StandardCharsets.UTF_8);
		List<SseEvent> expected = parse(whole);
		assertThat(expected).extracting(SseEvent::data).containsExactly("队列已满 😊", "ok");
		for (int cut = 1; cut < whole.length; cut++) {
			byte[] a = java.util.Arrays.copyOfRange(whole, 0, cut);
			byte[] b = java.util.Arrays.copyOfRange(whole, cut, whole.length);
			assertThat(parse(a, b)).as("split at byte %d", cut).isEqualTo(expected);
		}
	}

	static List<String> fixtures() {
		return Fixtures.streamNames();
	}

	@ParameterizedTest
	@MethodSource("fixtures")
	void realStreamsParseTheSameWhateverTheBufferBoundaries(String name) {
		byte[] whole = Fixtures.streamBytes(name);
		List<SseEvent> expected = parse(whole);
		assertThat(expected).isNotEmpty();
		List<byte[]> singleBytes = new ArrayList<>();
		for (byte b : whole) {
			singleBytes.add(new byte[] { b });
		}
		assertThat(parse(singleBytes.toArray(byte[][]::new))).isEqualTo(expected);
		for (int size : new int[] { 2, 3, 7, 13, 1000 }) {
			List<byte[]> parts = new ArrayList<>();
			for (int i = 0; i < whole.length; i += size) {
				parts.add(java.util.Arrays.copyOfRange(whole, i, Math.min(whole.length, i + size)));
			}
			assertThat(parse(parts.toArray(byte[][]::new))).as("parts of %d bytes", size).isEqualTo(expected);
		}
		String crlf = new String(whole, StandardCharsets.UTF_8).replace("\r\n", "\n").replace("\n", "\r\n");
		assertThat(parse(crlf)).as("with CRLF line endings").isEqualTo(expected);
	}

	@Test
	void readsDirectBuffers() {
		ByteBuffer direct = ByteBuffer.allocateDirect(32);
		direct.put("data: x\n\n".getBytes(StandardCharsets.UTF_8)).flip();
		List<SseEvent> events = new ArrayList<>();
		new SseParser(100).feed(direct, events::add);
		assertThat(events).containsExactly(new SseEvent(null, "x", null));
	}

	@Test
	void invalidUtf8FailsWhileAGenuineReplacementCharacterPasses() {
		byte[] bad = { 'd', 'a', 't', 'a', ':', ' ', 'A', (byte) 0xC3, (byte) 0x28, '\n', '\n' };
		SseEvent event = parse(bad).get(0);
		assertThatThrownBy(event::data).isInstanceOf(SseParser.SseEncodingException.class);
		assertThat(parse("data: A\uFFFDB\n\n")).extracting(SseEvent::data).containsExactly("A\uFFFDB");
	}

	@Test
	void oversizedEventFails() {
		SseParser parser = new SseParser(16);
		assertThatThrownBy(() -> parser.feed(ByteBuffer.wrap("data: 0123456789abcdefghij\n\n".getBytes()), e -> {
		})).isInstanceOf(SseParser.SseSizeException.class).hasMessageContaining("spring.ai.relay.max-response-size");
	}

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

	/**
	 * Line ends are found eight bytes at a time: random data of bytes that sit next to CR
	 * and LF in value, or that borrow in the word arithmetic (0x00, 0x01, 0x0B, 0x0C,
	 * 0x0E, 0x8A, 0x8D, 0xFF), with random line endings at every offset of a word, fed in
	 * random pieces, must come back exactly.
	 */
	@Test
	void lineEndsAreFoundWhereverTheyFallInAWord() {
		byte[] alphabet = { 0x00, 0x01, 0x09, 0x0B, 0x0C, 0x0E, 'a', ':', ' ', (byte) 0x8A, (byte) 0x8D, (byte) 0xFF };
		String[] endings = { "\n", "\r", "\r\n" };
		java.util.Random random = new java.util.Random(42);
		for (int round = 0; round < 2000; round++) {
			java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
			List<byte[]> expected = new ArrayList<>();
			for (int e = random.nextInt(6); e >= 0; e--) {
				byte[] data = new byte[random.nextInt(40)];
				for (int i = 0; i < data.length; i++) {
					data[i] = alphabet[random.nextInt(alphabet.length)];
				}
				expected.add(data);
				stream.writeBytes("data:".getBytes(StandardCharsets.UTF_8));
				stream.writeBytes((data.length > 0 && data[0] == ' ') ? prepend(' ', data) : data);
				String ending = endings[random.nextInt(endings.length)];
				stream.writeBytes((ending + ending).getBytes(StandardCharsets.UTF_8));
			}
			byte[] bytes = stream.toByteArray();
			SseParser parser = new SseParser(1 << 20);
			List<SseEvent> events = new ArrayList<>();
			for (int from = 0; from < bytes.length;) {
				int size = 1 + random.nextInt(24);
				parser.feed(ByteBuffer.wrap(bytes, from, Math.min(size, bytes.length - from)), events::add);
				from += size;
			}
			parser.finish(events::add);
			List<byte[]> actual = events.stream()
				.map(event -> event
					.readData((b, offset, length) -> java.util.Arrays.copyOfRange(b, offset, offset + length)))
				.toList();
			assertThat(actual).as("round %d", round).containsExactlyElementsOf(expected);
		}
	}

	private static byte[] prepend(char c, byte[] data) {
		byte[] all = new byte[data.length + 1];
		all[0] = (byte) c;
		System.arraycopy(data, 0, all, 1, data.length);
		return all;
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
