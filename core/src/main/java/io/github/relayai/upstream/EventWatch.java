package io.github.relayai.upstream;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Bounds the wait for an answer's first element and, once it has begun, the gap between
 * two elements, with one timer that is re-armed lazily (when it fires early it waits for
 * the rest of the gap) instead of a timer per element: a stream of a thousand chunks arms
 * a handful of timers, not a thousand.
 */
final class EventWatch {

	private static final long NONE = Long.MIN_VALUE;

	private EventWatch() {
	}

	/**
	 * Watches an answer.
	 * @param answer the answer
	 * @param firstEvent the longest wait for its first element
	 * @param stall the longest gap between elements after the first
	 * @param timer the scheduler of the waits
	 * @param timedOut the failure to end with, given whether an element had arrived
	 * @return the watched answer, cancelled and failed when a wait runs out
	 */
	static <T> Flux<T> watch(Flux<T> answer, Duration firstEvent, Duration stall, Scheduler timer,
			Function<Boolean, Throwable> timedOut) {
		long stallNanos = stall.toNanos();
		return Flux.defer(() -> {
			AtomicLong last = new AtomicLong(NONE);
			AtomicBoolean stalled = new AtomicBoolean();
			// Before the first element it looks every stall period; after it, exactly at
			// the
			// end of the current gap.
			Mono<Boolean> watchdog = Mono.defer(new Supplier<Mono<Boolean>>() {

				@Override
				public Mono<Boolean> get() {
					long at = last.get();
					long left = (at == NONE) ? stallNanos : at + stallNanos - timer.now(TimeUnit.NANOSECONDS);
					if (left <= 0) {
						stalled.set(true);
						return Mono.just(true);
					}
					return Mono.delay(Duration.ofNanos(left), timer).then(Mono.defer(this));
				}

			});
			return answer.doOnNext(element -> last.set(timer.now(TimeUnit.NANOSECONDS)))
				.timeout(Mono.delay(firstEvent, timer), element -> Mono.never())
				.onErrorMap(TimeoutException.class, timeout -> timedOut.apply(false))
				.takeUntilOther(watchdog)
				.concatWith(Mono.defer(() -> stalled.get() ? Mono.error(timedOut.apply(true)) : Mono.empty()));
		});
	}

}
