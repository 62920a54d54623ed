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
 * Workload (c): {@value Gateway#SUBSCRIBERS} streams of {@value Payloads#CHUNKS} chunks
 * subscribed at once, per operation; the operation ends when all have completed. Time per
 * operation in milliseconds (aggregate chunks per second = 64,000 / time).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ConcurrentStreamBenchmark extends Contest {

	@Benchmark
	public long streams(Gateway gateway) {
		List<CompletableFuture<Long>> all = new ArrayList<>(Gateway.SUBSCRIBERS);
		switch (this.contender) {
			case "ceiling" -> {
				for (int i = 0; i < Gateway.SUBSCRIBERS; i++) {
					all.add(gateway.ceilingStreamAsync());
				}
				return Gateway.join(all);
			}
			case "floor" -> {
				for (int i = 0; i < Gateway.SUBSCRIBERS; i++) {
					java.util.concurrent.atomic.AtomicLong length = new java.util.concurrent.atomic.AtomicLong();
					all.add(gateway.floorStream(text -> length.addAndGet(text.length()), t -> {
					}).thenApply(chunks -> length.get()));
				}
				return check(Gateway.join(all));
			}
			case "relay" -> {
				return check(Gateway.concurrently(() -> gateway.relay.stream(Gateway.prompt())));
			}
			case "springAi" -> {
				return check(Gateway.concurrently(() -> gateway.springAi.stream(Gateway.prompt())));
			}
			default -> throw unknownContender();
		}
	}

	private long check(long total) {
		Gateway.checkLength(this.contender, total, (long) Payloads.STREAM_TEXT.length() * Gateway.SUBSCRIBERS);
		return total;
	}

}
