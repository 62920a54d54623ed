package io.github.relayai.upstream;

import io.github.relayai.exchange.ChatExchange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.relayai.chat.RelayChatModel;
import io.github.relayai.error.NonTransientRelayException;
import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.RelayAiException;
import io.github.relayai.error.TransientRelayException;
import io.github.relayai.testsupport.Gateway;
import io.github.relayai.testsupport.MutableClock;
import io.github.relayai.exchange.RequestListener.RequestRecord;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import java.util.function.UnaryOperator;
import io.github.relayai.routing.Transport;
import io.github.relayai.resilience.ResiliencePolicy;
import io.github.relayai.routing.EndpointRouter;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
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
import static io.github.relayai.upstream.Upstreams.upstream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.github.relayai.upstream.AttemptsFailedException.Attempt;
import io.github.relayai.upstream.UpstreamPool.UpstreamStatus;
import io.github.relayai.upstream.UpstreamExchange.AttemptBudget;
import io.github.relayai.upstream.Fallbacks.FallbackRule;
import io.github.relayai.upstream.UpstreamPool.Lease;
import io.github.relayai.upstream.UpstreamPool.Balancing;

/**
 * Several WireMock gateways as the upstreams of one chat model, over real HTTP.
 */
class UpstreamFailoverTest {

	private static final String PATH = "/v1/chat/completions";

	private static final Duration WAIT = Duration.ofSeconds(30);

	@RegisterExtension
	static final Gateway a = new Gateway();

	@RegisterExtension
	static final Gateway b = new Gateway();

	@RegisterExtension
	static final Gateway c = new Gateway();

	private static String text(ChatResponse response) {
		return response.getResult().getOutput().getText();
	}

	private static int requests(Gateway gateway) {
		return gateway.server().countRequestsMatching(postRequestedFor(urlPathEqualTo(PATH)).build()).getCount();
	}

	@Test
	void aModelOverUpstreamsRefusesTheSettingsThatBelongToTheUpstreams() {
		UpstreamExchange upstreams = exchange(pool(upstream("a", a)).build()).build();
		List<UnaryOperator<RelayChatModel.Builder>> misplaced = List.of(
				builder -> builder.fallbackModels(List.of("other")), builder -> builder.transport(Transport.STREAM),
				builder -> builder.resilience(ResiliencePolicy.NONE),
				builder -> builder.routing(EndpointRouter.builder()));
		for (UnaryOperator<RelayChatModel.Builder> setting : misplaced) {
			assertThatThrownBy(() -> setting.apply(RelayChatModel.builder().upstreams(upstreams)).build())
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("on the upstream exchange");
		}
		assertThat(RelayChatModel.builder().upstreams(upstreams).build().httpClient()).isNull();
	}

	@Test
	void autoTransportSendsTheAttemptAfterAGatewayQueueFullAsAStreamToTheNextUpstream() {
		// body: the gateway's documented QUEUE_FULL answer
		// (core/src/test/resources/errors/provider-errors.json)
		for (Gateway gateway : List.of(a, b)) {
			gateway.stub(post(urlPathEqualTo(PATH)).withRequestBody(matchingJsonPath("$.stream", containing("true"))),
					events(chunk("streamed"), "[DONE]"));
			gateway.stub(post(urlPathEqualTo(PATH)).withRequestBody(notContaining("\"stream\":true")),
					error(429, "rate_limit_exceeded", "QUEUE_FULL", "队列已满"));
		}
		RelayChatModel model = model(
				exchange(pool(upstream("a", a), upstream("b", b)).build(), Transport.AUTO).build());

		ChatResponse response = model.call(new Prompt("hi"));

		assertThat(text(response)).isEqualTo("streamed");
		assertThat(List.of(requests(a), requests(b))).containsExactly(1, 1);
	}

	@Test
	void weightedBalancingSpreadsCallsByWeight() {
		a.stub(post(urlPathEqualTo(PATH)), completion("a"));
		b.stub(post(urlPathEqualTo(PATH)), completion("b"));
		c.stub(post(urlPathEqualTo(PATH)), completion("c"));
		UpstreamPool pool = pool(upstream("a", a), upstream("b", b),
				Upstream.builder("c", c.baseUrl() + "/v1").weight(2).build())
			.build();
		RelayChatModel model = model(exchange(pool).build());
		Map<String, Integer> answers = new HashMap<>();
		for (int i = 0; i < 400; i++) {
			ChatResponse response = model.call(new Prompt("hi"));
			answers.merge(text(response), 1, Integer::sum);
			assertThat((String) response.getMetadata().get(UpstreamExchange.UPSTREAM_KEY)).isEqualTo(text(response));
		}
		assertThat(answers.get("a")).isBetween(70, 130);
		assertThat(answers.get("b")).isBetween(70, 130);
		assertThat(answers.get("c")).isBetween(170, 230);
	}

	@Test
	void leastBusySpreadsConcurrentStreamsOverTheUpstreams() throws Exception {
		for (Gateway gateway : List.of(a, b, c)) {
			gateway.stub(post(urlPathEqualTo(PATH)), events(chunk("x"), "[DONE]").withFixedDelay(1_500));
		}
		UpstreamPool pool = pool(upstream("a", a), upstream("b", b), upstream("c", c)).balancing(Balancing.LEAST_BUSY)
			.build();
		RelayChatModel model = model(exchange(pool).build());
		ExecutorService callers = Executors.newFixedThreadPool(9);
		try {
			List<CompletableFuture<List<ChatResponse>>> streams = new ArrayList<>();
			for (int i = 0; i < 9; i++) {
				streams.add(CompletableFuture
					.supplyAsync(() -> model.stream(new Prompt("hi")).collectList().block(WAIT), callers));
			}
			for (CompletableFuture<List<ChatResponse>> stream : streams) {
				assertThat(stream.get()).isNotEmpty();
			}
		}
		finally {
			callers.shutdownNow();
		}
		assertThat(List.of(requests(a), requests(b), requests(c)))
			.allSatisfy(count -> assertThat(count).isBetween(2, 4));
	}

	@Test
	void aServerErrorFailsOverToAnotherUpstreamAtOnce() {
		a.stub(post(urlPathEqualTo(PATH)), error(500, "server_error", null, "upstream broke"));
		b.stub(post(urlPathEqualTo(PATH)), completion("from b"));
		UpstreamPool pool = pool(upstream("a", a), upstream("b", b)).balancing(Balancing.LEAST_BUSY).build();
		// b is busier, so a is picked first
		Lease busy = pool.acquire("m", java.util.Set.of("a")).orElseThrow();
		RelayChatModel model = model(exchange(pool).build());
		for (int i = 0; i < 5; i++) {
			assertThat(text(model.call(new Prompt("hi")))).isEqualTo("from b");
		}
		assertThat(requests(b)).isEqualTo(5);
	}

	@Test
	void noFirstEventInTimeIsATimeoutThatMovesToAnotherUpstream() {
		a.stub(post(urlPathEqualTo(PATH)), completion("late").withFixedDelay(5_000));
		b.stub(post(urlPathEqualTo(PATH)), completion("from b"));
		Upstream slow = Upstream.builder("a", a.baseUrl() + "/v1").firstEventTimeout(Duration.ofMillis(200)).build();
		RelayChatModel model = model(exchange(pool(slow, upstream("b", b)).build()).build());
		for (int i = 0; i < 3; i++) {
			assertThat(text(model.call(new Prompt("hi")))).isEqualTo("from b");
		}
	}

	@Test
	void aStreamThatStallsBeforeItsFirstEventMovesToAnotherUpstream() {
		a.stub(post(urlPathEqualTo(PATH)), events(chunk("late"), "[DONE]").withFixedDelay(5_000));
		b.stub(post(urlPathEqualTo(PATH)), events(chunk("from b"), "[DONE]"));
		Upstream slow = Upstream.builder("a", a.baseUrl() + "/v1").firstEventTimeout(Duration.ofMillis(200)).build();
		RelayChatModel model = model(exchange(pool(slow, upstream("b", b)).build()).build());
		for (int i = 0; i < 3; i++) {
			List<ChatResponse> chunks = model.stream(new Prompt("hi")).collectList().block(WAIT);
			assertThat(chunks).extracting(UpstreamFailoverTest::text).contains("from b");
		}
	}

	@Test
	void aStreamThatFailsAfterItsFirstEventFailsTypedWithoutMovingOn() {
		String broken = chunk("partial");
		a.stub(post(urlPathEqualTo(PATH)),
				events(broken, "{\"error\":{\"message\":\"upstream broke\",\"type\":\"server_error\",\"code\":null}}"));
		b.stub(post(urlPathEqualTo(PATH)), events(chunk("from b"), "[DONE]"));
		UpstreamPool pool = pool(upstream("a", a), upstream("b", b)).balancing(Balancing.LEAST_BUSY).build();
		// b is busier, so a is picked first
		Lease busy = pool.acquire("m", java.util.Set.of("a")).orElseThrow();
		RelayChatModel model = model(exchange(pool).build());
		List<String> seen = new ArrayList<>();
		assertThatThrownBy(() -> model.stream(new Prompt("hi"))
			.filter(response -> response.getResult() != null)
			.doOnNext(response -> seen.add(text(response)))
			.blockLast(WAIT)).isInstanceOf(RelayAiException.class);
		assertThat(seen).containsExactly("partial");
		assertThat(requests(b)).isZero();
		busy.cancelled();
	}

	@Test
	void anAuthenticationFailureCoolsThatKeyWhileTheOthersServe() {
		a.stub(post(urlPathEqualTo(PATH)), error(401, "invalid_request_error", "invalid_api_key", "Incorrect API key"));
		b.stub(post(urlPathEqualTo(PATH)), completion("from b"));
		Upstream heavy = Upstream.builder("a", a.baseUrl() + "/v1").apiKey("sk-a-secret").weight(1000).build();
		UpstreamPool pool = pool(heavy, upstream("b", b)).build();
		RelayChatModel model = model(exchange(pool).build());
		for (int i = 0; i < 10; i++) {
			assertThat(text(model.call(new Prompt("hi")))).isEqualTo("from b");
		}
		// a, picked first, was tried once and then left out for its cooldown
		assertThat(requests(a)).isEqualTo(1);
		assertThat(pool.status("a")).isEqualTo(UpstreamStatus.COOLING_DOWN);
	}

	@Test
	void aRetryAfterOnOneUpstreamDoesNotStallTheOthers() {
		// Groq's answer to a rate limit, from
		// https://github.com/mindcraft-bots/mindcraft/pull/188
		// (also in errors/provider-errors.json): it asks for 17.359 s
		a.stub(post(urlPathEqualTo(PATH)), com.github.tomakehurst.wiremock.client.WireMock.aResponse()
			.withStatus(429)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"Rate limit reached for model `llama3-70b-8192` in organization "
					+ "`[nah]` on tokens per minute (TPM): Limit 6000, Used 5914, Requested 1822. Please try again in "
					+ "17.359s. Visit https://console.groq.com/docs/rate-limits for more information.\",\"type\":"
					+ "\"tokens\",\"code\":\"rate_limit_exceeded\"}}"));
		b.stub(post(urlPathEqualTo(PATH)), completion("from b"));
		MutableClock clock = new MutableClock();
		Upstream heavy = Upstream.builder("a", a.baseUrl() + "/v1").apiKey("sk-a-secret").weight(1000).build();
		UpstreamPool pool = pool(heavy, upstream("b", b)).clock(clock).build();
		RelayChatModel model = model(exchange(pool).build());
		// a, picked first, answers 429: the request moves to b at once, and a is left out
		// for the time it asked
		assertThat(text(model.call(new Prompt("hi")))).isEqualTo("from b");
		assertThat(pool.status("a")).isEqualTo(UpstreamStatus.COOLING_DOWN);
		assertThat(pool.coolingUntil("a")).contains(clock.instant().plus(Duration.ofMillis(17_359)));
		for (int i = 0; i < 3; i++) {
			assertThat(text(model.call(new Prompt("hi")))).isEqualTo("from b");
		}
		assertThat(requests(a)).isEqualTo(1);
		clock.advance(Duration.ofSeconds(18));
		a.stub(post(urlPathEqualTo(PATH)), completion("from a"));
		assertThat(text(model.call(new Prompt("hi")))).isEqualTo("from a");
	}

	@Test
	void theRequestListenerAndTheObservationNameTheUpstreamAndModelThatAnswered() {
		a.stub(post(urlPathEqualTo(PATH)), error(500, "server_error", null, "The server had an error"));
		b.stub(post(urlPathEqualTo(PATH)), completion("from b"));
		Upstream heavy = Upstream.builder("a", a.baseUrl() + "/v1").apiKey("sk-a-secret").weight(1000).build();
		List<RequestRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
		TestObservationRegistry registry = TestObservationRegistry.create();
		RelayChatModel model = model(exchange(pool(heavy, upstream("b", b)).build()).build(),
				builder -> builder.requestListener(records::add).observationRegistry(registry));
		assertThat(text(model.call(new Prompt("hi")))).isEqualTo("from b");
		assertThat(records).singleElement().satisfies(record -> {
			assertThat(record.upstream()).contains("b");
			assertThat(record.model()).isEqualTo("m");
			assertThat(record.outcome()).isEqualTo(RequestRecord.Outcome.SUCCESS);
		});
		TestObservationRegistryAssert.assertThat(registry)
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasLowCardinalityKeyValue(ChatExchange.UPSTREAM_KEY, "b")
			.hasLowCardinalityKeyValue(ChatExchange.MODEL_KEY, "m")
			.hasBeenStopped();
	}

	@Test
	void aTooLongPromptFallsBackToALongerContextModelOnAnyUpstream() {
		for (Gateway gateway : List.of(a, b)) {
			gateway.stub(post(urlPathEqualTo(PATH)).withRequestBody(matchingJsonPath("$.model", containing("short"))),
					error(400, "invalid_request_error", "context_length_exceeded",
							"This model's maximum context length is 8192 tokens."));
			gateway.stub(post(urlPathEqualTo(PATH)).withRequestBody(matchingJsonPath("$.model", containing("long"))),
					completion("from long"));
		}
		Upstream mapping = Upstream.builder("b", b.baseUrl() + "/v1")
			.model("short")
			.model("long", "vendor/long-128k")
			.build();
		UpstreamPool pool = pool(upstream("a", a), mapping).build();
		Fallbacks fallbacks = new Fallbacks(
				List.of(new FallbackRule(java.util.Set.of(ErrorCategory.CONTEXT_LENGTH_EXCEEDED), List.of("long"))));
		RelayChatModel model = model(exchange(pool).fallbacks(fallbacks).build(), builder -> builder
			.defaultOptions(io.github.relayai.options.RelayChatOptions.builder().model("short").build()));
		ChatResponse response = model.call(new Prompt("a very long prompt"));
		assertThat(text(response)).isEqualTo("from long");
		assertThat((String) response.getMetadata().get(ChatExchange.MODEL_KEY)).isEqualTo("long");
		assertThat(requests(a) + requests(b)).isEqualTo(2);
		b.server()
			.findAll(postRequestedFor(urlPathEqualTo(PATH))
				.withRequestBody(matchingJsonPath("$.model", containing("long"))))
			.forEach(request -> assertThat(request.getBodyAsString()).contains("vendor/long-128k"));
	}

	@Test
	void withoutAFallbackTheTypedFailureOfTheOnlyAttemptIsThrownAsIs() {
		a.stub(post(urlPathEqualTo(PATH)), error(400, "invalid_request_error", "context_length_exceeded",
				"This model's maximum context length is 8192 tokens."));
		RelayChatModel model = model(exchange(pool(upstream("a", a)).build()).build());
		assertThatExceptionOfType(NonTransientRelayException.ContextLengthExceeded.class)
			.isThrownBy(() -> model.call(new Prompt("hi")));
		assertThat(requests(a)).isEqualTo(1);
	}

	@Test
	void oneBudgetBoundsAttemptsAcrossUpstreamsRetriesAndFallbacks() {
		for (Gateway gateway : List.of(a, b, c)) {
			gateway.stub(post(urlPathEqualTo(PATH)), error(500, "server_error", null, "down"));
		}
		UpstreamPool pool = pool(upstream("a", a), upstream("b", b), upstream("c", c)).build();
		RelayChatModel model = model(exchange(pool).budget(new AttemptBudget(4, Duration.ZERO))
			.fallbacks(new Fallbacks(List.of(FallbackRule.shorthand(List.of("backup")))))
			.build());
		AttemptsFailedException failure = org.junit.jupiter.api.Assertions.assertThrows(AttemptsFailedException.class,
				() -> model.call(new Prompt("hi")));
		assertThat(failure.attempts()).hasSize(4)
			.allSatisfy(attempt -> assertThat(attempt.category()).isEqualTo(ErrorCategory.SERVER_ERROR));
		assertThat(failure.attempts().subList(0, 3)).extracting(Attempt::upstream)
			.containsExactlyInAnyOrder("a", "b", "c");
		assertThat(failure.getCause()).isInstanceOf(TransientRelayException.ServerError.class);
		assertThat(failure.error().category()).isEqualTo(ErrorCategory.SERVER_ERROR);
		assertThat(failure.getMessage()).contains("a/m: SERVER_ERROR").doesNotContain("secret");
		assertThat(requests(a) + requests(b) + requests(c)).isEqualTo(4);
	}

	@Test
	void theDeadlineEndsTheRequestWithEveryAttemptListed() {
		for (Gateway gateway : List.of(a, b)) {
			gateway.stub(post(urlPathEqualTo(PATH)), completion("late").withFixedDelay(5_000));
		}
		UpstreamPool pool = pool(upstream("a", a), upstream("b", b)).build();
		RelayChatModel model = model(exchange(pool).budget(new AttemptBudget(10, Duration.ofMillis(400))).build());
		AttemptsFailedException failure = org.junit.jupiter.api.Assertions.assertThrows(AttemptsFailedException.class,
				() -> model.call(new Prompt("hi")));
		assertThat(failure.error().category()).isEqualTo(ErrorCategory.TIMEOUT);
		assertThat(failure.error().hint()).contains("spring.ai.relay.chat.deadline");
		assertThat(failure.attempts()).isNotEmpty()
			.allSatisfy(attempt -> assertThat(attempt.category()).isEqualTo(ErrorCategory.TIMEOUT));
	}

}
