package io.github.relayai.http;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import reactor.core.scheduler.Schedulers;

/**
 * Enforces one client's read-idle timeout over all its waits with a single periodic
 * check, which runs only while something is being waited for. A wait only stamps the time
 * when data arrives; a timer scheduled per request would instead wake a timer thread for
 * every request.
 * <p>
 * The check runs every tenth of the timeout, so a silent wait ends after between one and
 * 1.1 times the timeout.
 */
final class IdleWatch {

	private static final long SHORTEST_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

	private final Duration timeout;

	private final long timeoutNanos;

	private final long periodNanos;

	private final Set<IdleTimer> waiting = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean checking = new AtomicBoolean();

	/**
	 * Creates a watch; nothing runs until the first wait starts.
	 * @param timeout the longest silence allowed
	 */
	IdleWatch(Duration timeout) {
		this.timeout = timeout;
		this.timeoutNanos = timeout.toNanos();
		this.periodNanos = Math.max(this.timeoutNanos / 10, SHORTEST_PERIOD_NANOS);
	}

	/**
	 * Starts watching a wait.
	 * @param onIdle runs once, on a timer thread, if the wait stays silent longer than
	 * the timeout
	 * @return the wait's timer, to touch when data arrives and to stop when the wait ends
	 */
	IdleTimer start(Runnable onIdle) {
		IdleTimer timer = new IdleTimer(this, onIdle);
		this.waiting.add(timer);
		if (!this.checking.get() && this.checking.compareAndSet(false, true)) {
			schedule();
		}
		return timer;
	}

	/**
	 * The failure of a wait that stayed silent too long.
	 * @return a new exception naming the timeout and its setting
	 */
	HttpTimeoutException timeoutException() {
		return new HttpTimeoutException("No data from the gateway for " + this.timeout
				+ " (readIdleTimeout, spring.ai.relay.read-idle-timeout)");
	}

	void forget(IdleTimer timer) {
		this.waiting.remove(timer);
	}

	private void check() {
		try {
			long now = System.nanoTime();
			for (IdleTimer timer : this.waiting) {
				if (now - timer.lastActivity() >= this.timeoutNanos) {
					timer.expire();
				}
			}
		}
		finally {
			if (!this.waiting.isEmpty()) {
				schedule();
			}
			else {
				// nothing waits: stop; a wait started meanwhile either saw the flag down
				// and scheduled, or
				// is seen here
				this.checking.set(false);
				if (!this.waiting.isEmpty() && this.checking.compareAndSet(false, true)) {
					schedule();
				}
			}
		}
	}

	private void schedule() {
		Schedulers.parallel().schedule(this::check, this.periodNanos, TimeUnit.NANOSECONDS);
	}

}
