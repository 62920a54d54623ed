package io.github.relayai.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Incremental reader of a {@code text/event-stream} body, fed with byte buffers as they arrive.
 * <p>
 * It follows the HTML server-sent events grammar: lines end with CRLF, LF or CR (also when a CR and
 * its LF arrive in different buffers); lines starting with {@code :} are comments (keep-alives) and
 * are skipped; {@code data:} lines of one event are joined with {@code \n}; a blank line dispatches
 * the event. Bytes are decoded as UTF-8 only once a line is complete, so a character split across
 * buffers is decoded whole. Unlike a browser it also dispatches a final event that lacks the
 * trailing blank line (see {@link #finish(Consumer)}). Not thread-safe: one parser per stream.
 */
public final class SseParser {

	private static final byte[] DATA = { 'd', 'a', 't', 'a' };

	private static final byte[] EVENT = { 'e', 'v', 'e', 'n', 't' };

	private static final byte[] ID = { 'i', 'd' };

	private final int maxEventBytes;

	private byte[] line = new byte[256];

	private int lineLength;

	private boolean afterCarriageReturn;

	private String data;

	private StringBuilder multiLineData;

	private String eventType;

	private String lastId;

	private long eventBytes;

	/**
	 * Creates a parser.
	 * @param maxEventBytes the largest event (all its lines together) accepted before failing
	 */
	public SseParser(int maxEventBytes) {
		this.maxEventBytes = maxEventBytes;
	}

	/**
	 * Consumes the bytes of a buffer and emits every event they complete.
	 * @param buffer the bytes that arrived
	 * @param sink receives complete events
	 * @throws SseSizeException when an event exceeds the configured size
	 */
	public void feed(ByteBuffer buffer, Consumer<SseEvent> sink) {
		if (buffer.hasArray()) {
			byte[] array = buffer.array();
			int start = buffer.arrayOffset() + buffer.position();
			feed(array, start, start + buffer.remaining(), sink);
			buffer.position(buffer.limit());
		}
		else {
			byte[] copy = new byte[buffer.remaining()];
			buffer.get(copy);
			feed(copy, 0, copy.length, sink);
		}
	}

	/**
	 * Consumes a range of bytes and emits every event they complete.
	 * @param bytes the bytes
	 * @param from the first index
	 * @param to the index after the last
	 * @param sink receives complete events
	 */
	public void feed(byte[] bytes, int from, int to, Consumer<SseEvent> sink) {
		int i = from;
		if (this.afterCarriageReturn && i < to) {
			// a CR ended the previous buffer: an LF right after it belongs to the same line ending
			this.afterCarriageReturn = false;
			if (bytes[i] == '\n') {
				i++;
			}
		}
		int segmentStart = i;
		while (i < to) {
			byte b = bytes[i];
			if (b != '\n' && b != '\r') {
				i++;
				continue;
			}
			if (this.lineLength == 0) {
				// the whole line is in this buffer: read it in place
				count(i - segmentStart);
				endLine(bytes, segmentStart, i - segmentStart, sink);
			}
			else {
				append(bytes, segmentStart, i);
				int length = this.lineLength;
				this.lineLength = 0;
				endLine(this.line, 0, length, sink);
			}
			i++;
			if (b == '\r') {
				if (i < to) {
					if (bytes[i] == '\n') {
						i++;
					}
				}
				else {
					this.afterCarriageReturn = true;
				}
			}
			segmentStart = i;
		}
		append(bytes, segmentStart, to);
	}

	/**
	 * Ends the stream: a pending line and a pending event without a trailing blank line are
	 * dispatched.
	 * @param sink receives the last event, if any
	 */
	public void finish(Consumer<SseEvent> sink) {
		if (this.lineLength > 0) {
			int length = this.lineLength;
			this.lineLength = 0;
			endLine(this.line, 0, length, sink);
		}
		dispatch(sink);
	}

	private void count(int count) {
		this.eventBytes += count;
		if (this.eventBytes > this.maxEventBytes) {
			throw new SseSizeException(this.maxEventBytes);
		}
	}

	private void append(byte[] bytes, int from, int to) {
		int count = to - from;
		if (count <= 0) {
			return;
		}
		count(count);
		if (this.lineLength + count > this.line.length) {
			this.line = Arrays.copyOf(this.line, Math.max(this.line.length * 2, this.lineLength + count));
		}
		System.arraycopy(bytes, from, this.line, this.lineLength, count);
		this.lineLength += count;
	}

	/** Handles one complete line, {@code length} bytes of {@code bytes} from {@code offset}. */
	private void endLine(byte[] bytes, int offset, int length, Consumer<SseEvent> sink) {
		if (length == 0) {
			dispatch(sink);
			return;
		}
		if (bytes[offset] == ':') {
			return;
		}
		int end = offset + length;
		int colon = indexOf(bytes, offset, end, (byte) ':');
		int nameEnd = (colon < 0) ? end : colon;
		int valueStart = (colon < 0) ? end : colon + 1;
		if (valueStart < end && bytes[valueStart] == ' ') {
			valueStart++;
		}
		int nameLength = nameEnd - offset;
		if (isField(bytes, offset, nameLength, DATA)) {
			String value = decode(bytes, valueStart, end - valueStart);
			if (this.data == null) {
				this.data = value;
			}
			else {
				if (this.multiLineData == null) {
					this.multiLineData = new StringBuilder(this.data);
				}
				this.multiLineData.append('\n').append(value);
			}
		}
		else if (isField(bytes, offset, nameLength, EVENT)) {
			this.eventType = new String(bytes, valueStart, end - valueStart, StandardCharsets.UTF_8);
		}
		else if (isField(bytes, offset, nameLength, ID)) {
			this.lastId = new String(bytes, valueStart, end - valueStart, StandardCharsets.UTF_8);
		}
	}

	/**
	 * Decodes UTF-8 strictly: a replacement character in the fast decoding is checked against the
	 * bytes, so malformed input fails instead of silently losing characters.
	 */
	private static String decode(byte[] bytes, int offset, int length) {
		String value = new String(bytes, offset, length, StandardCharsets.UTF_8);
		if (value.indexOf('\uFFFD') >= 0) {
			try {
				StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, offset, length));
			}
			catch (java.nio.charset.CharacterCodingException ex) {
				throw new SseEncodingException();
			}
		}
		return value;
	}

	private void dispatch(Consumer<SseEvent> sink) {
		this.eventBytes = 0;
		if (this.data == null) {
			this.eventType = null;
			return;
		}
		String payload = (this.multiLineData != null) ? this.multiLineData.toString() : this.data;
		SseEvent event = new SseEvent(this.eventType, payload, this.lastId);
		this.data = null;
		this.multiLineData = null;
		this.eventType = null;
		sink.accept(event);
	}

	private static boolean isField(byte[] bytes, int offset, int nameLength, byte[] name) {
		return nameLength == name.length && Arrays.equals(bytes, offset, offset + nameLength, name, 0, nameLength);
	}

	private static int indexOf(byte[] bytes, int from, int to, byte target) {
		for (int i = from; i < to; i++) {
			if (bytes[i] == target) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Thrown when an event's data is not valid UTF-8.
	 */
	public static final class SseEncodingException extends RuntimeException {

		SseEncodingException() {
			super("The gateway sent a stream event that is not valid UTF-8");
		}

	}

	/**
	 * Thrown when one event is larger than the parser accepts.
	 */
	public static final class SseSizeException extends RuntimeException {

		SseSizeException(int limit) {
			super("A server-sent event exceeded " + limit + " bytes; raise spring.ai.relay.max-response-size "
					+ "if the gateway really sends events this large");
		}

	}

}
