package io.github.relayai.http;

import io.github.relayai.error.RelayAiException;
import java.util.List;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Turns the events of one server-sent-event stream into values, such as chat response
 * deltas. One decoder per stream, called serially; it may throw a
 * {@link io.github.relayai.error.RelayAiException} to fail the stream.
 *
 * @param <T> the values
 */
public interface SseDecoder<T> {

	/**
	 * Decodes one event. After {@code [DONE]} ({@link SseEvent#isDone()}) nothing more is
	 * read.
	 * @param event the event
	 * @return the values it completes, usually none or one
	 */
	List<T> accept(SseEvent event);

	/**
	 * The values held back while the events of one network read were decoded; called
	 * after every read, and before {@link #end()} or a failure. None by default.
	 * @return the values held back
	 */
	default List<T> flush() {
		return List.of();
	}

	/**
	 * The body ended, or {@code [DONE]} arrived.
	 * @return the values still pending
	 */
	List<T> end();

	/**
	 * One server-sent event. Its data stays as the UTF-8 bytes that arrived until it is
	 * asked for as text, so a JSON payload can go straight to a JSON parser with
	 * {@link #readData(DataReader)}.
	 */
	public static final class SseEvent {

		private static final byte[] DONE = { '[', 'D', 'O', 'N', 'E', ']' };

		private final String event;

		private final byte[] data;

		private final String id;

		private String text;

		/**
		 * Creates an event from text.
		 * @param event the {@code event:} field, or {@code null} for the default
		 * {@code message} type
		 * @param data the {@code data:} lines joined with {@code \n}
		 * @param id the {@code id:} field, or {@code null}
		 */
		public SseEvent(String event, String data, String id) {
			this(event, data.getBytes(StandardCharsets.UTF_8), id);
			this.text = data;
		}

		SseEvent(String event, byte[] data, String id) {
			this.event = event;
			this.data = data;
			this.id = id;
		}

		/**
		 * The {@code event:} field.
		 * @return the event type, or {@code null} for the default {@code message} type
		 */
		public String event() {
			return this.event;
		}

		/**
		 * The {@code id:} field.
		 * @return the last event id, or {@code null}
		 */
		public String id() {
			return this.id;
		}

		/**
		 * The data as text, decoded strictly.
		 * @return the {@code data:} lines joined with {@code \n}
		 * @throws SseParser.SseEncodingException when the data is not valid UTF-8
		 */
		public String data() {
			String decoded = this.text;
			if (decoded == null) {
				decoded = new String(this.data, StandardCharsets.UTF_8);
				if (decoded.indexOf('\uFFFD') >= 0) {
					// the lenient decoding replaced something: a genuine U+FFFD passes,
					// malformed bytes fail
					try {
						StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(this.data));
					}
					catch (CharacterCodingException ex) {
						throw new SseParser.SseEncodingException();
					}
				}
				this.text = decoded;
			}
			return decoded;
		}

		/**
		 * Hands the data's UTF-8 bytes to a reader without copying them.
		 * @param <R> the reader's result
		 * @param reader reads the bytes; must not modify or keep them
		 * @return what the reader returned
		 */
		public <R> R readData(DataReader<R> reader) {
			return reader.read(this.data, 0, this.data.length);
		}

		/**
		 * Whether the data starts, after white space, with <code>{</code> or {@code [}.
		 * @return {@code true} when the data may be JSON
		 */
		public boolean isJson() {
			for (byte b : this.data) {
				if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
					return b == '{' || b == '[';
				}
			}
			return false;
		}

		/**
		 * Whether this is the OpenAI end-of-stream marker {@code data: [DONE]}
		 * (surrounding white space tolerated).
		 * @return {@code true} for {@code [DONE]}
		 */
		public boolean isDone() {
			if (this.data.length >= 16) {
				return false;
			}
			int from = 0;
			int to = this.data.length;
			while (from < to && isSpace(this.data[from])) {
				from++;
			}
			while (to > from && isSpace(this.data[to - 1])) {
				to--;
			}
			return Arrays.equals(this.data, from, to, DONE, 0, DONE.length);
		}

		private static boolean isSpace(byte b) {
			return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0x0B || b == 0x0C;
		}

		@Override
		public boolean equals(Object other) {
			return this == other || (other instanceof SseEvent that && Objects.equals(this.event, that.event)
					&& Arrays.equals(this.data, that.data) && Objects.equals(this.id, that.id));
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.event, Arrays.hashCode(this.data), this.id);
		}

		@Override
		public String toString() {
			return "SseEvent[event=" + this.event + ", data=" + new String(this.data, StandardCharsets.UTF_8) + ", id="
					+ this.id + "]";
		}

		/**
		 * Reads an event's data bytes.
		 *
		 * @param <R> the result
		 */
		@FunctionalInterface
		public interface DataReader<R> {

			/**
			 * Reads {@code length} bytes of {@code bytes} from {@code offset}.
			 * @param bytes the bytes
			 * @param offset the first byte
			 * @param length the number of bytes
			 * @return the result
			 */
			R read(byte[] bytes, int offset, int length);

		}

	}

}
