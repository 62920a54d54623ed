package io.github.relayai.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

class TransportAndStreamErrorTest {

	private final ProviderErrorClassifier classifier = new ProviderErrorClassifier(Locale.ENGLISH);

	@Test
	void connectionFailuresAreRetryableUnavailability() {
		assertUnavailable(new ConnectException("Connection refused"));
		assertUnavailable(new CompletionException(new ClosedChannelException()));
		assertUnavailable(new IOException("Connection reset"));
		assertUnavailable(new ExecutionException(new IOException("HTTP/1.1 header parser received no bytes")));
	}

	@Test
	void timeoutsAreRetryableTimeouts() {
		assertTimeout(new HttpConnectTimeoutException("HTTP connect timed out"));
		assertTimeout(new CompletionException(new HttpTimeoutException("request timed out")));
		assertTimeout(new ExecutionException(new TimeoutException()));
	}

	@Test
	void transportMessageNamesTheFailure() {
		ProviderError error = this.classifier.classifyTransport(
				new CompletionException(new ConnectException("Connection refused")), "m", "/v1/chat/completions");
		assertThat(error.message()).isEqualTo(
				"Connection to /v1/chat/completions refused: nothing accepts connections at that host and port.");
		assertThat(error.httpStatus()).isZero();
		assertThat(error.endpoint()).isEqualTo("/v1/chat/completions");
		assertThat(RelayAiException.of(error, null).getMessage()).contains("spring.ai.relay.base-url");
	}

	@Test
	void streamDataErrorLine() {
		// data: line of an OpenAI-compatible stream, in the {"error":{...}} format of the
		// corpus.
		ProviderError error = this.classifier.classifyStreamError(
				"{\"error\":{\"message\":\"当前分组上游负载已饱和，请稍后再试 (request id: 2026)\",\"type\":\"new_api_error\"}}", "m",
				null);
		assertThat(error.category()).isEqualTo(ErrorCategory.UNAVAILABLE);
		assertThat(error.retryable()).isTrue();
		assertThat(error.requestId()).isEqualTo("2026");
		assertThat(error.httpStatus()).isZero();
	}

	@Test
	void anthropicStyleErrorEvent() {
		// event: error data, format documented at
		// https://docs.anthropic.com/en/api/messages-streaming#error-events
		ProviderError error = this.classifier.classifyStreamError(
				"{\"type\": \"error\", \"error\": {\"type\": \"overloaded_error\", \"message\": \"Overloaded\"}}", "m",
				null);
		assertThat(error.category()).isEqualTo(ErrorCategory.UNAVAILABLE);
		assertThat(error.retryable()).isTrue();
	}

	@Test
	void responsesApiFailedEvent() {
		// response.failed event, format documented at
		// https://platform.openai.com/docs/api-reference/responses-streaming
		ProviderError error = this.classifier.classifyStreamError("{\"type\":\"response.failed\",\"sequence_number\":1,"
				+ "\"response\":{\"id\":\"resp_123\",\"object\":\"response\",\"status\":\"failed\","
				+ "\"error\":{\"code\":\"server_error\",\"message\":\"The model failed to generate a response.\"}}}",
				"m", null);
		assertThat(error.category()).isEqualTo(ErrorCategory.SERVER_ERROR);
		assertThat(error.code()).isEqualTo("server_error");
		assertThat(error.retryable()).isTrue();
	}

	@Test
	void responsesApiErrorEvent() {
		// error event example of
		// https://platform.openai.com/docs/api-reference/responses-streaming/error
		ProviderError error = this.classifier.classifyStreamError(
				"{\"type\": \"error\", \"code\": \"ERR_SOMETHING\", \"message\": \"Something went wrong\", \"param\": null, \"sequence_number\": 1}",
				"m", null);
		assertThat(error.category()).isEqualTo(ErrorCategory.UNKNOWN);
		assertThat(error.code()).isEqualTo("ERR_SOMETHING");
		assertThat(error.message()).isEqualTo("Something went wrong");
		assertThat(error.type()).isNull();
	}

	@Test
	void streamErrorStatusComesFromTheBody() {
		ProviderError error = this.classifier
			.classifyStreamError("{\"error\":{\"code\":429,\"message\":\"slow down please\"}}", "m", null);
		assertThat(error.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
	}

	private void assertUnavailable(Throwable failure) {
		ProviderError error = this.classifier.classifyTransport(failure, "m", null);
		assertThat(error.category()).isEqualTo(ErrorCategory.UNAVAILABLE);
		assertThat(error.retryable()).isTrue();
		assertThat(RelayAiException.of(error, failure)).isInstanceOf(TransientRelayException.Unavailable.class);
	}

	private void assertTimeout(Throwable failure) {
		ProviderError error = this.classifier.classifyTransport(failure, "m", null);
		assertThat(error.category()).isEqualTo(ErrorCategory.TIMEOUT);
		assertThat(error.retryable()).isTrue();
		assertThat(RelayAiException.of(error, failure)).isInstanceOf(TransientRelayException.Timeout.class);
	}

}
