package io.github.relayai.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

/**
 * The read-idle timeout of one response body. Arriving data only stamps the time; a single timer
 * checks the stamp and re-arms itself for the time left, instead of one timer per piece of body.
 */
final class IdleTimer implements Runnable {

	private final long timeoutNanos;

	private final Runnable onIdle;

	private volatile long lastActivity;

	private volatile boolean stopped;

	private volatile boolean expired;

	private volatile Disposable task;

	/**
	 * Creates a timer; nothing runs until {@link #start()}.
	 * @param timeout the longest silence allowed
	 * @param onIdle runs once, on a timer thread, when the silence lasted longer
	 */
	IdleTimer(Duration timeout, Runnable onIdle) {
		this.timeoutNanos = timeout.toNanos();
		this.onIdle = onIdle;
	}

	void start() {
		this.lastActivity = System.nanoTime();
		schedule(this.timeoutNanos);
	}

	/** Data arrived. */
	void touch() {
		this.lastActivity = System.nanoTime();
	}

	/** The body ended or was abandoned: the timer never fires. */
	void stop() {
		this.stopped = true;
		Disposable current = this.task;
		if (current != null) {
			current.dispose();
		}
	}

	/** Whether the timeout fired. */
	boolean isExpired() {
		return this.expired;
	}

	@Override
	public void run() {
		if (this.stopped) {
			return;
		}
		long idle = System.nanoTime() - this.lastActivity;
		if (idle >= this.timeoutNanos) {
			this.stopped = true;
			this.expired = true;
			this.onIdle.run();
		}
		else {
			schedule(this.timeoutNanos - idle);
		}
	}

	private void schedule(long nanos) {
		this.task = Schedulers.parallel().schedule(this, nanos, TimeUnit.NANOSECONDS);
	}

}
