package io.github.relayai.benchmarks;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What every workload is parameterised by: the contender a fork measures, and the batch
 * the fork belongs to.
 * <p>
 * JMH runs parameter sets in order, and parameters sort by name, so {@code batch} comes
 * first: with {@code -p batch=1,2,3} every batch runs each contender once, in its own
 * fork, before the next batch starts. The contenders take turns, and a slow minute on a
 * shared machine falls on one batch of all contenders instead of on one contender. The
 * report compares contenders within each batch.
 */
@State(Scope.Benchmark)
public abstract class Contest {

	/** The batch of forks this one belongs to; only orders the forks. */
	@Param("1")
	public int batch;

	/**
	 * {@code ceiling}, {@code floor}, {@code relay} or {@code springAi}; see
	 * {@link Gateway}.
	 */
	@Param({ "ceiling", "floor", "relay", "springAi" })
	public String contender;

	IllegalArgumentException unknownContender() {
		return new IllegalArgumentException(
				"Unknown contender '" + this.contender + "': use ceiling, floor, relay or springAi");
	}

}
