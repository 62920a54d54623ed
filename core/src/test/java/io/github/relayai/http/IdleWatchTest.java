package io.github.relayai.http;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The idle watch behind the read-idle timeout: silent waits end once, ended waits never
 * do, and the single periodic check comes back after a quiet spell in which nothing was
 * waited for.
 */
class IdleWatchTest {

	private static final Duration TIMEOUT = Duration.ofMillis(20);

	private final IdleWatch watch = new IdleWatch(TIMEOUT);

	@Test
	void silentWaitRunsItsActionOnce() throws InterruptedException {
		AtomicInteger runs = new AtomicInteger();
		CountDownLatch ran = new CountDownLatch(1);
		IdleTimer timer = this.watch.start(() -> {
			runs.incrementAndGet();
			ran.countDown();
		});
		assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(timer.isExpired()).isTrue();
		assertThat(timer.stop()).as("stop reports the expiry").isTrue();

		awaitExpiryOfAnotherWait();
		assertThat(runs).hasValue(1);
	}

	@Test
	void endedWaitNeverRunsItsAction() throws InterruptedException {
		// A timeout the wait surely ends within, even on a loaded machine that pauses
		// this
		// thread between start and stop (with 20 ms it sometimes expired first).
		IdleWatch watch = new IdleWatch(Duration.ofSeconds(2));
		AtomicInteger runs = new AtomicInteger();
		IdleTimer timer = watch.start(runs::incrementAndGet);
		assertThat(timer.stop()).isFalse();

		awaitExpiryOfAnotherWait(watch);
		assertThat(runs).hasValue(0);
		assertThat(timer.isExpired()).isFalse();
	}

	@Test
	void checkingResumesAfterAQuietSpell() throws InterruptedException {
		awaitExpiryOfAnotherWait();
		// nothing waits now, so the check stops; the next wait must bring it back
		awaitExpiryOfAnotherWait();
		awaitExpiryOfAnotherWait();
	}

	@Test
	void timeoutExceptionNamesTheSetting() {
		assertThat(this.watch.timeoutException())
			.hasMessage("No data from the gateway for PT0.02S (readIdleTimeout, spring.ai.relay.read-idle-timeout)");
	}

	/**
	 * Starts a wait, leaves it silent and waits for the watch to end it: later than any
	 * earlier one.
	 */
	private void awaitExpiryOfAnotherWait() throws InterruptedException {
		awaitExpiryOfAnotherWait(this.watch);
	}

	private static void awaitExpiryOfAnotherWait(IdleWatch watch) throws InterruptedException {
		CountDownLatch ran = new CountDownLatch(1);
		watch.start(ran::countDown);
		assertThat(ran.await(10, TimeUnit.SECONDS)).as("the watch ends a silent wait").isTrue();
	}

}
