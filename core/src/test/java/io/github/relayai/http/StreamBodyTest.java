package io.github.relayai.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The body of a stream hands every signal to its one reader, in order, and tells the JDK client the
 * body is over only at its end or when the reader cancels.
 */
class StreamBodyTest {

	@Test
	void readerGetsTheBytesAndTheEndAndTheBodyCompletesOnlyAtTheEnd() {
		StreamBody body = new StreamBody();
		Upstream upstream = new Upstream();
		Reader reader = new Reader();
		body.subscribe(reader);
		body.onSubscribe(upstream);
		reader.subscription.request(5);

		body.onNext(bytes("data: a\n\n"));
		assertThat(body.getBody().toCompletableFuture()).as("not over while bytes still come").isNotDone();
		body.onComplete();

		assertThat(upstream.requested).isEqualTo(5);
		assertThat(reader.signals).containsExactly("next data: a\n\n", "complete");
		assertThat(body.getBody().toCompletableFuture()).isCompleted();
	}

	@Test
	void endBeforeTheReaderArrivedIsHandedOverAfterItsSubscription() {
		StreamBody body = new StreamBody();
		body.onSubscribe(new Upstream());
		body.onError(new IllegalStateException("reset"));

		Reader reader = new Reader();
		body.subscribe(reader);

		assertThat(reader.subscription).isNotNull();
		assertThat(reader.signals).containsExactly("error reset");
		assertThat(body.getBody().toCompletableFuture()).isCompletedExceptionally();
	}

	@Test
	void cancelStopsTheSignalsAndEndsTheBodyForTheClient() {
		StreamBody body = new StreamBody();
		Upstream upstream = new Upstream();
		Reader reader = new Reader();
		body.subscribe(reader);
		body.onSubscribe(upstream);

		reader.subscription.cancel();
		body.onNext(bytes("late"));
		body.onComplete();

		assertThat(upstream.cancelled).isTrue();
		assertThat(reader.signals).isEmpty();
		assertThat(body.getBody().toCompletableFuture()).isCompleted();
	}

	@Test
	void secondReaderIsTurnedAway() {
		StreamBody body = new StreamBody();
		body.subscribe(new Reader());
		Reader second = new Reader();
		body.subscribe(second);
		assertThat(second.signals).containsExactly("error A response body has one reader only");
	}

	static List<ByteBuffer> bytes(String text) {
		return List.of(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
	}

	static final class Upstream implements Flow.Subscription {

		long requested;

		boolean cancelled;

		@Override
		public void request(long n) {
			this.requested += n;
		}

		@Override
		public void cancel() {
			this.cancelled = true;
		}

	}

	static final class Reader implements Flow.Subscriber<List<ByteBuffer>> {

		final List<String> signals = new ArrayList<>();

		Flow.Subscription subscription;

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
		}

		@Override
		public void onNext(List<ByteBuffer> item) {
			StringBuilder text = new StringBuilder();
			for (ByteBuffer buffer : item) {
				text.append(StandardCharsets.UTF_8.decode(buffer.duplicate()));
			}
			this.signals.add("next " + text);
		}

		@Override
		public void onError(Throwable throwable) {
			this.signals.add("error " + throwable.getMessage());
		}

		@Override
		public void onComplete() {
			this.signals.add("complete");
		}

	}

}
