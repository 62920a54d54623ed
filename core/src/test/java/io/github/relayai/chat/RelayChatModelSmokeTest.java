package io.github.relayai.chat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

class RelayChatModelSmokeTest {

	WireMockServer server;

	@BeforeEach
	void start() {
		server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop();
	}

	@Test
	void callAndStream() {
		server.stubFor(post("/v1/chat/completions").withRequestBody(notContaining("\"stream\""))
			.willReturn(okJson("{\"id\":\"c1\",\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hello\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}")));
		server.stubFor(post("/v1/chat/completions").withRequestBody(containing("\"stream\":true"))
			.willReturn(ok("data: {\"id\":\"c2\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}\n\n: keep-alive\n\ndata: {\"id\":\"c2\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}\n\ndata: {\"id\":\"c2\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n")
				.withHeader("Content-Type", "text/event-stream")));
		RelayChatModel model = RelayChatModel.builder()
			.baseUrl(server.baseUrl() + "/v1/")
			.apiKey("sk-test")
			.defaultOptions(RelayChatOptions.builder().model("m").build())
			.build();
		ChatResponse response = model.call(new Prompt("hi"));
		assertThat(response.getResult().getOutput().getText()).isEqualTo("Hello");
		assertThat(response.getMetadata().getUsage().getTotalTokens()).isEqualTo(4);
		String streamed = String.join("", model.stream(new Prompt("hi")).map(r -> r.getResult() == null ? "" : r.getResult().getOutput().getText()).collectList().block());
		assertThat(streamed).isEqualTo("Hello");
	}

}
