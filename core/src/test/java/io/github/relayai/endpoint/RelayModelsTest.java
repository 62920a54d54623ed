package io.github.relayai.endpoint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.relayai.http.RelayHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RelayModels} against a WireMock gateway whose {@code /v1/models} answer the test
 * holds back.
 */
class RelayModelsTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	// the shape new-api documents for GET /v1/models, with supported_endpoint_types
	private static final String MODELS = """
			{"object":"list","success":true,"data":[{"id":"gpt-5.2-pro","object":"model","created":1626777600,
			"owned_by":"openai","supported_endpoint_types":["openai-response"]}]}""";

	private final HeldModels held = new HeldModels();

	private final WireMockServer gateway = new WireMockServer(options().dynamicPort().extensions(this.held));

	private final ExecutorService callers = Executors.newFixedThreadPool(2);

	@AfterEach
	void stop() throws InterruptedException {
		this.held.release.countDown();
		this.callers.shutdownNow();
		this.callers.awaitTermination(30, TimeUnit.SECONDS);
		this.gateway.stop();
	}

	@ParameterizedTest(name = "gateway lists its models: {0}")
	@ValueSource(booleans = { true, false })
	void callersThatWaitedForTheListGoOnAtTheSameTimeNotOneAfterAnother(boolean listed) throws Exception {
		this.gateway.start();
		// not listed: the body Go's net/http (http.NotFound) sends for an unknown path
		this.gateway.stubFor(get(urlPathEqualTo(RelayModels.PATH))
			.willReturn(listed ? okJson(MODELS) : notFound().withBody("404 page not found")));
		RelayModels models = new RelayModels(RelayHttpClient.builder().baseUrl(this.gateway.baseUrl() + "/v1").build());
		int waiting = 4;
		// each caller goes on only once every caller has its list: handed the list one
		// after another on one thread, the first would wait for the others for ever
		CountDownLatch allHaveIt = new CountDownLatch(waiting + 1);
		Mono<Set<Endpoint>> endpoints = models.endpoints("gpt-5.2-pro").map(found -> {
			allHaveIt.countDown();
			try {
				allHaveIt.await(WAIT.toSeconds(), TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return found;
		});
		// the first caller, on a thread that may block, makes the list be fetched
		Future<Set<Endpoint>> first = this.callers.submit(() -> endpoints.block(WAIT));
		assertThat(this.held.arrived.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		List<Disposable> others = new ArrayList<>();
		for (int i = 0; i < waiting; i++) {
			others.add(endpoints.subscribe());
		}

		this.held.release.countDown();

		assertThat(first.get(WAIT.toSeconds(), TimeUnit.SECONDS))
			.isEqualTo(listed ? Set.of(Endpoint.RESPONSES) : Set.of());
		assertThat(allHaveIt.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(this.held.requests).hasValue(1);
		others.forEach(Disposable::dispose);
	}

	/** Holds the models request until the test releases it. */
	static final class HeldModels implements ResponseDefinitionTransformerV2 {

		final CountDownLatch arrived = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		final AtomicInteger requests = new AtomicInteger();

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			this.requests.incrementAndGet();
			this.arrived.countDown();
			try {
				this.release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return serveEvent.getResponseDefinition();
		}

		@Override
		public String getName() {
			return "held-models";
		}

	}

}
