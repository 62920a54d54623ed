package io.github.relayai.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.relayai.chat.RelayChatModel;
import io.github.relayai.options.RelayChatOptions;
import io.github.relayai.testsupport.Gateway;
import io.github.relayai.testsupport.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.prompt.Prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The API key never leaks: not into logs at any level, exception messages, or
 * {@code toString()}.
 */
class SecretsTest {

	@RegisterExtension
	static final Gateway gateway = new Gateway();

	private static final String KEY = "sk-relay-secret-4f9a1c7e2b8d6e0a";

	@RegisterExtension
	final LogCapture logs = new LogCapture();

	@Test
	void failingRunAtTraceNeverShowsTheKey() {
		// The message format is OpenAI's real 401 ("Incorrect API key provided: sk-...");
		// echoing the whole key back is a deliberate worst case for a careless gateway.
		gateway.stubJson("/v1/chat/completions", 401,
				"{\"error\":{\"message\":\"Incorrect API key provided: " + KEY
						+ ". You can find your API key at https://platform.openai.com/account/api-keys.\","
						+ "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}");
		RelayChatModel model = RelayChatModel.builder()
			.baseUrl(gateway.baseUrl())
			.apiKey(KEY)
			.defaultOptions(RelayChatOptions.builder().model("m").build())
			.build();
		List<String> seen = new ArrayList<>();
		Throwable call = catchThrowable(() -> model.call(new Prompt("hi")));
		Throwable stream = catchThrowable(() -> model.stream(new Prompt("hi")).blockLast(Duration.ofSeconds(30)));
		for (Throwable failure : List.of(call, stream)) {
			assertThat(failure).isNotNull();
			for (Throwable t = failure; t != null; t = t.getCause()) {
				seen.add(String.valueOf(t.getMessage()));
				seen.add(t.toString());
			}
		}
		this.logs.events().forEach(event -> {
			seen.add(event.getFormattedMessage());
			if (event.getThrowableProxy() != null) {
				seen.add(event.getThrowableProxy().getMessage());
			}
		});
		seen.add(model.toString());
		seen.add(model.httpClient().toString());
		assertThat(gateway.requests().get(0).getHeader("Authorization")).isEqualTo("Bearer " + KEY);
		assertThat(seen).isNotEmpty().noneMatch(text -> text.contains(KEY));
	}

}
