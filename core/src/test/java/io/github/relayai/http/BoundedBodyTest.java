package io.github.relayai.http;

import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.github.relayai.http.Probes.Demand;
import org.junit.jupiter.api.Test;

import static io.github.relayai.http.Probes.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedBodyTest {

	private static final IdleWatch WATCH = new IdleWatch(Duration.ofMinutes(5));

	@Test
	void collectsTheWholeBodyAcrossPieces() throws Exception {
		BoundedBody body = new BoundedBody(100, () -> new IllegalStateException("too large"), WATCH);
		Demand subscription = new Demand();
		body.onSubscribe(subscription);
		body.onNext(bytes("{\"a\":"));
		body.onNext(List.of(ByteBuffer.allocateDirect(2).put((byte) '1').put((byte) '}').flip()));
		body.onComplete();
		assertThat(new String(body.getBody().toCompletableFuture().get(), StandardCharsets.UTF_8))
			.isEqualTo("{\"a\":1}");
		assertThat(subscription.requested).isPositive();
	}

	@Test
	void anAnswerPastTheLimitFailsAndStopsTheTransfer() {
		BoundedBody body = new BoundedBody(8, () -> new IllegalStateException("too large"), WATCH);
		Demand subscription = new Demand();
		body.onSubscribe(subscription);
		body.onNext(bytes("12345"));
		body.onNext(bytes("6789"));
		body.onNext(bytes("late bytes in flight are dropped"));
		assertThat(subscription.cancelled).isTrue();
		assertThatThrownBy(() -> body.getBody().toCompletableFuture().get()).isInstanceOf(ExecutionException.class)
			.hasRootCauseMessage("too large");
	}

	@Test
	void anErrorPageIsCutToItsStart() throws Exception {
		BoundedBody body = new BoundedBody(6, null, WATCH);
		body.onSubscribe(new Demand());
		body.onNext(bytes("<html>"));
		body.onNext(bytes("<body>502 Bad Gateway</body></html>"));
		body.onComplete();
		assertThat(new String(body.getBody().toCompletableFuture().get(), StandardCharsets.UTF_8)).isEqualTo("<html>");
	}

	@Test
	void silenceLongerThanTheIdleTimeoutFailsWithATimeout() {
		BoundedBody body = new BoundedBody(100, null, new IdleWatch(Duration.ofMillis(20)));
		Demand subscription = new Demand();
		body.onSubscribe(subscription);
		CompletableFuture<byte[]> result = body.getBody().toCompletableFuture();
		assertThatThrownBy(() -> result.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(HttpTimeoutException.class)
			.hasMessageContaining("spring.ai.relay.read-idle-timeout");
		assertThat(subscription.cancelled).isTrue();
	}

}
