package io.github.relayai.http;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;
import io.github.relayai.http.SseDecoder.SseEvent;

/**
 * The parser and decoder of one stream: turns each network read into the batch of values
 * its events complete. A failure is held back until the values before it were delivered,
 * so a stream that breaks midway still hands over everything that came. Not thread-safe:
 * reads arrive serially.
 *
 * @param <T> the decoded values
 */
final class SseStream<T> {

	private final SseParser parser;

	private final SseDecoder<T> decoder;

	private boolean stopped;

	private RuntimeException failure;

	SseStream(SseParser parser, SseDecoder<T> decoder) {
		this.parser = parser;
		this.decoder = decoder;
	}

	/** The values the events of one read complete. */
	List<T> read(List<ByteBuffer> buffers) {
		List<T> values = new ArrayList<>();
		try {
			for (ByteBuffer buffer : buffers) {
				this.parser.feed(buffer, event -> accept(event, values));
				if (this.stopped) {
					break;
				}
			}
			values.addAll(this.decoder.flush());
		}
		catch (RuntimeException ex) {
			values.addAll(this.decoder.flush());
			this.failure = ex;
			this.stopped = true;
		}
		return values;
	}

	/** Whether nothing more is read: {@code [DONE]} arrived or the stream failed. */
	boolean isStopped() {
		return this.stopped;
	}

	/** The values still pending when the body ended or {@code [DONE]} arrived. */
	List<T> end() {
		List<T> values = new ArrayList<>();
		if (this.failure != null) {
			return values;
		}
		try {
			if (!this.stopped) {
				this.parser.finish(event -> accept(event, values));
			}
			values.addAll(this.decoder.flush());
			values.addAll(this.decoder.end());
		}
		catch (RuntimeException ex) {
			values.addAll(this.decoder.flush());
			this.failure = ex;
		}
		return values;
	}

	/** The failure held back, once the values were delivered. */
	<V> Mono<V> failure() {
		return (this.failure != null) ? Mono.error(this.failure) : Mono.empty();
	}

	private void accept(SseEvent event, List<T> values) {
		if (!this.stopped) {
			values.addAll(this.decoder.accept(event));
			this.stopped = event.isDone();
		}
	}

}
