package io.github.relayai.resilience;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.relayai.chat.RelayChatModel;
import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.NonTransientRelayException;
import io.github.relayai.error.ProviderErrorClassifier;
import io.github.relayai.error.TransientRelayException;
import io.github.relayai.error.RelayAiException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.relayai.resilience.Gateway.chunk;
import static io.github.relayai.resilience.Gateway.completion;
import static io.github.relayai.resilience.Gateway.error;
import static io.github.relayai.resilience.Gateway.events;
import static io.github.relayai.resilience.Gateway.finish;
import static io.github.relayai.resilience.Gateway.plain;
import static io.github.relayai.resilience.Gateway.streaming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import io.github.relayai.resilience.Resilience4jPolicy.RetrySettings;

class RetryTest {

	final Gateway gateway = new Gateway();

	final VirtualClock clock = new VirtualClock();

	final Resilience4jPolicy policy = Resilience4jPolicy.builder().backoffScheduler(this.clock).build();

	final RelayChatModel model = this.gateway.model(this.policy).build();

	@AfterEach
	void close() throws InterruptedException {
		this.gateway.close();
	}

	@Test
	void serverErrorsAreRetriedWithExponentialBackoffAndJitter() throws Exception {
		this.gateway.server.stubFor(plain().inScenario("s")
			.whenScenarioStateIs(STARTED)
			.willReturn(error(503, "server_error", null, "no channel"))
			.willSetStateTo("second"));
		this.gateway.server.stubFor(plain().inScenario("s")
			.whenScenarioStateIs("second")
			.willReturn(error(503, "server_error", null, "no channel"))
			.willSetStateTo("third"));
		this.gateway.server.stubFor(plain().inScenario("s").whenScenarioStateIs("third").willReturn(completion("Hi")));

		CompletableFuture<ChatResponse> answer = this.gateway.callAsync(this.model);
		Duration first = this.clock.nextWait();
		assertThat(first).isBetween(Duration.ofMillis(250), Duration.ofMillis(750));
		this.clock.advance(first);
		Duration second = this.clock.nextWait();
		assertThat(second).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500));
		this.clock.advance(second);

		assertThat(answer.get(10, TimeUnit.SECONDS).getResult().getOutput().getText()).isEqualTo("Hi");
		assertThat(this.gateway.requests()).isEqualTo(3);
		assertThat(this.policy.retry().getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt()).isOne();
	}

	@Test
	void failsAfterMaxAttempts() throws Exception {
		this.gateway.server.stubFor(plain().willReturn(error(500, "server_error", null, "boom")));

		CompletableFuture<ChatResponse> answer = this.gateway.callAsync(this.model);
		this.clock.advance(this.clock.nextWait());
		this.clock.advance(this.clock.nextWait());

		assertThat(failure(answer)).isInstanceOf(TransientRelayException.ServerError.class);
		assertThat(this.gateway.requests()).isEqualTo(3);
		assertThat(this.clock.noPendingWaits()).isTrue();
	}

	@Test
	void nonChatModelIsNotRetried() throws Exception {
		this.gateway.server.stubFor(plain().willReturn(error(400, "invalid_request_error", null,
				"This is not a chat model and thus not supported in the v1/chat/completions endpoint. "
						+ "Did you mean to use v1/completions?")));

		assertThat(failure(this.gateway.callAsync(this.model)))
			.isInstanceOf(NonTransientRelayException.NonChatModel.class);
		assertThat(this.gateway.requests()).isEqualTo(1);
		assertThat(this.clock.noPendingWaits()).isTrue();
		assertThat(this.policy.retry().getMetrics().getNumberOfFailedCallsWithoutRetryAttempt()).isOne();
	}

	@Test
	void retryAfterReplacesTheComputedWait() throws Exception {
		this.gateway.server.stubFor(plain().inScenario("s")
			.whenScenarioStateIs(STARTED)
			.willReturn(error(429, "rate_limit_exceeded", "rate_limit_exceeded", "slow down").withHeader("Retry-After",
					"2"))
			.willSetStateTo("ok"));
		this.gateway.server.stubFor(plain().inScenario("s").whenScenarioStateIs("ok").willReturn(completion("Hi")));

		CompletableFuture<ChatResponse> answer = this.gateway.callAsync(this.model);
		assertThat(this.clock.nextWait()).isEqualTo(Duration.ofSeconds(2));
		this.clock.advance(Duration.ofMillis(1999));
		assertThat(answer).isNotDone();
		this.clock.advance(Duration.ofMillis(1));

		assertThat(answer.get(10, TimeUnit.SECONDS).getResult().getOutput().getText()).isEqualTo("Hi");
		assertThat(this.gateway.requests()).isEqualTo(2);
	}

	@Test
	void retryAfterMillisAndHttpDateAreHonoured() throws Exception {
		java.time.Instant now = java.time.Instant.parse("2026-01-01T00:00:00Z");
		RelayChatModel model = this.gateway.model(this.policy)
			.classifier(io.github.relayai.error.ProviderErrorClassifier.builder()
				.clock(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC))
				.build())
			.build();
		this.gateway.server.stubFor(plain().inScenario("s")
			.whenScenarioStateIs(STARTED)
			.willReturn(error(429, "rate_limit_exceeded", null, "slow down").withHeader("retry-after-ms", "1500"))
			.willSetStateTo("date"));
		this.gateway.server.stubFor(plain().inScenario("s")
			.whenScenarioStateIs("date")
			.willReturn(error(503, "server_error", null, "busy").withHeader("Retry-After",
					java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
						.format(now.plusSeconds(3).atZone(java.time.ZoneOffset.UTC))))
			.willSetStateTo("ok"));
		this.gateway.server.stubFor(plain().inScenario("s").whenScenarioStateIs("ok").willReturn(completion("Hi")));

		CompletableFuture<ChatResponse> answer = this.gateway.callAsync(model);
		Duration first = this.clock.nextWait();
		this.clock.advance(first);
		Duration second = this.clock.nextWait();
		this.clock.advance(second);

		assertThat(first).isEqualTo(Duration.ofMillis(1500));
		assertThat(second).isEqualTo(Duration.ofSeconds(3));
		assertThat(answer.get(10, TimeUnit.SECONDS).getResult().getOutput().getText()).isEqualTo("Hi");
	}

	@Test
	void retryAfterLongerThanMaxRetryAfterFailsAtOnce() throws Exception {
		this.gateway.server
			.stubFor(plain().willReturn(error(429, "rate_limit_exceeded", "rate_limit_exceeded", "slow down")
				.withHeader("Retry-After", "600")));

		Throwable failure = failure(this.gateway.callAsync(this.model));

		assertThat(failure).isInstanceOf(TransientRelayException.RateLimited.class).hasMessageContaining("600");
		assertThat(((RelayAiException) failure).error().retryAfter()).contains(Duration.ofSeconds(600));
		assertThat(this.gateway.requests()).isEqualTo(1);
		assertThat(this.clock.noPendingWaits()).isTrue();
	}

	@Test
	void xShouldRetryFalseStopsRetrying() throws Exception {
		this.gateway.server.stubFor(
				plain().willReturn(error(503, "server_error", null, "busy").withHeader("x-should-retry", "false")));

		assertThat(failure(this.gateway.callAsync(this.model))).isInstanceOf(NonTransientRelayException.class);
		assertThat(this.gateway.requests()).isEqualTo(1);
	}

	@Test
	void connectionResetIsRetried() throws Exception {
		this.gateway.server.stubFor(plain().inScenario("s")
			.whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
			.willSetStateTo("ok"));
		this.gateway.server.stubFor(plain().inScenario("s").whenScenarioStateIs("ok").willReturn(completion("Hi")));

		CompletableFuture<ChatResponse> answer = this.gateway.callAsync(this.model);
		this.clock.advance(this.clock.nextWait());

		assertThat(answer.get(10, TimeUnit.SECONDS).getResult().getOutput().getText()).isEqualTo("Hi");
		assertThat(this.gateway.requests()).isEqualTo(2);
	}

	@Test
	void streamFailingBeforeItsFirstEventIsRetried() throws Exception {
		this.gateway.server.stubFor(streaming().inScenario("s")
			.whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(502)
				.withHeader("Content-Type", "text/html")
				.withBody("<html><body><h1>502 Bad Gateway</h1></body></html>"))
			.willSetStateTo("ok"));
		this.gateway.server.stubFor(streaming().inScenario("s")
			.whenScenarioStateIs("ok")
			.willReturn(events(chunk("Hel"), chunk("lo"), finish(), "[DONE]")));

		CompletableFuture<List<String>> texts = texts(this.model);
		this.clock.advance(this.clock.nextWait());

		assertThat(String.join("", texts.get(10, TimeUnit.SECONDS))).isEqualTo("Hello");
		assertThat(this.gateway.requests()).isEqualTo(2);
	}

	@Test
	void streamFailingAfterItsFirstEventIsNotRetriedAndEmitsNothingTwice() throws Exception {
		this.gateway.server.stubFor(streaming().willReturn(events(chunk("Hel"),
				"{\"error\":{\"message\":\"upstream failed\",\"type\":\"server_error\",\"code\":\"server_error\"}}")));
		List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();

		Throwable failure = catchThrowable(() -> this.model.stream(new Prompt("hi"))
			.doOnNext(response -> received.add(text(response)))
			.blockLast(Duration.ofSeconds(10)));

		assertThat(failure).isInstanceOf(TransientRelayException.ServerError.class);
		assertThat(((RelayAiException) failure).error().category()).isEqualTo(ErrorCategory.SERVER_ERROR);
		assertThat(received).containsExactly("Hel");
		assertThat(this.gateway.requests()).isEqualTo(1);
		assertThat(this.clock.noPendingWaits()).isTrue();
	}

	@Test
	void maxAttemptsOneMeansNoRetry() throws Exception {
		RelayChatModel once = this.gateway
			.model(Resilience4jPolicy.builder()
				.retry(new RetrySettings(1, Duration.ofMillis(500), 2, Duration.ofSeconds(8), Duration.ofSeconds(60)))
				.backoffScheduler(this.clock)
				.build())
			.build();
		this.gateway.server.stubFor(plain().willReturn(error(503, "server_error", null, "no channel")));

		assertThat(failure(this.gateway.callAsync(once))).isInstanceOf(RelayAiException.class);
		assertThat(this.gateway.requests()).isEqualTo(1);
	}

	private static CompletableFuture<List<String>> texts(RelayChatModel model) {
		return model.stream(new Prompt("hi")).map(RetryTest::text).collectList().toFuture();
	}

	private static String text(ChatResponse response) {
		return (response.getResult() != null) ? response.getResult().getOutput().getText() : "";
	}

	static Throwable failure(CompletableFuture<?> answer) throws Exception {
		try {
			answer.get(10, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			return ex.getCause();
		}
		throw new AssertionError("Expected a failure, got " + answer.get());
	}

}
