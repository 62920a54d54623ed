package io.github.relayai.autoconfigure;

import io.github.relayai.http.BaseUrl;
import io.github.relayai.http.RelayHttpClient;
import io.github.relayai.resilience.Resilience4jPolicy.BulkheadSettings;
import io.github.relayai.resilience.Resilience4jPolicy.RetrySettings;
import io.github.relayai.upstream.Upstream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Core's messages name builder parameters; the start-up report names the properties.
 */
class PropertyNamesTest {

	private static String reported(Executable invalid) {
		IllegalArgumentException failure = catchThrowableOfType(IllegalArgumentException.class, invalid::execute);
		assertThat(failure.getMessage()).doesNotContain("spring.ai.relay");
		return new RelayConfigurationException("spring.ai.relay", failure.getMessage(), "fix it", failure).getMessage();
	}

	@Test
	void settingsRecordsNameTheirResilienceProperty() {
		assertThat(reported(() -> new RetrySettings(0, Duration.ofMillis(1), 2, Duration.ofSeconds(1), Duration.ZERO)))
			.startsWith("spring.ai.relay.resilience.retry.max-attempts must be at least 1");
		assertThat(reported(() -> new BulkheadSettings(1, 0, Duration.ofSeconds(-1))))
			.startsWith("spring.ai.relay.resilience.bulkhead.max-wait must be zero or positive");
	}

	@Test
	void connectionParametersNameTheirProperty() {
		assertThat(reported(() -> RelayHttpClient.builder()
			.baseUrl("http://localhost:1")
			.readIdleTimeout(Duration.ofSeconds(-5))
			.build())).startsWith("spring.ai.relay.read-idle-timeout must be a positive duration");
		assertThat(reported(() -> RelayHttpClient.builder().baseUrl("http://localhost:1").maxResponseBytes(0).build()))
			.startsWith("spring.ai.relay.max-response-size must be positive");
		assertThat(reported(() -> BaseUrl.parse(" "))).startsWith("spring.ai.relay.base-url is not set");
	}

	@Test
	void upstreamParametersNameTheUpstreamsProperty() {
		assertThat(reported(() -> Upstream.builder("east", "http://localhost:1").weight(0).build()))
			.startsWith("spring.ai.relay.upstreams.east.weight must be at least 1");
	}

	@Test
	void textWithoutParametersIsKept() {
		assertThat(PropertyNames.translate("Something else is wrong")).isEqualTo("Something else is wrong");
		assertThat(PropertyNames.translate(null)).isNull();
	}

}
