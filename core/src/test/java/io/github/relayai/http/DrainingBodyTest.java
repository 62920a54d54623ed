package io.github.relayai.http;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.relayai.http.Probes.Demand;
import io.github.relayai.http.Probes.Reader;
import org.junit.jupiter.api.Test;

import static io.github.relayai.http.Probes.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stream left once its last event was read keeps reading the rest of its body, so the
 * connection can be reused; a stream left early, or a rest that goes on, is cancelled.
 */
class DrainingBodyTest {

	private final AtomicBoolean finished = new AtomicBoolean();

	private final Source source = new Source();

	private final Reader reader = new Reader();

	private void subscribe(Duration idleTimeout) {
		new DrainingBody(this.source, this.finished::get, new IdleWatch(idleTimeout)).subscribe(this.reader);
	}

	@Test
	void leftBeforeTheEndIsCancelled() {
		subscribe(Duration.ofMinutes(5));
		this.reader.subscription.request(1);
		this.reader.subscription.cancel();
		assertThat(this.source.demand.cancelled).isTrue();
	}

	@Test
	void leftAfterTheLastEventReadsTheRestWithoutHandingItOn() {
		subscribe(Duration.ofMinutes(5));
		this.reader.subscription.request(1);
		this.source.subscriber.onNext(bytes("data: [DONE]\n\n"));
		this.finished.set(true);
		this.reader.subscription.cancel();

		assertThat(this.source.demand.cancelled).isFalse();
		assertThat(this.source.demand.requested).isEqualTo(Long.MAX_VALUE);
		this.source.subscriber.onNext(bytes("\n"));
		this.source.subscriber.onComplete();
		assertThat(this.reader.signals).containsExactly("next data: [DONE]\n\n");
		assertThat(this.source.demand.cancelled).isFalse();
	}

	@Test
	void restLongerThanAKilobyteIsCancelled() {
		subscribe(Duration.ofMinutes(5));
		this.finished.set(true);
		this.reader.subscription.cancel();
		this.source.subscriber.onNext(bytes(": keep-alive\n\n".repeat(80)));
		assertThat(this.source.demand.cancelled).isTrue();
		assertThat(this.reader.signals).isEmpty();
	}

	@Test
	void restThatDoesNotEndWithinTheIdleTimeoutIsCancelled() throws InterruptedException {
		subscribe(Duration.ofMillis(20));
		this.finished.set(true);
		this.reader.subscription.cancel();
		assertThat(this.source.demand.cancellation.await(10, TimeUnit.SECONDS)).isTrue();
	}

	/** A body publisher that gives its subscriber a recording subscription. */
	static final class Source implements Flow.Publisher<List<ByteBuffer>> {

		final Demand demand = new Demand();

		Flow.Subscriber<? super List<ByteBuffer>> subscriber;

		@Override
		public void subscribe(Flow.Subscriber<? super List<ByteBuffer>> subscriber) {
			this.subscriber = subscriber;
			subscriber.onSubscribe(this.demand);
		}

	}

}
