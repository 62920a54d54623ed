package io.github.relayai.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Workload (a): one {@code call} with a small answer, per operation. Latency in microseconds;
 * run with {@code -prof gc} for bytes allocated per call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CallBenchmark {

	@Benchmark
	public long ceiling(Gateway gateway) throws Exception {
		return gateway.ceilingCall();
	}

	@Benchmark
	public String floor(Gateway gateway) throws Exception {
		return gateway.floorCall();
	}

	@Benchmark
	public String relay(Gateway gateway) {
		return Gateway.text(gateway.relay.call(Gateway.prompt()));
	}

	@Benchmark
	public String springAi(Gateway gateway) {
		return Gateway.text(gateway.springAi.call(Gateway.prompt()));
	}

}
