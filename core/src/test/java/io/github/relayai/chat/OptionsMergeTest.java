package io.github.relayai.chat;

import io.github.relayai.options.RelayChatOptions;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.relayai.testsupport.Fixtures;
import io.github.relayai.testsupport.Gateway;
import io.github.relayai.testsupport.OpenAiSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request's options merge field by field over the configured ones, whichever way they
 * are passed: the request's value wins where it is set, the configured one stays where it
 * is not (temperature, extra body fields, headers, stream usage).
 */
class OptionsMergeTest {

	@RegisterExtension
	static final Gateway gateway = new Gateway();

	private static final String PATH = "/v1/chat/completions";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RelayChatModel model = gateway.modelBuilder()
		.defaultOptions(RelayChatOptions.builder()
			.model("gpt-4.1-nano")
			.temperature(0.3)
			.maxTokens(512)
			.streamUsage(true)
			.extraBody(Map.of("top_k", 20))
			.httpHeaders(Map.of("X-Tenant", "acme"))
			.build())
		.build();

	private LoggedRequest call(Consumer<RelayChatModel> call) {
		gateway.stubJson(PATH, 200, Fixtures.response("openai-text-usage-details.json"));
		call.accept(this.model);
		return gateway.requests().get(0);
	}

	private static JsonNode body(LoggedRequest request) {
		String body = request.getBodyAsString();
		OpenAiSpec.assertValid("CreateChatCompletionRequest", body);
		return JSON.readTree(body);
	}

	/** The request's max tokens won; every configured field it did not set stayed. */
	private static void assertMerged(LoggedRequest request) {
		JsonNode body = body(request);
		assertThat(body.get("max_tokens").asInt()).isEqualTo(16);
		assertThat(body.get("temperature").asDouble()).isEqualTo(0.3);
		assertThat(body.get("top_k").asInt()).isEqualTo(20);
		assertThat(body.get("model").stringValue()).isEqualTo("gpt-4.1-nano");
		assertThat(request.getHeader("X-Tenant")).isEqualTo("acme");
	}

	@Test
	void relayOptionsInThePrompt() {
		LoggedRequest request = call(model -> model.call(new Prompt("hi",
				RelayChatOptions.builder()
					.maxTokens(16)
					.extraBody(Map.of("min_p", 0.1))
					.httpHeaders(Map.of("X-Trace", "t1"))
					.build())));
		assertMerged(request);
		assertThat(body(request).get("min_p").asDouble()).as("extra body merges key by key").isEqualTo(0.1);
		assertThat(request.getHeader("X-Trace")).as("headers merge key by key").isEqualTo("t1");
	}

	@Test
	void relayOptionsWinWhereTheyAreSet() {
		JsonNode body = body(call(model -> model.call(new Prompt("hi",
				RelayChatOptions.builder().model("gpt-4o").temperature(0.9).extraBody(Map.of("top_k", 5)).build()))));
		assertThat(body.get("model").stringValue()).isEqualTo("gpt-4o");
		assertThat(body.get("temperature").asDouble()).isEqualTo(0.9);
		assertThat(body.get("top_k").asInt()).isEqualTo(5);
		assertThat(body.get("max_tokens").asInt()).isEqualTo(512);
	}

	@Test
	void portableOptionsInThePrompt() {
		assertMerged(call(model -> model.call(new Prompt("hi", ChatOptions.builder().maxTokens(16).build()))));
	}

	@Test
	void toolCallingOptionsInThePrompt() {
		assertMerged(
				call(model -> model.call(new Prompt("hi", ToolCallingChatOptions.builder().maxTokens(16).build()))));
	}

	@Test
	void chatClientRequestOptions() {
		assertMerged(call(model -> ChatClient.create(model)
			.prompt("hi")
			.options(RelayChatOptions.builder().maxTokens(16))
			.call()
			.content()));
	}

	@Test
	void chatClientDefaultOptions() {
		assertMerged(call(model -> ChatClient.builder(model)
			.defaultOptions(RelayChatOptions.builder().maxTokens(16))
			.build()
			.prompt("hi")
			.call()
			.content()));
	}

	@Test
	void aStreamWithRelayOptionsKeepsItsUsage() {
		gateway.stubStream(PATH, Fixtures.streamBytes("openai-chat-text-usage.sse"));
		List<?> responses = this.model.stream(new Prompt("hi", RelayChatOptions.builder().maxTokens(16).build()))
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(responses).isNotEmpty();
		JsonNode body = body(gateway.requests().get(0));
		assertThat(body.get("stream_options").get("include_usage").asBoolean()).isTrue();
		assertThat(body.get("temperature").asDouble()).isEqualTo(0.3);
		assertThat(body.get("top_k").asInt()).isEqualTo(20);
		assertThat(body.get("max_tokens").asInt()).isEqualTo(16);
	}

}
