package io.github.relayai.upstream;

import java.time.Duration;
import java.util.UUID;
import java.util.function.UnaryOperator;

import io.github.relayai.chat.RelayChatModel;
import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.RelayAiException;
import io.github.relayai.resilience.Resilience4jPolicy.BulkheadSettings;
import io.github.relayai.resilience.RedissonSharedLimits;
import io.github.relayai.resilience.SharedLimiter;
import io.github.relayai.testsupport.Gateway;
import io.github.relayai.testsupport.LocalRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.relayai.testsupport.Answers.chunk;
import static io.github.relayai.testsupport.Answers.completion;
import static io.github.relayai.testsupport.Answers.error;
import static io.github.relayai.testsupport.Answers.events;
import static io.github.relayai.upstream.Upstreams.exchange;
import static io.github.relayai.upstream.Upstreams.model;
import static io.github.relayai.upstream.Upstreams.pool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Upstreams whose {@code max-concurrent-calls} is shared by every instance through a real
 * {@code redis-server}: an upstream whose permits another instance holds is skipped
 * unsent, and every way an attempt ends gives its permit back.
 */
class UpstreamSharedLimitsTest {

	private static final String PATH = "/v1/chat/completions";

	private static final Duration WAIT = Duration.ofSeconds(30);

	@RegisterExtension
	static final LocalRedis redis = new LocalRedis();

	@RegisterExtension
	static final Gateway a = new Gateway();

	@RegisterExtension
	static final Gateway b = new Gateway();

	private final String key = "test:" + UUID.randomUUID();

	@Test
	void anUpstreamWhosePermitsAnotherInstanceHoldsIsSkippedUnsent() {
		a.stub(post(urlPathEqualTo(PATH)), completion("from a"));
		b.stub(post(urlPathEqualTo(PATH)), completion("from b"));
		// the other instance's limiter of upstream a holds a's only permit
		SharedLimiter otherInstance = limiter("a", 1);
		Disposable held = Mono.from(otherInstance.<String>concurrency(UnaryOperator.identity()).apply(Mono.never()))
			.subscribe();
		awaitClusterInUse(otherInstance, 1);
		// a has nearly all the weight, so it is picked first
		RelayChatModel model = instance(1, 2);
		for (int i = 0; i < 3; i++) {
			assertThat(text(model.call(new Prompt("hi")))).isEqualTo("from b");
		}
		assertThat(requests(a)).isZero();

		held.dispose();
		awaitClusterInUse(otherInstance, 0);
		assertThat(text(model.call(new Prompt("hi")))).isEqualTo("from a");
		awaitClusterInUse(otherInstance, 0);
	}

	@Test
	void whenEveryUpstreamIsFullAcrossInstancesNothingIsSent() {
		a.stub(post(urlPathEqualTo(PATH)), completion("from a"));
		b.stub(post(urlPathEqualTo(PATH)), completion("from b"));
		SharedLimiter otherA = limiter("a", 1);
		SharedLimiter otherB = limiter("b", 1);
		Disposable heldA = Mono.from(otherA.<String>concurrency(UnaryOperator.identity()).apply(Mono.never()))
			.subscribe();
		Disposable heldB = Mono.from(otherB.<String>concurrency(UnaryOperator.identity()).apply(Mono.never()))
			.subscribe();
		awaitClusterInUse(otherA, 1);
		awaitClusterInUse(otherB, 1);
		RelayChatModel model = instance(1, 1);
		assertThatThrownBy(() -> model.call(new Prompt("hi"))).isInstanceOfSatisfying(RelayAiException.class,
				failure -> assertThat(failure.error().category()).isEqualTo(ErrorCategory.UNAVAILABLE));
		assertThat(requests(a) + requests(b)).isZero();
		heldA.dispose();
		heldB.dispose();
		awaitClusterInUse(otherA, 0);
		awaitClusterInUse(otherB, 0);
	}

	@Test
	void everyWayAnAttemptEndsGivesItsSharedPermitBack() {
		a.stub(post(urlPathEqualTo(PATH)), error(500, "server_error", null, "The server had an error"));
		b.stub(post(urlPathEqualTo(PATH)), events(chunk("one"), chunk("two"), "[DONE]"));
		SharedLimiter probeA = limiter("a", 1);
		SharedLimiter probeB = limiter("b", 1);
		RelayChatModel model = instance(1, 1);
		// a fails with a 5xx (its permit back), b streams to the end
		assertThat(model.stream(new Prompt("hi"))
			.filter(response -> response.getResult() != null)
			.map(UpstreamSharedLimitsTest::text)
			.collect(java.util.stream.Collectors.joining())
			.block(WAIT)).isEqualTo("onetwo");
		// a call, and a stream the caller stops after its first chunk
		b.stub(post(urlPathEqualTo(PATH)), completion("from b"));
		assertThat(text(model.call(new Prompt("hi")))).isEqualTo("from b");
		b.stub(post(urlPathEqualTo(PATH)), events(chunk("first"), chunk("second"), "[DONE]"));
		assertThat(text(model.stream(new Prompt("hi"))
			.filter(response -> response.getResult() != null)
			.take(1)
			.blockLast(WAIT))).startsWith("first");
		awaitClusterInUse(probeA, 0);
		awaitClusterInUse(probeB, 0);
		// with a limit of one each, every request above needed its predecessors' permits
		assertThat(requests(a)).isGreaterThanOrEqualTo(1);
		assertThat(requests(b)).isEqualTo(3);
	}

	/** One instance: upstreams a (weight 1000) and b, each limited to its limit. */
	private RelayChatModel instance(int limitA, int limitB) {
		Upstream upstreamA = Upstream.builder("a", a.baseUrl() + "/v1")
			.apiKey("sk-a-secret")
			.weight(1000)
			.maxConcurrentCalls(limitA)
			.build();
		Upstream upstreamB = Upstream.builder("b", b.baseUrl() + "/v1")
			.apiKey("sk-b-secret")
			.maxConcurrentCalls(limitB)
			.build();
		return model(exchange(pool(upstreamA, upstreamB).build()).sharedLimiter("a", limiter("a", limitA))
			.sharedLimiter("b", limiter("b", limitB))
			.build());
	}

	private SharedLimiter limiter(String upstream, int limit) {
		return SharedLimiter.builder(RedissonSharedLimits.of(redis.client()))
			.key(this.key + ":" + upstream)
			.bulkhead(new BulkheadSettings(limit, 0, Duration.ZERO))
			.build();
	}

	private static void awaitClusterInUse(SharedLimiter limiter, int expected) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		Integer inUse = limiter.clusterInUse().block(WAIT);
		while (!Integer.valueOf(expected).equals(inUse) && System.nanoTime() < deadline) {
			inUse = limiter.clusterInUse().block(WAIT);
		}
		assertThat(inUse).isEqualTo(expected);
	}

	private static String text(ChatResponse response) {
		return response.getResult().getOutput().getText();
	}

	private static int requests(Gateway gateway) {
		return gateway.server().countRequestsMatching(postRequestedFor(urlPathEqualTo(PATH)).build()).getCount();
	}

}
