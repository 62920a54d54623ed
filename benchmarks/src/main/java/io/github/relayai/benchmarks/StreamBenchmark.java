package io.github.relayai.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.ai.chat.model.ChatResponse;
import reactor.core.publisher.Flux;

/**
 * Workload (b): one whole stream of {@value Payloads#CHUNKS} chunks per operation, read
 * to the end by one subscriber. Time per stream in microseconds (chunks per second =
 * 1,000 / time); the time from sending to the first content chunk is summed in the
 * {@code firstChunkNanos} counter (divide by {@code streams}). Run with {@code -prof gc}
 * for bytes per stream (divide by 1,000 per chunk).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StreamBenchmark extends Contest {

	/** Time to first content chunk, summed over the iteration's streams. */
	@State(Scope.Thread)
	@AuxCounters(AuxCounters.Type.EVENTS)
	public static class FirstChunk {

		public long firstChunkNanos;

		public long streams;

		long start;

		volatile long first;

		@Setup(Level.Iteration)
		public void reset() {
			this.firstChunkNanos = 0;
			this.streams = 0;
		}

		void begin() {
			this.first = 0;
			this.start = System.nanoTime();
		}

		void arrived(long now) {
			if (this.first == 0) {
				this.first = now;
			}
		}

		void end() {
			this.firstChunkNanos += this.first - this.start;
			this.streams++;
		}

	}

	@Benchmark
	public long stream(Gateway gateway, FirstChunk firstChunk) throws Exception {
		if (this.contender.equals("ceiling")) {
			long bytes = gateway.ceilingStream();
			Gateway.checkLength("ceiling bytes", bytes, Payloads.STREAM_BODY.length);
			return bytes;
		}
		firstChunk.begin();
		long length = switch (this.contender) {
			case "floor" -> {
				long[] text = new long[1];
				gateway.floorStream(t -> text[0] += t.length(), firstChunk::arrived).join();
				yield text[0];
			}
			case "relay" -> consume(gateway.relay.stream(Gateway.prompt()), firstChunk);
			case "springAi" -> consume(gateway.springAi.stream(Gateway.prompt()), firstChunk);
			default -> throw unknownContender();
		};
		firstChunk.end();
		Gateway.checkLength(this.contender, length, Payloads.STREAM_TEXT.length());
		return length;
	}

	private static long consume(Flux<ChatResponse> stream, FirstChunk firstChunk) {
		return stream.map(response -> {
			int length = Gateway.textLength(response);
			if (length > 0) {
				firstChunk.arrived(System.nanoTime());
			}
			return (long) length;
		}).reduce(0L, Long::sum).block();
	}

}
