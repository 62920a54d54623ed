package io.github.relayai.resilience;

import java.time.Duration;

import io.github.relayai.chat.RelayChatModel;
import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.NonTransientRelayException;
import io.github.relayai.error.RelayAiException;
import io.github.relayai.error.TransientRelayException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.junit.jupiter.api.AfterEach;
import io.github.relayai.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import static io.github.relayai.resilience.Gateway.completion;
import static io.github.relayai.resilience.Gateway.error;
import static io.github.relayai.resilience.Gateway.plain;
import static io.github.relayai.resilience.RetryTest.failure;
import static org.assertj.core.api.Assertions.assertThat;
import io.github.relayai.resilience.Resilience4jPolicy.RetrySettings;
import io.github.relayai.resilience.Resilience4jPolicy.CircuitBreakerSettings;

class CircuitBreakerTest {

	final Gateway gateway = new Gateway();

	final MutableClock clock = new MutableClock();

	final CircuitBreaker circuitBreaker = CircuitBreaker.of(Resilience4jPolicy.NAME,
			CircuitBreakerConfig
				.from(new CircuitBreakerSettings(true, 50, 2, Duration.ofSeconds(30)).toCircuitBreakerConfig())
				.clock(this.clock)
				.build());

	final RelayChatModel model = this.gateway
		.model(Resilience4jPolicy.builder()
			.retry(new RetrySettings(1, Duration.ofMillis(500), 2, Duration.ofSeconds(8), Duration.ofSeconds(60)))
			.circuitBreaker(this.circuitBreaker)
			.build())
		.build();

	@AfterEach
	void close() throws InterruptedException {
		this.gateway.close();
	}

	@Test
	void opensAfterGatewayFailuresFailsFastAndHalfOpensAfterTheWait() throws Exception {
		this.gateway.server.stubFor(plain().willReturn(error(503, "server_error", null, "no channel")));
		failure(this.gateway.callAsync(this.model));
		failure(this.gateway.callAsync(this.model));
		assertThat(this.circuitBreaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

		Throwable rejected = failure(this.gateway.callAsync(this.model));
		assertThat(rejected).isInstanceOf(TransientRelayException.Unavailable.class)
			.hasMessageContaining("circuit breaker");
		assertThat(((RelayAiException) rejected).error().category()).isEqualTo(ErrorCategory.UNAVAILABLE);
		assertThat(this.gateway.requests()).isEqualTo(2);

		this.gateway.server.resetAll();
		this.gateway.server.stubFor(plain().willReturn(completion("Hi")));
		this.clock.advance(Duration.ofSeconds(31));
		assertThat(this.gateway.callAsync(this.model).get().getResult().getOutput().getText()).isEqualTo("Hi");
		assertThat(this.circuitBreaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void halfOpenTrialFailureReopens() throws Exception {
		this.gateway.server.stubFor(plain().willReturn(error(502, "server_error", null, "bad gateway")));
		failure(this.gateway.callAsync(this.model));
		failure(this.gateway.callAsync(this.model));
		this.clock.advance(Duration.ofSeconds(31));

		failure(this.gateway.callAsync(this.model));

		assertThat(this.circuitBreaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(this.gateway.requests()).isEqualTo(3);
	}

	@Test
	void clientErrorsDoNotOpenTheCircuit() throws Exception {
		this.gateway.server.stubFor(plain().willReturn(error(400, "invalid_request_error", null, "bad parameter")));
		for (int i = 0; i < 4; i++) {
			assertThat(failure(this.gateway.callAsync(this.model)))
				.isInstanceOf(NonTransientRelayException.InvalidRequest.class);
		}
		assertThat(this.circuitBreaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	/** A clock the test moves. */

}
