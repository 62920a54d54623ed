package io.github.relayai.http;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The body of a streamed answer, handed to its one reader as a publisher as soon as the
 * headers are in. Unlike the JDK client's {@code BodySubscribers.ofPublisher()}, its
 * {@link #getBody()} completes only when the body has ended (or was cancelled), so the
 * future of {@code sendAsync}, which on machines with two cores or fewer completes on a
 * thread started for it, does not complete while the first events are on their way.
 */
final class StreamBody implements HttpResponse.BodySubscriber<Void>, Flow.Publisher<List<ByteBuffer>> {

	private static final Flow.Subscription NOTHING = new Flow.Subscription() {

		@Override
		public void request(long n) {
		}

		@Override
		public void cancel() {
		}

	};

	private final CompletableFuture<Void> body = new CompletableFuture<>();

	private final CompletableFuture<Flow.Subscription> upstream = new CompletableFuture<>();

	private final CompletableFuture<Flow.Subscriber<? super List<ByteBuffer>>> subscribed = new CompletableFuture<>();

	private final AtomicBoolean taken = new AtomicBoolean();

	private volatile Flow.Subscriber<? super List<ByteBuffer>> reader;

	private volatile boolean cancelled;

	@Override
	public CompletionStage<Void> getBody() {
		return this.body;
	}

	@Override
	public void subscribe(Flow.Subscriber<? super List<ByteBuffer>> subscriber) {
		if (!this.taken.compareAndSet(false, true)) {
			subscriber.onSubscribe(NOTHING);
			subscriber.onError(new IllegalStateException("A response body has one reader only"));
			return;
		}
		this.upstream.thenAccept(subscription -> {
			this.reader = subscriber;
			subscriber.onSubscribe(new Flow.Subscription() {

				@Override
				public void request(long n) {
					subscription.request(n);
				}

				@Override
				public void cancel() {
					StreamBody.this.cancelled = true;
					subscription.cancel();
					StreamBody.this.body.complete(null);
				}

			});
			this.subscribed.complete(subscriber);
		});
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.upstream.complete(subscription);
	}

	@Override
	public void onNext(List<ByteBuffer> item) {
		if (!this.cancelled) {
			this.reader.onNext(item);
		}
	}

	@Override
	public void onError(Throwable failure) {
		this.body.completeExceptionally(failure);
		this.subscribed.thenAccept(subscriber -> {
			if (!this.cancelled) {
				subscriber.onError(failure);
			}
		});
	}

	@Override
	public void onComplete() {
		this.body.complete(null);
		this.subscribed.thenAccept(subscriber -> {
			if (!this.cancelled) {
				subscriber.onComplete();
			}
		});
	}

}
