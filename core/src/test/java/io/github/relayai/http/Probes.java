package io.github.relayai.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;

/**
 * Stand-ins for the two ends of a response body in the JDK client: the subscription it
 * gives a body subscriber, and a reader of the body's pieces.
 */
final class Probes {

	private Probes() {
	}

	/** One piece of body: the text's UTF-8 bytes. */
	static List<ByteBuffer> bytes(String text) {
		return List.of(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
	}

	/** A subscription that records the demand and the cancellation it is given. */
	static final class Demand implements Flow.Subscription {

		final CountDownLatch cancellation = new CountDownLatch(1);

		volatile long requested;

		volatile boolean cancelled;

		@Override
		public void request(long n) {
			this.requested = (n == Long.MAX_VALUE || this.requested + n < 0) ? Long.MAX_VALUE : this.requested + n;
		}

		@Override
		public void cancel() {
			this.cancelled = true;
			this.cancellation.countDown();
		}

	}

	/** A reader that records every signal it receives, with the bytes as text. */
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
