package io.github.relayai.http;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.function.BooleanSupplier;

/**
 * A streamed response body that can be left once its last event has been read without
 * closing the connection. Cancelling the JDK client's body before the body has ended
 * closes the connection, so every stream left at {@code data: [DONE]}, whose end usually
 * follows a moment later, would cost the next request a new connection. Instead, a cancel
 * that comes once {@code finished} holds reads the rest of the body and drops it, so the
 * JDK client can reuse the connection; a rest longer than {@value #MAX_DRAINED_BYTES}
 * bytes, or one that does not end within the read-idle timeout, is then cancelled after
 * all. A cancel before that cancels at once.
 */
final class DrainingBody implements Flow.Publisher<List<ByteBuffer>> {

	/** The most bytes read after the last event; the end of a chunked body is five. */
	static final int MAX_DRAINED_BYTES = 1024;

	private final Flow.Publisher<List<ByteBuffer>> body;

	private final BooleanSupplier finished;

	private final IdleWatch watch;

	/**
	 * Wraps a body.
	 * @param body the JDK client's body
	 * @param finished whether everything wanted from the body has been read
	 * @param watch bounds the time spent reading the rest
	 */
	DrainingBody(Flow.Publisher<List<ByteBuffer>> body, BooleanSupplier finished, IdleWatch watch) {
		this.body = body;
		this.finished = finished;
		this.watch = watch;
	}

	@Override
	public void subscribe(Flow.Subscriber<? super List<ByteBuffer>> subscriber) {
		this.body.subscribe(new Reader(subscriber));
	}

	private final class Reader implements Flow.Subscriber<List<ByteBuffer>>, Flow.Subscription {

		private final Flow.Subscriber<? super List<ByteBuffer>> downstream;

		private Flow.Subscription upstream;

		private volatile IdleTimer draining;

		private long drained;

		Reader(Flow.Subscriber<? super List<ByteBuffer>> downstream) {
			this.downstream = downstream;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.upstream = subscription;
			this.downstream.onSubscribe(this);
		}

		@Override
		public void request(long n) {
			this.upstream.request(n);
		}

		@Override
		public void cancel() {
			if (this.draining != null || !DrainingBody.this.finished.getAsBoolean()) {
				this.upstream.cancel();
				return;
			}
			this.draining = DrainingBody.this.watch.start(this.upstream::cancel);
			this.upstream.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(List<ByteBuffer> buffers) {
			IdleTimer drain = this.draining;
			if (drain == null) {
				this.downstream.onNext(buffers);
				return;
			}
			for (ByteBuffer buffer : buffers) {
				this.drained += buffer.remaining();
			}
			if (this.drained > MAX_DRAINED_BYTES) {
				drain.stop();
				this.upstream.cancel();
			}
		}

		@Override
		public void onError(Throwable failure) {
			IdleTimer drain = this.draining;
			if (drain == null) {
				this.downstream.onError(failure);
			}
			else {
				drain.stop();
			}
		}

		@Override
		public void onComplete() {
			IdleTimer drain = this.draining;
			if (drain == null) {
				this.downstream.onComplete();
			}
			else {
				drain.stop();
			}
		}

	}

}
