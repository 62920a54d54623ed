package io.github.relayai.resilience;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import io.github.relayai.chat.RelayChatModel;
import io.github.relayai.options.RelayChatOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import io.github.relayai.testsupport.Answers;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * A WireMock gateway over real HTTP, with answers in OpenAI's format, and a thread pool
 * for the blocking {@code call}s of the tests.
 */
final class Gateway implements AutoCloseable {

	static final String PATH = "/v1/chat/completions";

	final WireMockServer server;

	private final ExecutorService callers = Executors.newCachedThreadPool();

	Gateway(Extension... extensions) {
		this.server = new WireMockServer(
				WireMockConfiguration.options().dynamicPort().containerThreads(24).extensions(extensions));
		this.server.start();
	}

	/** A model calling this gateway for model {@code m} with the given policy. */
	RelayChatModel.Builder model(ResiliencePolicy policy) {
		return RelayChatModel.builder()
			.baseUrl(this.server.baseUrl())
			.apiKey("sk-test")
			.defaultOptions(RelayChatOptions.builder().model("m").build())
			.resilience(policy);
	}

	/** Calls the model on another thread. */
	CompletableFuture<ChatResponse> callAsync(RelayChatModel model) {
		return CompletableFuture.supplyAsync(() -> model.call(new Prompt("hi")), this.callers);
	}

	/** Plain (non-streaming) requests. */
	static MappingBuilder plain() {
		return post(PATH).withRequestBody(notContaining("\"stream\":true"));
	}

	/** Streaming requests. */
	static MappingBuilder streaming() {
		return post(PATH).withRequestBody(containing("\"stream\":true"));
	}

	static ResponseDefinitionBuilder completion(String text) {
		return Answers.completion(text);
	}

	static ResponseDefinitionBuilder events(String... data) {
		return Answers.events(data);
	}

	static String chunk(String content) {
		return Answers.chunk(content);
	}

	static String finish() {
		return "{\"id\":\"s1\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":[{\"index\":0,"
				+ "\"delta\":{},\"finish_reason\":\"stop\"}]}";
	}

	static ResponseDefinitionBuilder error(int status, String type, String code, String message) {
		return Answers.error(status, type, code, message);
	}

	int requests() {
		return this.server.countRequestsMatching(postRequestedFor(urlEqualTo(PATH)).build()).getCount();
	}

	@Override
	public void close() throws InterruptedException {
		this.callers.shutdownNow();
		this.callers.awaitTermination(10, TimeUnit.SECONDS);
		this.server.stop();
	}

}
