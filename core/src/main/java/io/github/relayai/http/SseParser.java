package io.github.relayai.http;

import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import io.github.relayai.http.SseDecoder.SseEvent;

/**
 * Incremental reader of a {@code text/event-stream} body, fed with byte buffers as they
 * arrive.
 * <p>
 * It follows the HTML server-sent events grammar: lines end with CRLF, LF or CR (also
 * when a CR and its LF arrive in different buffers); lines starting with {@code :} are
 * comments (keep-alives) and are skipped; {@code data:} lines of one event are joined
 * with {@code \n}; a blank line dispatches the event. An event's data stays as bytes (see
 * {@link SseEvent}), so a character split across buffers is decoded whole, and only if
 * asked for as text. Unlike a browser it also dispatches a final event that lacks the
 * trailing blank line (see {@link #finish(Consumer)}). Not thread-safe: one parser per
 * stream.
 */
final class SseParser {

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final byte[] DATA = { 'd', 'a', 't', 'a' };

	private static final byte[] EVENT = { 'e', 'v', 'e', 'n', 't' };

	private static final byte[] ID = { 'i', 'd' };

	private final int maxEventBytes;

	private byte[] line = new byte[256];

	private int lineLength;

	private boolean afterCarriageReturn;

	private byte[] data;

	private ByteArrayOutputStream multiLineData;

	private String eventType;

	private String lastId;

	private long eventBytes;

	/**
	 * Creates a parser.
	 * @param maxEventBytes the largest event (all its lines together) accepted before
	 * failing
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
			// a CR ended the previous buffer: an LF right after it belongs to the same
			// line ending
			this.afterCarriageReturn = false;
			if (bytes[i] == '\n') {
				i++;
			}
		}
		while (i < to) {
			int end = lineEnd(bytes, i, to);
			if (end < 0) {
				append(bytes, i, to);
				return;
			}
			if (this.lineLength == 0) {
				// the whole line is in this buffer: read it in place
				count(end - i);
				endLine(bytes, i, end - i, sink);
			}
			else {
				append(bytes, i, end);
				int length = this.lineLength;
				this.lineLength = 0;
				endLine(this.line, 0, length, sink);
			}
			i = end + 1;
			if (bytes[end] == '\r') {
				if (i < to) {
					if (bytes[i] == '\n') {
						i++;
					}
				}
				else {
					this.afterCarriageReturn = true;
				}
			}
		}
	}

	/**
	 * The index of the first CR or LF in the range, or -1. Looks at eight bytes at a
	 * time: a byte of a word equals CR or LF exactly when the word XOR that byte repeated
	 * has a zero byte there, and the lowest flag of the classic zero-byte test is always
	 * a true one.
	 */
	private static int lineEnd(byte[] bytes, int from, int to) {
		int i = from;
		for (; i + Long.BYTES <= to; i += Long.BYTES) {
			long word = (long) LONGS.get(bytes, i);
			long lf = word ^ 0x0A0A0A0A0A0A0A0AL;
			long cr = word ^ 0x0D0D0D0D0D0D0D0DL;
			long found = (((lf - 0x0101010101010101L) & ~lf) | ((cr - 0x0101010101010101L) & ~cr))
					& 0x8080808080808080L;
			if (found != 0) {
				return i + (Long.numberOfTrailingZeros(found) >>> 3);
			}
		}
		for (; i < to; i++) {
			if (bytes[i] == '\n' || bytes[i] == '\r') {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Ends the stream: a pending line and a pending event without a trailing blank line
	 * are dispatched.
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

	/**
	 * Handles one complete line, {@code length} bytes of {@code bytes} from
	 * {@code offset}.
	 */
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
			if (this.data == null) {
				this.data = Arrays.copyOfRange(bytes, valueStart, end);
			}
			else {
				if (this.multiLineData == null) {
					this.multiLineData = new ByteArrayOutputStream(this.data.length * 2 + 16);
					this.multiLineData.writeBytes(this.data);
				}
				this.multiLineData.write('\n');
				this.multiLineData.write(bytes, valueStart, end - valueStart);
			}
		}
		else if (isField(bytes, offset, nameLength, EVENT)) {
			this.eventType = new String(bytes, valueStart, end - valueStart, StandardCharsets.UTF_8);
		}
		else if (isField(bytes, offset, nameLength, ID)) {
			this.lastId = new String(bytes, valueStart, end - valueStart, StandardCharsets.UTF_8);
		}
	}

	private void dispatch(Consumer<SseEvent> sink) {
		this.eventBytes = 0;
		if (this.data == null) {
			this.eventType = null;
			return;
		}
		byte[] payload = (this.multiLineData != null) ? this.multiLineData.toByteArray() : this.data;
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
	 * Thrown when an event's data, asked for as text, is not valid UTF-8.
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
			super("A server-sent event exceeded " + limit + " bytes; raise maxResponseBytes "
					+ "(spring.ai.relay.max-response-size) if the gateway really sends events this large");
		}

	}

}
