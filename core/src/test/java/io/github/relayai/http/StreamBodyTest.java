package io.github.relayai.http;

import io.github.relayai.http.Probes.Demand;
import io.github.relayai.http.Probes.Reader;
import org.junit.jupiter.api.Test;

import static io.github.relayai.http.Probes.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The body of a stream hands every signal to its one reader, in order, and tells the JDK
 * client the body is over only at its end or when the reader cancels.
 */
class StreamBodyTest {

	@Test
	void readerGetsTheBytesAndTheEndAndTheBodyCompletesOnlyAtTheEnd() {
		StreamBody body = new StreamBody();
		Demand upstream = new Demand();
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
		body.onSubscribe(new Demand());
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
		Demand upstream = new Demand();
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

}
