package io.github.relayai.resilience;

import java.time.Duration;

import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.TransientRelayException;
import io.github.relayai.error.RelayAiException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import io.github.relayai.resilience.Resilience4jPolicy.RetrySettings;
import io.github.relayai.resilience.Resilience4jPolicy.RateLimiterSettings;

class RateLimiterTest {

	@Test
	void requestsBeyondTheLimitAreRejectedLocally() {
		Resilience4jPolicy policy = Resilience4jPolicy.builder()
			.rateLimiter(new RateLimiterSettings(true, 1, Duration.ofHours(1), Duration.ZERO))
			.build();

		StepVerifier.create(policy.call(Mono.just("first"))).expectNext("first").verifyComplete();
		StepVerifier.create(policy.call(Mono.just("second"))).expectErrorSatisfies(failure -> {
			assertThat(failure).isInstanceOf(TransientRelayException.RateLimited.class)
				.hasMessageContaining("limitForPeriod (spring.ai.relay.resilience.rate-limiter.limit-for-period)")
				.hasMessageContaining("not the gateway");
			assertThat(((RelayAiException) failure).error().category()).isEqualTo(ErrorCategory.RATE_LIMITED);
		}).verify();
	}

	@Test
	void offByDefault() {
		assertThat(Resilience4jPolicy.ofDefaults().rateLimiter()).isNull();
		assertThat(Resilience4jPolicy.ofDefaults().circuitBreaker()).isNull();
	}

	@Test
	void settingsNameTheirParameterWhenInvalid() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new RateLimiterSettings(true, 0, Duration.ofMinutes(1), Duration.ZERO))
			.withMessageContaining("RateLimiterSettings limitForPeriod must be at least 1")
			.withMessageNotContaining("spring.ai.relay");
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetrySettings(0, Duration.ofMillis(1), 2, Duration.ofSeconds(1), Duration.ZERO))
			.withMessageContaining("RetrySettings maxAttempts must be at least 1")
			.withMessageNotContaining("spring.ai.relay");
	}

}
