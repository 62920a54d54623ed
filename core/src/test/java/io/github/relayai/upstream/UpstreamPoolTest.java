package io.github.relayai.upstream;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.ProviderError;
import io.github.relayai.error.RelayAiException;
import io.github.relayai.resilience.Resilience4jPolicy.CircuitBreakerSettings;
import io.github.relayai.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.data.Offset.offset;
import io.github.relayai.upstream.UpstreamPool.UpstreamStatus;
import io.github.relayai.upstream.UpstreamPool.Lease;
import io.github.relayai.upstream.UpstreamPool.Balancing;

class UpstreamPoolTest {

	private final MutableClock clock = new MutableClock();

	private static Upstream upstream(String name, int weight) {
		return Upstream.builder(name, "http://" + name + ".example").weight(weight).build();
	}

	private UpstreamPool.Builder pool(Upstream... upstreams) {
		return UpstreamPool.builder().upstreams(List.of(upstreams)).random(new Random(42)).clock(this.clock);
	}

	static RelayAiException failure(ErrorCategory category, int status, Duration retryAfter) {
		return RelayAiException.of(new ProviderError(category, category.retryableByDefault(), status, null, null, null,
				"boom", null, Optional.ofNullable(retryAfter), "m", null, "hint"), null);
	}

	private Map<String, Integer> spread(UpstreamPool pool, int calls) {
		Map<String, Integer> counts = new HashMap<>();
		for (int i = 0; i < calls; i++) {
			Lease lease = pool.acquire("m", Set.of()).orElseThrow();
			counts.merge(lease.upstream().name(), 1, Integer::sum);
			lease.succeeded();
		}
		return counts;
	}

	@Test
	void weightedPicksInProportionToWeight() {
		Map<String, Integer> counts = spread(pool(upstream("a", 1), upstream("b", 2), upstream("c", 3)).build(), 6000);
		assertThat(counts.get("a")).isCloseTo(1000, offset(100));
		assertThat(counts.get("b")).isCloseTo(2000, offset(150));
		assertThat(counts.get("c")).isCloseTo(3000, offset(150));
	}

	@Test
	void equalWeightsSpreadEvenlyAndTheSameSeedPicksTheSameWay() {
		Map<String, Integer> counts = spread(pool(upstream("a", 1), upstream("b", 1)).build(), 2000);
		assertThat(counts.get("a")).isCloseTo(1000, offset(100));
		assertThat(spread(pool(upstream("a", 1), upstream("b", 1)).build(), 2000)).isEqualTo(counts);
	}

	@Test
	void aModelIsServedByTheUpstreamsThatListItUnderTheirNameForIt() {
		Upstream listing = Upstream.builder("listing", "http://l.example").model("gpt-4o", "openai/gpt-4o").build();
		UpstreamPool pool = pool(listing, Upstream.builder("other", "http://o.example").model("claude").build())
			.build();
		Lease lease = pool.acquire("gpt-4o", Set.of()).orElseThrow();
		assertThat(lease.upstream().name()).isEqualTo("listing");
		assertThat(lease.upstreamModel()).isEqualTo("openai/gpt-4o");
		assertThat(pool.acquire("gpt-4o", Set.of("listing"))).isEmpty();
		assertThat(pool.acquire("llama", Set.of())).isEmpty();
	}

	@Test
	void leastBusyPicksTheUpstreamWithFewestRequestsInFlight() {
		UpstreamPool pool = pool(upstream("a", 1), upstream("b", 1), upstream("c", 1)).balancing(Balancing.LEAST_BUSY)
			.build();
		Map<String, Integer> inFlight = new HashMap<>();
		for (int i = 0; i < 9; i++) {
			inFlight.merge(pool.acquire("m", Set.of()).orElseThrow().upstream().name(), 1, Integer::sum);
		}
		assertThat(inFlight).containsOnly(Map.entry("a", 3), Map.entry("b", 3), Map.entry("c", 3));
	}

	@Test
	void latencyPicksTheLowestMovingAverageOfTimeToFirstToken() {
		UpstreamPool pool = pool(upstream("slow", 1), upstream("fast", 1)).balancing(Balancing.LATENCY).build();
		answer(pool, "slow", Duration.ofMillis(900));
		answer(pool, "fast", Duration.ofMillis(100));
		assertThat(spread(pool, 20)).containsOnly(Map.entry("fast", 20));
		assertThat(pool.latency("slow")).contains(Duration.ofMillis(900));
	}

	private void answer(UpstreamPool pool, String name, Duration after) {
		Set<String> others = new java.util.HashSet<>(pool.upstreams().stream().map(Upstream::name).toList());
		others.remove(name);
		Lease lease = pool.acquire("m", others).orElseThrow();
		this.clock.advance(after);
		lease.firstEvent();
		lease.succeeded();
	}

	@Test
	void serverErrorsOpenTheCircuitOfThatUpstreamOnly() {
		UpstreamPool pool = pool(upstream("a", 1), upstream("b", 1))
			.circuitBreaker(new CircuitBreakerSettings(true, 50, 2, Duration.ofSeconds(30)))
			.build();
		for (int i = 0; i < 2; i++) {
			pool.acquire("m", Set.of("b")).orElseThrow().failed(failure(ErrorCategory.SERVER_ERROR, 500, null));
		}
		assertThat(pool.status("a")).isEqualTo(UpstreamStatus.CIRCUIT_OPEN);
		assertThat(pool.status("b")).isEqualTo(UpstreamStatus.UP);
		assertThat(spread(pool, 10)).containsOnly(Map.entry("b", 10));
		this.clock.advance(Duration.ofSeconds(31));
		assertThat(pool.acquire("m", Set.of("b"))).as("a trial request after the wait").isPresent();
	}

	@Test
	void anAuthenticationFailureCoolsThatKeyDownForFiveMinutes() {
		UpstreamPool pool = pool(upstream("a", 1), upstream("b", 1)).build();
		pool.acquire("m", Set.of("b")).orElseThrow().failed(failure(ErrorCategory.AUTHENTICATION, 401, null));
		assertThat(pool.status("a")).isEqualTo(UpstreamStatus.COOLING_DOWN);
		assertThat(pool.coolingUntil("a")).contains(this.clock.instant().plus(Duration.ofMinutes(5)));
		assertThat(spread(pool, 10)).containsOnly(Map.entry("b", 10));
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(pool.status("a")).isEqualTo(UpstreamStatus.UP);
		assertThat(spread(pool, 100)).containsKey("a");
	}

	@Test
	void aRetryAfterCoolsOnlyTheUpstreamThatSentIt() {
		UpstreamPool pool = pool(upstream("a", 1), upstream("b", 1)).cooldown(Duration.ofMinutes(1)).build();
		pool.acquire("m", Set.of("b"))
			.orElseThrow()
			.failed(failure(ErrorCategory.RATE_LIMITED, 429, Duration.ofSeconds(20)));
		assertThat(pool.status("a")).isEqualTo(UpstreamStatus.COOLING_DOWN);
		this.clock.advance(Duration.ofSeconds(20));
		assertThat(pool.status("a")).isEqualTo(UpstreamStatus.UP);
	}

	@Test
	void aFullUpstreamAndADisabledOneAreSkipped() {
		Upstream limited = Upstream.builder("limited", "http://l.example").maxConcurrentCalls(1).build();
		Upstream off = Upstream.builder("off", "http://o.example").enabled(false).build();
		UpstreamPool pool = pool(limited, off).build();
		Lease held = pool.acquire("m", Set.of()).orElseThrow();
		assertThat(pool.acquire("m", Set.of())).isEmpty();
		held.cancelled();
		assertThat(pool.acquire("m", Set.of())).map(lease -> lease.upstream().name()).contains("limited");
		assertThat(pool.status("off")).isEqualTo(UpstreamStatus.DISABLED);
	}

	@Test
	void settingsAreChecked() {
		assertThatIllegalArgumentException().isThrownBy(() -> upstream("a", 0)).withMessageContaining("weight");
		assertThatIllegalArgumentException().isThrownBy(() -> pool(upstream("a", 1), upstream("a", 2)).build())
			.withMessageContaining("'a'");
		assertThat(Upstream.builder("k", "http://k.example")
			.apiKey("sk-secret-123")
			.headers(java.util.Map.of("X-Api-Key", "hdr-secret-456"))
			.build()
			.toString()).contains("X-Api-Key").doesNotContain("sk-secret-123", "hdr-secret-456");
	}

}
