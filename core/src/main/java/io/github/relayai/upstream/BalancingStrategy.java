package io.github.relayai.upstream;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.random.RandomGenerator;

/** Picks one upstream among candidates that are all able to take the request. */
@FunctionalInterface
interface BalancingStrategy {

	/**
	 * Picks one.
	 * @param candidates at least one
	 * @return the pick
	 */
	Member choose(List<Member> candidates);

	/** A random pick in proportion to the weights. */
	static Member weighted(List<Member> candidates, RandomGenerator random) {
		if (candidates.size() == 1) {
			return candidates.get(0);
		}
		int total = 0;
		for (Member candidate : candidates) {
			total += candidate.upstream().weight();
		}
		int ticket = random.nextInt(total);
		for (Member candidate : candidates) {
			ticket -= candidate.upstream().weight();
			if (ticket < 0) {
				return candidate;
			}
		}
		throw new IllegalStateException("weights changed while picking");
	}

	/** The candidates with the lowest key, picked among by weight. */
	static BalancingStrategy lowest(ToLongFunction<Member> key, RandomGenerator random) {
		return candidates -> {
			List<Member> lowest = new ArrayList<>(candidates.size());
			long min = Long.MAX_VALUE;
			for (Member candidate : candidates) {
				long value = key.applyAsLong(candidate);
				if (value < min) {
					min = value;
					lowest.clear();
				}
				if (value == min) {
					lowest.add(candidate);
				}
			}
			return weighted(lowest, random);
		};
	}

}
