package io.github.relayai.hardening;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import io.github.relayai.resilience.Resilience4jPolicy;
import io.github.resilience4j.bulkhead.Bulkhead;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the fault and load tests check after each case, so that a failure leaves nothing
 * behind.
 * <ul>
 * <li><b>permits</b>: both bulkheads of the {@link Resilience4jPolicy} (the concurrency
 * limit and the admission queue in front of it) have all their permits available
 * again;</li>
 * <li><b>threads</b>: no thread other than the test's own is still executing Relay code
 * ({@code io.github.relayai.*} outside this test package) once the caller has its answer:
 * a blocked {@code call}, a queue waiter or a stream that never ended would show up here.
 * The JDK client's selector thread and Reactor's or Relay's pooled threads are daemon
 * threads that idle out; they are not counted as long as they are idle. Threads are
 * polled for up to five seconds, since a finishing thread may still be unwinding when the
 * caller is woken.</li>
 * </ul>
 * Connections are checked by the tests themselves: after each fault the same client must
 * complete a follow-up request against the same gateway.
 */
final class Leaks {

	private static final Duration SETTLE = Duration.ofSeconds(5);

	private Leaks() {
	}

	/** Asserts that every permit of the policy's bulkheads is available. */
	static void assertNoPermitHeld(Resilience4jPolicy policy) {
		assertAllAvailable(policy.bulkhead());
		assertAllAvailable(policy.queue());
	}

	private static void assertAllAvailable(Bulkhead bulkhead) {
		assertThat(bulkhead.getMetrics().getAvailableConcurrentCalls())
			.as("available permits of %s", bulkhead.getName())
			.isEqualTo(bulkhead.getMetrics().getMaxAllowedConcurrentCalls());
	}

	/** Asserts that, within a few seconds, no other thread runs Relay code. */
	static void assertNoThreadInRelay() {
		long deadline = System.nanoTime() + SETTLE.toNanos();
		List<String> busy = busyThreads();
		while (!busy.isEmpty() && System.nanoTime() < deadline) {
			LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
			busy = busyThreads();
		}
		assertThat(busy).as("threads still in Relay code").isEmpty();
	}

	private static List<String> busyThreads() {
		Thread self = Thread.currentThread();
		return Thread.getAllStackTraces()
			.entrySet()
			.stream()
			.filter(entry -> entry.getKey() != self && entry.getKey().isAlive())
			.filter(entry -> runsRelay(entry.getValue()))
			.map(Leaks::describe)
			.toList();
	}

	private static boolean runsRelay(StackTraceElement[] stack) {
		return Arrays.stream(stack)
			.map(StackTraceElement::getClassName)
			.anyMatch(name -> name.startsWith("io.github.relayai.") && !name.startsWith("io.github.relayai.hardening.")
					&& !name.startsWith("io.github.relayai.testsupport."));
	}

	private static String describe(Map.Entry<Thread, StackTraceElement[]> entry) {
		return entry.getKey().getName() + " "
				+ Arrays.toString(Arrays.copyOf(entry.getValue(), Math.min(8, entry.getValue().length)));
	}

}
