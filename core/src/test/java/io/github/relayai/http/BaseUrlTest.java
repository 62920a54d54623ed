package io.github.relayai.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BaseUrlTest {

	@ParameterizedTest
	@ValueSource(strings = { "https://gw.example.com", "https://gw.example.com/", "https://gw.example.com/v1",
			"https://gw.example.com/v1/", "  https://gw.example.com//  " })
	void withOrWithoutV1AndSlashesGiveOneEndpoint(String value) {
		assertThat(BaseUrl.parse(value).resolve("/v1/chat/completions"))
			.hasToString("https://gw.example.com/v1/chat/completions");
	}

	@Test
	void keepsAPathPrefix() {
		assertThat(BaseUrl.parse("https://openrouter.ai/api/v1").resolve("/v1/models"))
			.hasToString("https://openrouter.ai/api/v1/models");
	}

	@Test
	void rejectsMissingSchemeNamingTheParameter() {
		assertThatIllegalArgumentException().isThrownBy(() -> BaseUrl.parse("gw.example.com/v1"))
			.withMessageContaining("baseUrl")
			.withMessageNotContaining("spring.ai.relay")
			.withMessageContaining("https://");
	}

	@Test
	void rejectsBlank() {
		assertThatIllegalArgumentException().isThrownBy(() -> BaseUrl.parse(" "))
			.withMessageContaining("baseUrl is not set");
	}

	@Test
	void rejectsAnEndpointPathAsTheBase() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BaseUrl.parse("https://gw.example.com/v1/chat/completions"))
			.withMessageContaining("https://gw.example.com/v1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://gw.example.com/v1/chat", "https://gw.example.com/v1/chat/completion" })
	void rejectsPartialEndpointPaths(String value) {
		assertThatIllegalArgumentException().isThrownBy(() -> BaseUrl.parse(value))
			.withMessageContaining("give only the gateway root, for example https://gw.example.com");
	}

	@Test
	void rejectsAV1Typo() {
		assertThatIllegalArgumentException().isThrownBy(() -> BaseUrl.parse("https://gw.example.com/vl"))
			.withMessageContaining("typo")
			.withMessageContaining("https://gw.example.com/v1");
	}

	@Test
	void rejectsOtherSchemes() {
		assertThatIllegalArgumentException().isThrownBy(() -> BaseUrl.parse("ftp://gw.example.com"))
			.withMessageContaining("only http and https");
	}

	@Test
	void flagsPlainHttpToRemoteHostsOnly() {
		assertThat(BaseUrl.parse("http://gw.example.com").isInsecureRemote()).isTrue();
		assertThat(BaseUrl.parse("http://localhost:8080").isInsecureRemote()).isFalse();
		assertThat(BaseUrl.parse("http://127.0.0.1:8080").isInsecureRemote()).isFalse();
		assertThat(BaseUrl.parse("https://gw.example.com").isInsecureRemote()).isFalse();
	}

	@Test
	void apiKeyNeverPrintsItself() {
		assertThat(ApiKey.of("sk-abcdef1234567890")).hasToString("******");
		assertThat(ApiKey.of(null).isPresent()).isFalse();
	}

}
