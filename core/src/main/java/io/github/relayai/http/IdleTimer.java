package io.github.relayai.http;

/**
 * The read-idle timeout of one wait: for a response's headers, or between the pieces of
 * its body. Arriving data only stamps the time; the client's {@link IdleWatch} finds the
 * waits that stayed silent too long and runs their action.
 */
final class IdleTimer {

	private final IdleWatch watch;

	private final Runnable onIdle;

	private volatile long lastActivity;

	private boolean stopped;

	private boolean expired;

	IdleTimer(IdleWatch watch, Runnable onIdle) {
		this.watch = watch;
		this.onIdle = onIdle;
		this.lastActivity = System.nanoTime();
	}

	/** Data arrived. */
	void touch() {
		this.lastActivity = System.nanoTime();
	}

	long lastActivity() {
		return this.lastActivity;
	}

	/**
	 * The wait ended or was abandoned. Once this returns, the action has either run or
	 * never will.
	 * @return whether the timeout fired first
	 */
	synchronized boolean stop() {
		if (!this.stopped) {
			this.stopped = true;
			this.watch.forget(this);
		}
		return this.expired;
	}

	/** Whether the timeout fired. */
	synchronized boolean isExpired() {
		return this.expired;
	}

	/** The wait stayed silent too long: runs the action unless the wait already ended. */
	synchronized void expire() {
		if (this.stopped) {
			return;
		}
		this.stopped = true;
		this.expired = true;
		this.watch.forget(this);
		this.onIdle.run();
	}

}
