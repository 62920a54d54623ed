package io.github.relayai.hardening;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.relayai.chat.RelayChatModel;
import io.github.relayai.options.RelayChatOptions;
import io.github.relayai.resilience.ResiliencePolicy;
import io.github.relayai.testsupport.Gateway;
import io.github.relayai.testsupport.LogCapture;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.prompt.Prompt;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * At TRACE, a successful call and stream log neither the prompt nor the completion text,
 * and neither they nor a failing run put the API key into observation attributes or logs.
 * The test gateway's own loggers (WireMock, Jetty) are excluded: they are the server's,
 * not the application's.
 */
class NothingSensitiveLoggedTest {

	@RegisterExtension
	static final Gateway gateway = new Gateway();

	private static final String KEY = "sk-relay-observed-5d2c8e1a9f";

	private static final String PROMPT = "prompt-text-71f3 about the quarterly numbers";

	private static final String COMPLETION = "completion-text-9a4e";

	@RegisterExtension
	final LogCapture logs = new LogCapture();

	@Test
	void promptCompletionAndKeyStayOutOfLogsAndObservations() {
		List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				stopped.add(context);
			}

		});
		RelayChatModel model = RelayChatModel.builder()
			.baseUrl(gateway.baseUrl())
			.apiKey(KEY)
			.defaultOptions(RelayChatOptions.builder().model("m").build())
			.observationRegistry(observations)
			.resilience(ResiliencePolicy.NONE)
			.build();

		gateway.stub(post(urlPathEqualTo("/v1/chat/completions")),
				com.github.tomakehurst.wiremock.client.WireMock.okJson(FaultSuiteTest.completion(COMPLETION)));
		assertThat(model.call(new Prompt(PROMPT)).getResult().getOutput().getText()).isEqualTo(COMPLETION);
		gateway.stubStream("/v1/chat/completions", "data: " + FaultSuiteTest.chunk(COMPLETION) + "\n\ndata: "
				+ FaultSuiteTest.finish() + "\n\ndata: [DONE]\n\n");
		model.stream(new Prompt(PROMPT)).blockLast(Duration.ofSeconds(30));
		gateway.stubJson("/v1/chat/completions", 401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY
				+ "\",\"type\":\"invalid_request_error\"," + "\"code\":\"invalid_api_key\"}}");
		assertThat(catchThrowable(() -> model.call(new Prompt(PROMPT)))).isNotNull();

		List<String> logged = new ArrayList<>();
		this.logs.events()
			.stream()
			.filter(event -> !event.getLoggerName().startsWith("com.github.tomakehurst")
					&& !event.getLoggerName().startsWith("wiremock")
					&& !event.getLoggerName().startsWith("org.eclipse"))
			.forEach(event -> {
				logged.add(event.getFormattedMessage());
				if (event.getThrowableProxy() != null) {
					logged.add(event.getThrowableProxy().getMessage());
				}
			});
		assertThat(logged).noneMatch(text -> text.contains(KEY) || text.contains(PROMPT) || text.contains(COMPLETION));

		List<String> attributes = new ArrayList<>();
		stopped.forEach(context -> {
			context.getAllKeyValues().forEach(kv -> attributes.add(kv.getKey() + "=" + kv.getValue()));
			attributes.add(String.valueOf(context.getError()));
		});
		assertThat(attributes).isNotEmpty().noneMatch(text -> text.contains(KEY));
		assertThat(attributes).noneMatch(text -> text.contains(PROMPT) || text.contains(COMPLETION));
	}

}
