package io.github.relayai.upstream;

import java.util.random.RandomGenerator;

/**
 * How a request picks among the healthy upstreams that serve its model
 * ({@code spring.ai.relay.balancing.strategy}).
 */
public enum Balancing {

	/**
	 * A random pick in proportion to {@code weight}, like LiteLLM's simple shuffle (equal
	 * weights spread requests evenly). The default.
	 */
	WEIGHTED,

	/** The upstream with the fewest requests in flight; ties are broken by weight. */
	LEAST_BUSY,

	/**
	 * The upstream with the lowest moving average (EWMA) of time to first token;
	 * upstreams not measured yet go first, ties are broken by weight.
	 */
	LATENCY;

	BalancingStrategy strategy(RandomGenerator random) {
		return switch (this) {
			case WEIGHTED -> candidates -> BalancingStrategy.weighted(candidates, random);
			case LEAST_BUSY -> BalancingStrategy.lowest(Member::inFlight, random);
			case LATENCY -> BalancingStrategy.lowest(Member::latencyNanos, random);
		};
	}

}
