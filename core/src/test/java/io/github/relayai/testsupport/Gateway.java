package io.github.relayai.testsupport;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.relayai.chat.RelayChatModel;
import io.github.relayai.options.RelayChatOptions;
import io.github.relayai.resilience.ResiliencePolicy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * A WireMock gateway over real HTTP for tests. After each test, every request body sent
 * to an OpenAI endpoint is validated against OpenAI's published OpenAPI document (a test
 * resource of this module), so no test can send a body the real API would reject.
 * <p>
 * Register with {@code @RegisterExtension static final Gateway gateway = new Gateway();}.
 */
public final class Gateway implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

	/** The schema that validates each endpoint's request body. */
	private static final Map<String, String> SCHEMAS = Map.of("/v1/chat/completions", "CreateChatCompletionRequest",
			"/v1/completions", "CreateCompletionRequest", "/v1/responses", "CreateResponse");

	private WireMockServer server;

	@Override
	public void beforeAll(ExtensionContext context) {
		this.server = new WireMockServer(
				WireMockConfiguration.options().dynamicPort().asynchronousResponseEnabled(true));
		this.server.start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.server.stop();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.server.resetAll();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		for (LoggedRequest request : requests()) {
			String schema = SCHEMAS.get(request.getUrl());
			if (schema != null && request.getMethod().getName().equals("POST")) {
				OpenAiSpec.assertValid(schema, request.getBodyAsString());
			}
		}
	}

	/**
	 * @return the WireMock server
	 */
	public WireMockServer server() {
		return this.server;
	}

	/**
	 * @return the gateway's base URL
	 */
	public String baseUrl() {
		return this.server.baseUrl();
	}

	/**
	 * @return the requests received so far, oldest first
	 */
	public List<LoggedRequest> requests() {
		List<LoggedRequest> requests = new java.util.ArrayList<>(
				this.server.getAllServeEvents().stream().map(ServeEvent::getRequest).toList());
		java.util.Collections.reverse(requests);
		return requests;
	}

	/**
	 * A model pointed at this gateway with model id {@code test-model}.
	 * @return the model
	 */
	public RelayChatModel model() {
		return modelBuilder().build();
	}

	/**
	 * A builder pointed at this gateway, for further settings. Each request is sent once
	 * (no resilience policy), so tests of the foundation never wait for a backoff; the
	 * resilience tests install their own policy with a virtual clock.
	 * @return the builder
	 */
	public RelayChatModel.Builder modelBuilder() {
		return RelayChatModel.builder()
			.resilience(ResiliencePolicy.NONE)
			.baseUrl(baseUrl() + "/v1")
			.apiKey("sk-test-gateway-key")
			.defaultOptions(RelayChatOptions.builder().model("test-model").build());
	}

	/**
	 * Stubs {@code path} to answer with an SSE body.
	 * @param path the API path
	 * @param sse the body
	 */
	public void stubStream(String path, byte[] sse) {
		stub(post(urlPathEqualTo(path)),
				aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(sse));
	}

	/**
	 * Stubs {@code path} to answer with an SSE body.
	 * @param path the API path
	 * @param sse the body
	 */
	public void stubStream(String path, String sse) {
		stubStream(path, sse.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Stubs {@code path} to answer with a status and JSON body.
	 * @param path the API path
	 * @param status the status
	 * @param json the body
	 */
	public void stubJson(String path, int status, String json) {
		stub(post(urlPathEqualTo(path)),
				aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(json));
	}

	/**
	 * Adds a stub.
	 * @param request the request matcher
	 * @param response the response
	 */
	public void stub(MappingBuilder request, ResponseDefinitionBuilder response) {
		this.server.stubFor(request.willReturn(response));
	}

}
