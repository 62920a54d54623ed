package io.github.relayai.resilience;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * A virtual-time scheduler for the waits between attempts: it records every wait asked
 * for, and time moves only when the test advances it, so no test sleeps or depends on
 * wall-clock timing.
 */
final class VirtualClock implements Scheduler {

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final BlockingQueue<Duration> waits = new LinkedBlockingQueue<>();

	@Override
	public Disposable schedule(Runnable task) {
		return this.time.schedule(task);
	}

	@Override
	public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
		Disposable scheduled = this.time.schedule(task, delay, unit);
		this.waits.add(Duration.ofNanos(unit.toNanos(delay)));
		return scheduled;
	}

	@Override
	public Worker createWorker() {
		return this.time.createWorker();
	}

	/**
	 * Waits (in real time, bounded) until the code under test asks for its next wait, and
	 * returns it without letting virtual time pass.
	 */
	Duration nextWait() throws InterruptedException {
		Duration wait = this.waits.poll(10, TimeUnit.SECONDS);
		if (wait == null) {
			throw new AssertionError("No wait was scheduled");
		}
		return wait;
	}

	/** Lets virtual time pass. */
	void advance(Duration duration) {
		this.time.advanceTimeBy(duration);
	}

	/**
	 * Whether no wait was asked for that the test has not taken with {@link #nextWait()}.
	 */
	boolean noPendingWaits() {
		return this.waits.isEmpty();
	}

}
