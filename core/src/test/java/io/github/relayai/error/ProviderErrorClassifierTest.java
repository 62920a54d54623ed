package io.github.relayai.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import io.github.relayai.error.ProviderErrorClassifier.ErrorRule;

class ProviderErrorClassifierTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2015-10-21T07:27:30Z"), ZoneOffset.UTC);

	private final ProviderErrorClassifier classifier = ProviderErrorClassifier.builder()
		.locale(Locale.ENGLISH)
		.clock(CLOCK)
		.build();

	// new-api rewrites every upstream 429 to this message (relay controller); the bodies
	// below follow its
	// {"error":{"message","type","code"}} format.
	private static final String SATURATED = "{\"error\":{\"message\":\"当前分组上游负载已饱和，请稍后再试 (request id: 20260104160024698485938Ye5VCZ0P)\","
			+ "\"type\":\"new_api_error\",\"code\":\"\"}}";

	@Test
	void readsRetryAfterMillisFirst() {
		ProviderError error = this.classifier.classify(429,
				Map.of("Retry-After-Ms", List.of("1500"), "Retry-After", List.of("9")), "");
		assertThat(error.retryAfter()).contains(Duration.ofMillis(1500));
	}

	@Test
	void readsRetryAfterSeconds() {
		assertThat(this.classifier.classify(429, Map.of("retry-after", List.of("7")), "").retryAfter())
			.contains(Duration.ofSeconds(7));
	}

	@Test
	void readsRetryAfterHttpDateAgainstTheClock() {
		ProviderError error = this.classifier.classify(503,
				Map.of("RETRY-AFTER", List.of("Wed, 21 Oct 2015 07:28:00 GMT")), "");
		assertThat(error.retryAfter()).contains(Duration.ofSeconds(30));
	}

	@Test
	void pastRetryAfterDateMeansNoWait() {
		ProviderError error = this.classifier.classify(503,
				Map.of("retry-after", List.of("Wed, 21 Oct 2015 07:00:00 GMT")), "");
		assertThat(error.retryAfter()).contains(Duration.ZERO);
	}

	@Test
	void ignoresUnreadableRetryAfter() {
		assertThat(this.classifier.classify(429, Map.of("retry-after", List.of("soon")), "").retryAfter()).isEmpty();
	}

	@Test
	void readsRequestIdHeadersInAnyCase() {
		assertThat(this.classifier.classify(500, Map.of("X-Oneapi-Request-Id", List.of("abc")), "").requestId())
			.isEqualTo("abc");
		assertThat(this.classifier.classify(500, Map.of("X-RIXAPI-REQUEST-ID", List.of("rix")), "").requestId())
			.isEqualTo("rix");
		assertThat(
				this.classifier.classify(500, Map.of("CF-Ray", List.of("ray-1"), "X-Request-ID", List.of("req-1")), "")
					.requestId())
			.isEqualTo("req-1");
	}

	@Test
	void takesRequestIdFromTheMessageSuffixAndRemovesIt() {
		ProviderError error = this.classifier.classify(401, Map.of(),
				"{\"error\":{\"message\":\"无效的令牌 (request id: 2026010416002469848593)\",\"type\":\"new_api_error\"}}");
		assertThat(error.category()).isEqualTo(ErrorCategory.AUTHENTICATION);
		assertThat(error.message()).isEqualTo("无效的令牌");
		assertThat(error.requestId()).isEqualTo("2026010416002469848593");
	}

	@Test
	void prefersTheHeaderRequestIdOverTheSuffix() {
		ProviderError error = this.classifier.classify(429, Map.of("x-request-id", List.of("from-header")), SATURATED);
		assertThat(error.requestId()).isEqualTo("from-header");
	}

	@Test
	void saturatedUpstreamIsRetryableUnavailabilityWhateverTheStatus() {
		ProviderError error = this.classifier.classify(429, Map.of(), SATURATED);
		assertThat(error.category()).isEqualTo(ErrorCategory.UNAVAILABLE);
		assertThat(error.retryable()).isTrue();
	}

	@Test
	void saturatedMessageWithAQuotaTypeIsExhaustedQuota() {
		ProviderError error = this.classifier.classify(429, Map.of(),
				"{\"error\":{\"message\":\"当前分组上游负载已饱和，请稍后再试\",\"type\":\"insufficient_quota\",\"code\":\"insufficient_user_quota\"}}");
		assertThat(error.category()).isEqualTo(ErrorCategory.INSUFFICIENT_QUOTA);
		assertThat(error.retryable()).isFalse();
	}

	@Test
	void readsChineseRelayMessagesWhateverTheStatus() {
		assertThat(categoryOf(401, "该令牌已过期")).isEqualTo(ErrorCategory.AUTHENTICATION);
		assertThat(categoryOf(403, "该令牌额度已用尽")).isEqualTo(ErrorCategory.INSUFFICIENT_QUOTA);
		assertThat(categoryOf(403, "用户额度不足, 剩余额度: ＄-0.000002")).isEqualTo(ErrorCategory.INSUFFICIENT_QUOTA);
		assertThat(categoryOf(429, "队列已满")).isEqualTo(ErrorCategory.QUEUE_FULL);
		assertThat(categoryOf(400, "没有 Worker 支持模型: x")).isEqualTo(ErrorCategory.MODEL_NOT_FOUND);
		assertThat(categoryOf(400, "无效的令牌")).isEqualTo(ErrorCategory.AUTHENTICATION);
	}

	@Test
	void userRulesComeBeforeBuiltInOnes() {
		ProviderErrorClassifier custom = ProviderErrorClassifier.builder()
			.locale(Locale.ENGLISH)
			.rules(List.of(ErrorRule.of(429, null, null, "负载已饱和", ErrorCategory.QUEUE_FULL, null)))
			.build();
		ProviderError error = custom.classify(429, Map.of(), SATURATED);
		assertThat(error.category()).isEqualTo(ErrorCategory.QUEUE_FULL);
		assertThat(RelayAiException.of(error, null)).isInstanceOf(TransientRelayException.QueueFull.class);
		assertThat(custom.classify(500, Map.of(), SATURATED).category()).isEqualTo(ErrorCategory.UNAVAILABLE);
	}

	@Test
	void userRuleMayMatchCodeAndTypeAndOverrideRetryable() {
		ProviderErrorClassifier custom = ProviderErrorClassifier.builder()
			.rules(List.of(ErrorRule.of(null, "E42", "vendor_error", null, ErrorCategory.SERVER_ERROR, false)))
			.build();
		ProviderError error = custom.classify(500, Map.of(),
				"{\"error\":{\"message\":\"boom\",\"type\":\"VENDOR_ERROR\",\"code\":\"e42\"}}");
		assertThat(error.category()).isEqualTo(ErrorCategory.SERVER_ERROR);
		assertThat(error.retryable()).isFalse();
		RelayAiException exception = RelayAiException.of(error, null);
		assertThat(exception.getClass()).isEqualTo(NonTransientRelayException.class);
	}

	@Test
	void ruleNeedsACriterion() {
		assertThatThrownBy(() -> ErrorRule.of(null, " ", null, "", ErrorCategory.UNKNOWN, null))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void shouldRetryFalseMakesAServerErrorFinal() {
		ProviderError error = this.classifier.classify(503, Map.of("x-should-retry", List.of("false")), "");
		assertThat(error.category()).isEqualTo(ErrorCategory.UNAVAILABLE);
		assertThat(error.retryable()).isFalse();
		assertThat(RelayAiException.of(error, null).getClass()).isEqualTo(NonTransientRelayException.class);
	}

	@Test
	void shouldRetryTrueMakesAnUnknownFailureRetryableButNeverABadKey() {
		ProviderError unknown = this.classifier.classify(200, Map.of("X-Should-Retry", List.of("true")), "???");
		assertThat(unknown.category()).isEqualTo(ErrorCategory.UNKNOWN);
		assertThat(unknown.retryable()).isTrue();
		assertThat(RelayAiException.of(unknown, null).getClass()).isEqualTo(TransientRelayException.class);

		ProviderError badKey = this.classifier.classify(401, Map.of("x-should-retry", List.of("true")), "");
		assertThat(badKey.retryable()).isFalse();
	}

	@Test
	void emptyBodyFallsBackToTheStatus() {
		assertThat(this.classifier.classify(503, null, null).category()).isEqualTo(ErrorCategory.UNAVAILABLE);
		assertThat(this.classifier.classify(418, Map.of(), "").category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
		assertThat(this.classifier.classify(0, Map.of(), "").category()).isEqualTo(ErrorCategory.UNKNOWN);
	}

	@Test
	void readsAProviderErrorSerializedInOpenRouterMetadataRaw() {
		// Shape documented at https://openrouter.ai/docs/api-reference/errors
		// (error.metadata.raw holds the
		// provider's own error); the values are illustrative.
		String body = "{\"error\":{\"code\":429,\"message\":\"Provider returned error\",\"metadata\":{\"provider_name\":\"Example\","
				+ "\"raw\":\"{\\\"error\\\":{\\\"message\\\":\\\"This model's maximum context length is 8192 tokens.\\\",\\\"type\\\":\\\"invalid_request_error\\\"}}\"}}}";
		ProviderError error = this.classifier.classify(400, Map.of(), body);
		assertThat(error.category()).isEqualTo(ErrorCategory.CONTEXT_LENGTH_EXCEEDED);
		assertThat(error.message()).startsWith("This model's maximum context length");
	}

	@Test
	void masksSecretsEchoedByTheGateway() {
		ProviderError error = this.classifier.classify(401, Map.of(),
				"{\"error\":{\"message\":\"bad header Authorization: Bearer abcdefghijklmnop1234 for key sk-proj-abcdef123456 and AIzaSyDXabcdefghijklmnop\"}}");
		assertThat(error.message())
			.doesNotContain("abcdefghijklmnop1234", "sk-proj-abcdef123456", "AIzaSyDXabcdefghijklmnop")
			.contains("Bearer ***", "sk-***", "AIza***");
	}

	@Test
	void readsRetryDelaysStatedOnlyInTheMessage() {
		ProviderError azure = this.classifier.classify(429, Map.of(),
				"{\"error\":{\"code\":\"429\",\"message\":\"Requests to the ChatCompletions_Create Operation have exceeded token rate limit. Please retry after 86400 seconds.\"}}");
		assertThat(azure.retryAfter()).contains(Duration.ofSeconds(86400));
		ProviderError groq = this.classifier.classify(429, Map.of(),
				"{\"error\":{\"message\":\"Rate limit reached. Please try again in 1m0.5s.\"}}");
		assertThat(groq.retryAfter()).contains(Duration.ofMillis(60_500));
	}

	private ErrorCategory categoryOf(int status, String message) {
		return this.classifier
			.classify(status, Map.of(), "{\"error\":{\"message\":\"" + message + "\",\"type\":\"one_api_error\"}}")
			.category();
	}

}
