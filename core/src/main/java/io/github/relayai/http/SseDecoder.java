package io.github.relayai.http;

import io.github.relayai.error.RelayAiException;
import java.util.List;

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

}
