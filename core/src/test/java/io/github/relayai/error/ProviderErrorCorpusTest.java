package io.github.relayai.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real error bodies from public sources ({@code errors/provider-errors.json}, each with
 * its {@code source}) classify as expected.
 */
class ProviderErrorCorpusTest {

	private static final ProviderErrorClassifier CLASSIFIER = ProviderErrorClassifier.builder()
		.locale(Locale.ENGLISH)
		.clock(Clock.fixed(Instant.parse("2026-01-04T16:00:00Z"), ZoneOffset.UTC))
		.build();

	record Expected(ErrorCategory category, boolean retryable, String requestId, Long retryAfterMillis,
			String suggestedEndpoint, String messageExcludes, String hintContains) {
	}

	record Case(String provider, String source, String note, int status, Map<String, String> headers, boolean stream,
			String body, Expected expected) {
	}

	static List<Case> corpus() throws IOException {
		try (InputStream in = ProviderErrorCorpusTest.class.getResourceAsStream("/errors/provider-errors.json")) {
			return JsonMapper.builder().build().readValue(in, new TypeReference<List<Case>>() {
			});
		}
	}

	static Stream<Arguments> cases() throws IOException {
		return corpus().stream()
			.map(c -> Arguments.of(Named.of(c.provider() + " " + c.status() + " -> " + c.expected().category(), c)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void classifiesRealBody(Case c) {
		ProviderError error = c.stream() ? CLASSIFIER.classifyStreamError(c.body(), "test-model", null)
				: CLASSIFIER.classify(c.status(), headers(c), c.body(), "test-model", "/v1/chat/completions");
		Expected expected = c.expected();

		assertThat(error.category()).as(c.source()).isEqualTo(expected.category());
		assertThat(error.retryable()).as(c.source()).isEqualTo(expected.retryable());
		assertThat(error.requestId()).as(c.source()).isEqualTo(expected.requestId());
		assertThat(error.retryAfter().map(d -> d.toMillis()).orElse(null)).as(c.source())
			.isEqualTo(expected.retryAfterMillis());
		assertThat(error.suggestedEndpoint().orElse(null)).as(c.source()).isEqualTo(expected.suggestedEndpoint());
		assertThat(error.hint()).isNotBlank();
		RelayAiException exception = RelayAiException.of(error, null);
		assertThat(exception.isTransient()).isEqualTo(exception instanceof TransientRelayException);
		if (expected.requestId() != null) {
			assertThat(exception.getMessage()).contains("(request id " + expected.requestId() + ")");
			assertThat(error.message()).doesNotContain("request id");
		}
		if (expected.hintContains() != null) {
			assertThat(error.hint()).as(c.source()).contains(expected.hintContains());
		}
		if (expected.messageExcludes() != null) {
			assertThat(error.message()).doesNotContain(expected.messageExcludes());
			assertThat(exception.getMessage()).doesNotContain(expected.messageExcludes());
		}
	}

	@Test
	void corpusCoversAtLeastHundredBodiesFromThirtyProvidersEachWithItsSource() throws IOException {
		List<Case> corpus = corpus();
		assertThat(corpus).hasSizeGreaterThanOrEqualTo(100);
		assertThat(corpus.stream().map(Case::provider).collect(Collectors.toSet())).hasSizeGreaterThanOrEqualTo(30);
		assertThat(corpus).allSatisfy(c -> assertThat(c.source()).isNotBlank());
	}

	private static Map<String, List<String>> headers(Case c) {
		return (c.headers() != null) ? c.headers()
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))) : Map.of();
	}

}
