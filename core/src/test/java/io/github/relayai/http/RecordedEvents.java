package io.github.relayai.http;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import io.github.relayai.http.SseDecoder.SseEvent;

/**
 * Test support: the server-sent events of a recorded stream, parsed as the transport
 * parses them, for tests of the decoders in other packages.
 */
public final class RecordedEvents {

	private RecordedEvents() {
	}

	/**
	 * Parses a whole recorded stream.
	 * @param bytes the stream as sent
	 * @return its events, the last one flushed at the end
	 */
	public static List<SseEvent> parse(byte[] bytes) {
		List<SseEvent> events = new ArrayList<>();
		SseParser parser = new SseParser(1 << 20);
		parser.feed(ByteBuffer.wrap(bytes), events::add);
		parser.finish(events::add);
		return events;
	}

}
