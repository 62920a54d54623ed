package io.github.relayai.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Supplier;

/**
 * Collects a whole response body inside the JDK client, so that a blocking {@code send}
 * wakes its caller once, with the answer. The body is bounded: past {@code limit} bytes
 * it either fails (an answer) or is cut short (an error page, of which the start is
 * enough); and it fails when no bytes arrive for the read-idle timeout.
 */
final class BoundedBody implements java.net.http.HttpResponse.BodySubscriber<byte[]> {

	private final CompletableFuture<byte[]> result = new CompletableFuture<>();

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final int limit;

	private final Supplier<? extends Throwable> tooLarge;

	private final IdleWatch watch;

	private IdleTimer idle;

	private Flow.Subscription subscription;

	/**
	 * Creates the subscriber.
	 * @param limit the most bytes kept
	 * @param tooLarge the failure past the limit, or {@code null} to keep the first
	 * {@code limit} bytes
	 * @param idle the client's read-idle watch
	 */
	BoundedBody(int limit, Supplier<? extends Throwable> tooLarge, IdleWatch idle) {
		this.limit = limit;
		this.tooLarge = tooLarge;
		this.watch = idle;
	}

	@Override
	public CompletionStage<byte[]> getBody() {
		return this.result;
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription = subscription;
		this.idle = this.watch.start(() -> abandon(this.watch.timeoutException()));
		subscription.request(Long.MAX_VALUE);
	}

	@Override
	public void onNext(List<ByteBuffer> buffers) {
		if (this.result.isDone()) {
			return; // failed, and cancelled: bytes still in flight are dropped
		}
		this.idle.touch();
		for (ByteBuffer buffer : buffers) {
			int count = buffer.remaining();
			if (this.out.size() + count > this.limit) {
				if (this.tooLarge != null) {
					fail(this.tooLarge.get());
					return;
				}
				count = this.limit - this.out.size();
			}
			if (count <= 0) {
				continue;
			}
			if (buffer.hasArray()) {
				this.out.write(buffer.array(), buffer.arrayOffset() + buffer.position(), count);
			}
			else {
				byte[] chunk = new byte[count];
				buffer.duplicate().get(chunk);
				this.out.write(chunk, 0, count);
			}
		}
	}

	@Override
	public void onError(Throwable failure) {
		this.idle.stop();
		this.result.completeExceptionally(failure);
	}

	@Override
	public void onComplete() {
		this.idle.stop();
		this.result.complete(this.out.toByteArray());
	}

	private void fail(Throwable failure) {
		this.idle.stop();
		abandon(failure);
	}

	/** Stops reading and fails; also the idle watch's action, run on its thread. */
	private void abandon(Throwable failure) {
		this.subscription.cancel();
		this.result.completeExceptionally(failure);
	}

}
