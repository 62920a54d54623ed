package io.github.relayai.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Workload (a): one {@code call} with a small answer, per operation. Latency in
 * microseconds; run with {@code -prof gc} for bytes allocated per call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CallBenchmark extends Contest {

	@Benchmark
	public Object call(Gateway gateway) throws Exception {
		return switch (this.contender) {
			case "ceiling" -> gateway.ceilingCall();
			case "floor" -> gateway.floorCall();
			case "relay" -> Gateway.text(gateway.relay.call(Gateway.prompt()));
			case "springAi" -> Gateway.text(gateway.springAi.call(Gateway.prompt()));
			default -> throw unknownContender();
		};
	}

}
