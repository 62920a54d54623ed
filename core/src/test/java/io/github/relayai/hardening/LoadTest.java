package io.github.relayai.hardening;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.relayai.chat.RelayChatModel;
import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.RelayAiException;
import io.github.relayai.options.RelayChatOptions;
import io.github.relayai.resilience.Resilience4jPolicy.BulkheadSettings;
import io.github.relayai.resilience.Resilience4jPolicy;
import io.github.relayai.resilience.Resilience4jPolicy.RetrySettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.prompt.Prompt;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.github.relayai.hardening.FaultSuiteTest.chunk;
import static io.github.relayai.hardening.FaultSuiteTest.completion;
import static io.github.relayai.hardening.FaultSuiteTest.finish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A bounded load test: {@value #REQUESTS} requests (half {@code call}, half
 * {@code stream}) from {@value #CALLERS} concurrent callers through one model, against a
 * gateway that injects faults by request id, deterministically:
 * <ul>
 * <li>1 in 30: {@code 429} with {@code retry-after-ms: 1}, 1 in 30: {@code 503}, 1 in 30:
 * connection reset, each on the first attempt only, so the retry succeeds;</li>
 * <li>2 in 100: {@code 500} on every attempt, so the request fails with
 * {@code SERVER_ERROR} after {@code max-attempts};</li>
 * <li>1 in 100 (streams): the stream is cut after its first chunk, so it fails with
 * {@code UNAVAILABLE} and is not retried.</li>
 * </ul>
 * Every request must end in exactly its expected outcome (none lost, none unclassified);
 * the gateway must never hold more requests at once than the bulkhead allows (it measures
 * while it "works" on each answer, a window inside the client's permit); no request may
 * be tried more than {@code max-attempts} times; and no streamed text may arrive twice.
 * The tally is printed.
 */
class LoadTest {

	private static final int REQUESTS = 2_000;

	private static final int CALLERS = 64;

	private static final int MAX_CONCURRENT = 8;

	private static final int MAX_ATTEMPTS = 3;

	private static final Pattern ID = Pattern.compile("req-(\\d+)");

	private final FaultyGateway gateway = new FaultyGateway();

	private final WireMockServer server = new WireMockServer(
			WireMockConfiguration.options().dynamicPort().containerThreads(CALLERS + 16).extensions(this.gateway));

	private final ExecutorService callers = Executors.newFixedThreadPool(CALLERS);

	@AfterEach
	void stop() throws InterruptedException {
		this.callers.shutdownNow();
		this.callers.awaitTermination(10, TimeUnit.SECONDS);
		this.server.stop();
	}

	@Test
	void everyRequestEndsClassifiedWithinTheLimits() {
		this.server.start();
		this.server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)));
		Resilience4jPolicy policy = Resilience4jPolicy.builder()
			.retry(new RetrySettings(MAX_ATTEMPTS, Duration.ofMillis(5), 2, Duration.ofMillis(20),
					Duration.ofSeconds(1)))
			.bulkhead(new BulkheadSettings(MAX_CONCURRENT, CALLERS, Duration.ofSeconds(60)))
			.build();
		RelayChatModel model = RelayChatModel.builder()
			.baseUrl(this.server.baseUrl())
			.apiKey("sk-load")
			.defaultOptions(RelayChatOptions.builder().model("m").build())
			.resilience(policy)
			.build();

		Map<String, Integer> tally = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
			List<CompletableFuture<String>> outcomes = new ArrayList<>(REQUESTS);
			for (int id = 0; id < REQUESTS; id++) {
				int request = id;
				outcomes.add(CompletableFuture.supplyAsync(() -> send(model, request), this.callers));
			}
			Map<String, Integer> counts = new TreeMap<>();
			for (CompletableFuture<String> outcome : outcomes) {
				counts.merge(outcome.join(), 1, Integer::sum);
			}
			return counts;
		});

		System.out.printf(
				"Load test: %d requests from %d callers, gateway max in flight %d (bulkhead %d), "
						+ "attempts %d, faults injected %d%n  outcomes %s%n",
				REQUESTS, CALLERS, this.gateway.maxInFlight.get(), MAX_CONCURRENT, this.gateway.attempts(),
				this.gateway.faults.get(), tally);
		assertThat(tally.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(REQUESTS);
		assertThat(tally).containsOnlyKeys("ok", "SERVER_ERROR", "UNAVAILABLE");
		assertThat(tally.get("SERVER_ERROR")).isEqualTo(REQUESTS / 50);
		assertThat(tally.get("UNAVAILABLE")).isEqualTo(REQUESTS / 100);
		assertThat(this.gateway.maxInFlight.get()).isBetween(1, MAX_CONCURRENT);
		assertThat(this.gateway.inFlight.get()).isZero();
		this.gateway.attemptsById.forEach((id, attempts) -> assertThat(attempts.get()).as("attempts of req-%d", id)
			.isEqualTo(expectedAttempts(id)));
		assertThat(this.gateway.attemptsById).hasSize(REQUESTS);
		Leaks.assertNoPermitHeld(policy);
		Leaks.assertNoThreadInRelay();
	}

	/**
	 * Sends one request and checks its outcome against the plan.
	 * @return {@code ok} or the category of the typed failure
	 */
	private static String send(RelayChatModel model, int id) {
		String expected = "answer to req-" + id;
		StringBuilder streamed = new StringBuilder();
		try {
			if (isStream(id)) {
				model.stream(new Prompt("req-" + id))
					.doOnNext(response -> response.getResults()
						.forEach(generation -> streamed.append(Objects.toString(generation.getOutput().getText(), ""))))
					.blockLast(Duration.ofSeconds(30));
				assertThat(streamed).as("streamed text of req-%d", id).hasToString(expected);
			}
			else {
				assertThat(model.call(new Prompt("req-" + id)).getResult().getOutput().getText()).isEqualTo(expected);
			}
			assertThat(expectedFailure(id)).as("outcome of req-%d", id).isNull();
			return "ok";
		}
		catch (RelayAiException ex) {
			ErrorCategory category = ex.error().category();
			assertThat(category).as("outcome of req-%d: %s", id, ex).isEqualTo(expectedFailure(id));
			if (isStream(id)) {
				// a cut stream delivered its first chunk once and nothing more
				assertThat(streamed.toString()).as("streamed text of failed req-%d", id)
					.isEqualTo((category == ErrorCategory.UNAVAILABLE) ? "answer " : "");
			}
			return category.name();
		}
	}

	private static boolean isStream(int id) {
		return id % 4 >= 2;
	}

	private static boolean alwaysFails(int id) {
		return id % 100 == 49 || id % 100 == 50;
	}

	private static boolean cutStream(int id) {
		return id % 100 == 78;
	}

	private static ErrorCategory expectedFailure(int id) {
		if (alwaysFails(id)) {
			return ErrorCategory.SERVER_ERROR;
		}
		return cutStream(id) ? ErrorCategory.UNAVAILABLE : null;
	}

	private static int expectedAttempts(int id) {
		if (alwaysFails(id)) {
			return MAX_ATTEMPTS;
		}
		return (id % 10 == 3 && !cutStream(id)) ? 2 : 1;
	}

	/**
	 * Answers by request id and attempt as planned, and measures how many requests it
	 * holds at once while it "works" on each answer for about a millisecond.
	 */
	static final class FaultyGateway implements ResponseDefinitionTransformerV2 {

		final AtomicInteger inFlight = new AtomicInteger();

		final AtomicInteger maxInFlight = new AtomicInteger();

		final AtomicInteger faults = new AtomicInteger();

		final Map<Integer, AtomicInteger> attemptsById = new ConcurrentHashMap<>();

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			this.maxInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
			try {
				String body = serveEvent.getRequest().getBodyAsString();
				Matcher matcher = ID.matcher(body);
				assertThat(matcher.find()).isTrue();
				int id = Integer.parseInt(matcher.group(1));
				int attempt = this.attemptsById.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
				// simulated work, so that concurrent requests overlap at the gateway
				LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
				ResponseDefinitionBuilder fault = fault(id, attempt);
				if (fault != null) {
					this.faults.incrementAndGet();
					return fault.build();
				}
				return answer(id, body.contains("\"stream\":true")).build();
			}
			finally {
				this.inFlight.decrementAndGet();
			}
		}

		private static ResponseDefinitionBuilder fault(int id, int attempt) {
			if (alwaysFails(id)) {
				return error(500, "server_error", "The server had an error while processing your request");
			}
			if (attempt > 1 || id % 10 != 3 || cutStream(id)) {
				return null;
			}
			return switch (id % 30) {
				case 3 -> error(429, "rate_limit_exceeded", "Rate limit reached for requests")
					.withHeader("retry-after-ms", "1");
				case 13 -> error(503, null, "Service temporarily unavailable");
				default -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
			};
		}

		private static ResponseDefinitionBuilder answer(int id, boolean stream) {
			if (!stream) {
				return aResponse().withStatus(200)
					.withHeader("Content-Type", "application/json")
					.withBody(completion("answer to req-" + id));
			}
			String body = "data: " + chunk("answer ") + "\n\n";
			if (!cutStream(id)) {
				body += "data: " + chunk("to ") + "\n\ndata: " + chunk("req-" + id) + "\n\ndata: " + finish()
						+ "\n\ndata: [DONE]\n\n";
			}
			return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
		}

		private static ResponseDefinitionBuilder error(int status, String code, String message) {
			return aResponse().withStatus(status)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":{\"message\":\"" + message + "\",\"type\":null,\"code\":"
						+ ((code != null) ? "\"" + code + "\"" : "null") + "}}");
		}

		int attempts() {
			return this.attemptsById.values().stream().mapToInt(AtomicInteger::get).sum();
		}

		@Override
		public boolean applyGlobally() {
			return true;
		}

		@Override
		public String getName() {
			return "faulty-gateway";
		}

	}

}
