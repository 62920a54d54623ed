package io.github.relayai.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Workload (c): {@value Gateway#SUBSCRIBERS} streams of {@value Payloads#CHUNKS} chunks subscribed
 * at once, per operation; the operation ends when all have completed. Time per operation in
 * milliseconds (aggregate chunks per second = 64,000 / time).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ConcurrentStreamBenchmark {

	@Benchmark
	public long ceiling(Gateway gateway) {
		List<CompletableFuture<Long>> all = new ArrayList<>(Gateway.SUBSCRIBERS);
		for (int i = 0; i < Gateway.SUBSCRIBERS; i++) {
			all.add(gateway.ceilingStreamAsync());
		}
		return Gateway.join(all);
	}

	@Benchmark
	public long floor(Gateway gateway) {
		List<CompletableFuture<Long>> all = new ArrayList<>(Gateway.SUBSCRIBERS);
		for (int i = 0; i < Gateway.SUBSCRIBERS; i++) {
			java.util.concurrent.atomic.AtomicLong length = new java.util.concurrent.atomic.AtomicLong();
			all.add(gateway.floorStream(text -> length.addAndGet(text.length()), t -> {
			}).thenApply(chunks -> length.get()));
		}
		return check("floor", Gateway.join(all));
	}

	@Benchmark
	public long relay(Gateway gateway) {
		return check("relay", Gateway.concurrently(() -> gateway.relay.stream(Gateway.prompt())));
	}

	@Benchmark
	public long springAi(Gateway gateway) {
		return check("spring-ai", Gateway.concurrently(() -> gateway.springAi.stream(Gateway.prompt())));
	}

	private static long check(String what, long total) {
		Gateway.checkLength(what, total, (long) Payloads.STREAM_TEXT.length() * Gateway.SUBSCRIBERS);
		return total;
	}

}
