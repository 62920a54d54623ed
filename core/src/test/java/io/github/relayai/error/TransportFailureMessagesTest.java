package io.github.relayai.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.relayai.http.RelayHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Transport failures over real sockets say what failed, name the URL without any key,
 * give a hint of their own in English and Chinese, and keep their category and retry
 * behaviour.
 */
class TransportFailureMessagesTest {

	private static final String KEY = "sk-transport-test-0123456789abcdef";

	private static final byte[] BODY = "{\"model\":\"m\",\"messages\":[]}".getBytes(StandardCharsets.UTF_8);

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static WireMockServer plainHttp;

	@BeforeAll
	static void startPlainHttpServer() {
		plainHttp = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		plainHttp.start();
	}

	@AfterAll
	static void stopPlainHttpServer() {
		plainHttp.stop();
	}

	@Test
	void connectionRefusedNamesTheUrl() throws IOException {
		String base = "http://127.0.0.1:" + closedPort();
		RelayAiException failure = call(client(base, Locale.ENGLISH));
		assertFailure(failure, ErrorCategory.UNAVAILABLE, "Connection to " + base + "/v1/chat/completions refused");
		assertThat(failure.error().hint()).contains("Start the gateway").contains("spring.ai.relay.base-url");
		assertThat(failure).isInstanceOf(TransientRelayException.Unavailable.class);
		assertThat(failure.getMessage()).doesNotContain("ClosedChannelException")
			.doesNotContain("cannot take the request right now");
	}

	@Test
	void connectionRefusedInChinese() throws IOException {
		String base = "http://127.0.0.1:" + closedPort();
		RelayAiException failure = call(client(base, Locale.SIMPLIFIED_CHINESE));
		assertFailure(failure, ErrorCategory.UNAVAILABLE, "连接 " + base + "/v1/chat/completions 被拒绝");
		assertThat(failure.error().hint()).contains("请启动网关");
	}

	@Test
	void unknownHostNamesTheUrl() {
		RelayAiException failure = call(client("http://relay-gateway.invalid", Locale.ENGLISH));
		assertFailure(failure, ErrorCategory.UNAVAILABLE,
				"Unknown host in http://relay-gateway.invalid/v1/chat/completions");
		assertThat(failure.error().hint()).contains("host name").contains("DNS");
	}

	@Test
	void tlsHandshakeWithAPlainHttpPortNamesTheUrl() {
		String base = "https://127.0.0.1:" + plainHttp.port();
		RelayAiException failure = call(client(base, Locale.ENGLISH));
		assertFailure(failure, ErrorCategory.UNAVAILABLE, "TLS handshake with " + base + "/v1/chat/completions failed");
		assertThat(failure.error().hint()).contains("http://");
		assertThat(call(client(base, Locale.SIMPLIFIED_CHINESE)).error().hint()).contains("TLS");
	}

	@Test
	void proxyRefusingTheTunnelNamesTheUrl() throws IOException {
		try (ServerSocket proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			Thread server = new Thread(() -> refuseTunnels(proxy), "refusing-proxy");
			server.setDaemon(true);
			server.start();
			RelayHttpClient client = RelayHttpClient.builder()
				.baseUrl("https://api.gateway.example")
				.apiKey(KEY)
				.proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.getLocalPort())))
				.classifier(new ProviderErrorClassifier(Locale.ENGLISH))
				.build();
			RelayAiException failure = call(client);
			assertFailure(failure, ErrorCategory.UNAVAILABLE,
					"The proxy refused to connect to https://api.gateway.example/v1/chat/completions");
			assertThat(failure.error().message()).contains("403");
			assertThat(failure.error().hint()).contains("spring.ai.relay.proxy");
		}
	}

	@Test
	void connectTimeoutOverARealSocketNamesTheUrlAndStaysATimeout() throws IOException {
		try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			List<Socket> backlog = new ArrayList<>();
			try {
				// Linux drops further SYNs once a never-accepting listener's backlog is
				// full, so connecting times out; elsewhere the test does not apply.
				assumeTrue(fillBacklog(listener, backlog), "the OS does not drop connections to a full backlog");
				String base = "http://127.0.0.1:" + listener.getLocalPort();
				RelayHttpClient client = RelayHttpClient.builder()
					.baseUrl(base)
					.apiKey(KEY)
					.connectTimeout(Duration.ofMillis(200))
					.classifier(new ProviderErrorClassifier(Locale.ENGLISH))
					.build();
				RelayAiException failure = call(client);
				assertFailure(failure, ErrorCategory.TIMEOUT,
						"Connecting to " + base + "/v1/chat/completions timed out");
				assertThat(failure).isInstanceOf(TransientRelayException.Timeout.class);
			}
			finally {
				for (Socket socket : backlog) {
					socket.close();
				}
			}
		}
	}

	@Test
	void connectTimeoutNamesTheUrlAndStaysATimeout() {
		ProviderError error = new ProviderErrorClassifier(Locale.ENGLISH).classifyTransport(
				new HttpConnectTimeoutException("HTTP connect timed out"), "m", "/v1/chat/completions",
				java.net.URI.create("https://user:" + KEY + "@10.255.255.1:8443/v1/chat/completions?key=" + KEY));
		assertThat(error.category()).isEqualTo(ErrorCategory.TIMEOUT);
		assertThat(error.retryable()).isTrue();
		assertThat(error.message()).startsWith("Connecting to https://10.255.255.1:8443/v1/chat/completions timed out");
		assertThat(error.hint()).contains("spring.ai.relay.connect-timeout");
		RelayAiException failure = RelayAiException.of(error, null);
		assertThat(failure).isInstanceOf(TransientRelayException.Timeout.class);
		assertThat(failure.getMessage() + error).doesNotContain(KEY).doesNotContain("user:");
	}

	@Test
	void urlNamedBySpringsWrapperIsUsedWithoutUserInfo() throws IOException {
		// Spring's RestClient wraps I/O failures as ResourceAccessException("I/O error on
		// POST request for \"<url>\": <message>"); the advisor sees only that chain.
		String port = Integer.toString(closedPort());
		Throwable failure = new RuntimeException("I/O error on POST request for \"http://relay:" + KEY + "@127.0.0.1:"
				+ port + "/v1/chat/completions\": null", new java.net.ConnectException());
		ProviderError error = new ProviderErrorClassifier(Locale.ENGLISH).classifyTransport(failure, "m", null);
		assertThat(error.message())
			.startsWith("Connection to http://127.0.0.1:" + port + "/v1/chat/completions refused")
			.doesNotContain(KEY);
		assertThat(error.category()).isEqualTo(ErrorCategory.UNAVAILABLE);
	}

	@Test
	void userInfoInTheBaseUrlIsNeverShown() throws IOException {
		RelayAiException failure = call(client("http://relay:" + KEY + "@127.0.0.1:" + closedPort(), Locale.ENGLISH));
		assertThat(failure.getMessage()).contains("http://127.0.0.1:").doesNotContain(KEY).doesNotContain("relay:");
	}

	private static void assertFailure(RelayAiException failure, ErrorCategory category, String messageStart) {
		ProviderError error = failure.error();
		assertThat(error.category()).isEqualTo(category);
		assertThat(error.retryable()).isTrue();
		assertThat(error.httpStatus()).isZero();
		assertThat(error.message()).startsWith(messageStart);
		assertThat(failure.getMessage()).startsWith(error.hint()).contains(messageStart);
		assertThat(failure.getMessage() + error).doesNotContain(KEY);
	}

	private static RelayHttpClient client(String baseUrl, Locale locale) {
		return RelayHttpClient.builder()
			.baseUrl(baseUrl)
			.apiKey(KEY)
			.connectTimeout(Duration.ofSeconds(10))
			.classifier(new ProviderErrorClassifier(locale))
			.build();
	}

	private static RelayAiException call(RelayHttpClient client) {
		return catchThrowableOfType(RelayAiException.class,
				() -> client.postJson("/v1/chat/completions", BODY, Map.of(), "m").block(WAIT));
	}

	/** Connects until the listener's backlog is full: true once a connect times out. */
	private static boolean fillBacklog(ServerSocket listener, List<Socket> backlog) throws IOException {
		InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
		for (int i = 0; i < 8; i++) {
			Socket socket = new Socket();
			backlog.add(socket);
			try {
				socket.connect(address, 200);
			}
			catch (SocketTimeoutException ex) {
				return true;
			}
		}
		return false;
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/**
	 * A proxy that answers every CONNECT with 403 Forbidden, as a filtering proxy does.
	 */
	private static void refuseTunnels(ServerSocket proxy) {
		while (!proxy.isClosed()) {
			try (Socket socket = proxy.accept()) {
				InputStream in = socket.getInputStream();
				byte[] request = new byte[4096];
				int read = in.read(request);
				if (read > 0) {
					OutputStream out = socket.getOutputStream();
					out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
						.getBytes(StandardCharsets.US_ASCII));
					out.flush();
				}
			}
			catch (IOException ex) {
				// closed at the end of the test
			}
		}
	}

}
