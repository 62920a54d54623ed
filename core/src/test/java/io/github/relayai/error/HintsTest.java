package io.github.relayai.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class HintsTest {

	private static final String NON_CHAT = "{\"error\":{\"message\":\"This is not a chat model and thus not supported in the "
			+ "v1/chat/completions endpoint. Did you mean to use v1/completions?\",\"type\":\"rix_api_error\",\"param\":\"model\",\"code\":null}}";

	@Test
	void englishMessageSaysWhatHappenedWhatToDoAndTheRequestId() {
		ProviderErrorClassifier classifier = ProviderErrorClassifier.builder().locale(Locale.US).build();
		ProviderError error = classifier.classify(400,
				Map.of("x-rixapi-request-id", List.of("20260104160024698485938Ye5VCZ0P")), NON_CHAT, "gpt-5.2-pro",
				"/v1/chat/completions");
		assertThat(RelayAiException.of(error, null).getMessage()).startsWith(
				"Model 'gpt-5.2-pro' is not a chat model: the gateway says to use /v1/completions. Relay routes it there "
						+ "automatically unless endpointFallback is false (spring.ai.relay.chat.endpoint-fallback=false). (request id 20260104160024698485938Ye5VCZ0P)\n"
						+ "HTTP 400 [rix_api_error]: This is not a chat model");
	}

	@Test
	void simplifiedChineseHints() {
		ProviderErrorClassifier classifier = ProviderErrorClassifier.builder()
			.locale(Locale.SIMPLIFIED_CHINESE)
			.build();
		ProviderError error = classifier.classify(400, Map.of(), NON_CHAT, "gpt-5.2-pro", null);
		assertThat(error.hint()).startsWith("模型“gpt-5.2-pro”不是聊天模型：网关提示改用 /v1/completions")
			.contains("spring.ai.relay.chat.endpoint-fallback=false");
		assertThat(new ProviderErrorClassifier(Locale.forLanguageTag("zh")).classify(401, Map.of(), "").hint())
			.contains("spring.ai.relay.api-key")
			.contains("网关拒绝了 API Key");
		assertThat(new ProviderErrorClassifier(Locale.TRADITIONAL_CHINESE).classify(401, Map.of(), "").hint())
			.contains("网关拒绝了 API Key");
	}

	@Test
	void englishIsUsedForOtherLanguagesWhateverTheJvmDefault() {
		Locale previous = Locale.getDefault();
		try {
			Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
			assertThat(new ProviderErrorClassifier(Locale.GERMAN).classify(402, Map.of(), "").hint())
				.startsWith("The account or key has run out of quota");
		}
		finally {
			Locale.setDefault(previous);
		}
	}

	@Test
	void retryableHintsMentionTheWait() {
		ProviderError error = new ProviderErrorClassifier(Locale.ENGLISH).classify(429,
				Map.of("retry-after", List.of("20")), "");
		assertThat(error.hint()).endsWith("The gateway asks to wait 20 seconds before retrying.");
	}

	@ParameterizedTest
	@EnumSource(ErrorCategory.class)
	void everyCategoryHasAHintInBothLanguages(ErrorCategory category) {
		for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
			ProviderError error = new ProviderError(category, category.retryableByDefault(), 0, null, null, null, null,
					null, Optional.empty(), "m", null, null);
			String hint = new Hints(locale).hint(error, null);
			assertThat(hint).isNotBlank().doesNotContain("{0}");
		}
	}

	@ParameterizedTest
	@EnumSource(TransportFailures.Kind.class)
	void everyTransportFailureHasAMessageAndHintInBothLanguages(TransportFailures.Kind kind) {
		Hints english = new Hints(Locale.ENGLISH);
		Hints chinese = new Hints(Locale.SIMPLIFIED_CHINESE);
		String url = "http://127.0.0.1:9/v1/chat/completions";
		assertThat(english.transportMessage(kind, url, "x")).contains(url).doesNotContain("{");
		assertThat(chinese.transportMessage(kind, url, "x")).contains(url)
			.isNotEqualTo(english.transportMessage(kind, url, "x"));
		assertThat(english.transportHint(kind)).isNotBlank().isNotEqualTo(chinese.transportHint(kind));
	}

	@ParameterizedTest
	@ValueSource(strings = { BuiltInRules.PER_MINUTE, BuiltInRules.GROUP })
	void hintVariantsExistInBothLanguages(String variant) {
		ErrorCategory category = variant.equals(BuiltInRules.GROUP) ? ErrorCategory.MODEL_NOT_FOUND
				: ErrorCategory.CONTEXT_LENGTH_EXCEEDED;
		ProviderError error = new ProviderError(category, false, 0, null, null, null, null, null, Optional.empty(), "m",
				null, null);
		String english = new Hints(Locale.ENGLISH).hint(error, variant);
		assertThat(english).contains("'m'").isNotEqualTo(new Hints(Locale.ENGLISH).hint(error, null));
		assertThat(new Hints(Locale.SIMPLIFIED_CHINESE).hint(error, variant)).contains("“m”").isNotEqualTo(english);
	}

}
