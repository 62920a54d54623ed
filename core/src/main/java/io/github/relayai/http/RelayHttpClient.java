package io.github.relayai.http;

import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.ProviderError;
import io.github.relayai.error.ProviderErrorClassifier;
import io.github.relayai.error.RelayAiException;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * HTTP transport to an OpenAI-compatible gateway on top of the JDK {@link HttpClient}:
 * JSON posts, server-sent-event streams and GETs, each failing with a typed
 * {@link RelayAiException}.
 * <p>
 * The read timeout is an idle timeout: it bounds the wait for the response headers and
 * for each further piece of the body, so a long but live stream (keep-alive comments
 * included) is never cut off, while a stalled one is. Nothing happens until the returned
 * publisher is subscribed, and cancelling it aborts the exchange.
 */
public final class RelayHttpClient {

	/** The {@code User-Agent} Relay sends. */
	public static final String USER_AGENT = "relay-ai/0.1";

	private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host",
			"upgrade");

	private static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

	/** Request templates kept: one per endpoint and accepted type is a handful. */
	private static final int MAX_TEMPLATES = 32;

	private final BaseUrl baseUrl;

	private final ApiKey apiKey;

	private final Duration readIdleTimeout;

	private final IdleWatch idle;

	private final Map<String, String> headers;

	private final int maxResponseBytes;

	private final HttpClient client;

	private final ProviderErrorClassifier classifier;

	private final Map<String, HttpRequest.Builder> templates = new ConcurrentHashMap<>();

	private RelayHttpClient(Builder builder) {
		this.baseUrl = BaseUrl.parse(builder.baseUrl);
		this.apiKey = builder.apiKey;
		this.readIdleTimeout = positive(builder.readIdleTimeout, "readIdleTimeout");
		this.idle = new IdleWatch(this.readIdleTimeout);
		this.headers = Map.copyOf(checkHeaders(builder.headers));
		if (builder.maxResponseBytes <= 0) {
			throw new IllegalArgumentException(
					"maxResponseBytes must be positive, but was " + builder.maxResponseBytes);
		}
		this.maxResponseBytes = builder.maxResponseBytes;
		this.classifier = (builder.classifier != null) ? builder.classifier : new ProviderErrorClassifier();
		this.client = (builder.httpClient != null) ? builder.httpClient : newClient(builder, this.baseUrl);
	}

	private static HttpClient newClient(Builder builder, BaseUrl baseUrl) {
		HttpClient.Builder client = HttpClient.newBuilder()
			.connectTimeout(positive(builder.connectTimeout, "connectTimeout"))
			.followRedirects(HttpClient.Redirect.NORMAL)
			// h2c upgrade on plain http confuses many gateways and proxies; https
			// negotiates HTTP/2 by ALPN
			.version("http".equals(baseUrl.root().getScheme()) ? HttpClient.Version.HTTP_1_1
					: HttpClient.Version.HTTP_2);
		if (builder.proxy != null) {
			client.proxy(builder.proxy);
		}
		return client.build();
	}

	private static Duration positive(Duration duration, String property) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(
					property + " must be a positive duration, such as " + "30s or 2m, but was " + duration);
		}
		return duration;
	}

	private static Map<String, String> checkHeaders(Map<String, String> headers) {
		headers.forEach((name, value) -> {
			String lower = name.toLowerCase(Locale.ROOT);
			if (RESTRICTED_HEADERS.contains(lower) || lower.equals("authorization")) {
				throw new IllegalArgumentException("Header '" + name + "' cannot be set in headers"
						+ (lower.equals("authorization") ? ": use apiKey" : ": the HTTP client sets it"));
			}
		});
		return headers;
	}

	/**
	 * Creates a builder.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The gateway's base URL.
	 * @return the base URL
	 */
	public BaseUrl baseUrl() {
		return this.baseUrl;
	}

	/**
	 * The classifier that types failures.
	 * @return the classifier
	 */
	public ProviderErrorClassifier classifier() {
		return this.classifier;
	}

	/**
	 * Posts a JSON body and returns the JSON answer.
	 * @param path the API path, such as {@code /v1/chat/completions}
	 * @param body the request body
	 * @param extraHeaders per-request headers
	 * @param model the model, for error reports
	 * @return the response body
	 */
	public Mono<byte[]> postJson(String path, byte[] body, Map<String, String> extraHeaders, String model) {
		HttpRequest.Builder request = request(path, extraHeaders, "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		return answer(request, path, model);
	}

	/**
	 * Posts a JSON body and decodes the answer's server-sent events as they arrive;
	 * reading stops after {@code data: [DONE]}.
	 * @param <T> the decoded values
	 * @param path the API path
	 * @param body the request body (with {@code "stream": true})
	 * @param extraHeaders per-request headers
	 * @param model the model, for error reports
	 * @param decoders creates the decoder of each subscription (each attempt of a retried
	 * stream)
	 * @return the decoded values; fails with a typed exception, never completes early
	 * without saying so
	 */
	public <T> Flux<T> postForStream(String path, byte[] body, Map<String, String> extraHeaders, String model,
			Supplier<? extends SseDecoder<T>> decoders) {
		HttpRequest request = request(path, extraHeaders, "text/event-stream").timeout(this.readIdleTimeout)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		return sendAsync(request, info -> new StreamBody(), CompletableFuture::completedStage)
			.onErrorMap(ex -> !(ex instanceof RelayAiException), ex -> transportFailure(ex, path, model))
			.flatMapMany(response -> {
				if (response.status() / 100 != 2) {
					return readError(response.body(), path, model)
						.flatMapMany(text -> Flux.error(statusFailure(response, text, path, model)));
				}
				return Flux.defer(() -> decode(response, decoders.get(), path, model));
			});
	}

	/**
	 * Feeds each network read to the parser and the decoder, so that every read yields
	 * its values in one batch.
	 */
	private <T> Flux<T> decode(Received<StreamBody> response, SseDecoder<T> decoder, String path, String model) {
		SseStream<T> stream = new SseStream<>(new SseParser(this.maxResponseBytes), decoder);
		return bytes(new DrainingBody(response.body(), stream::isStopped, this.idle), path, model).map(stream::read)
			.takeUntil(values -> stream.isStopped())
			.concatWith(Mono.fromSupplier(stream::end))
			.concatMapIterable(values -> values)
			.concatWith(Mono.defer(stream::failure))
			.onErrorMap(SseParser.SseSizeException.class, ex -> tooLarge(path, model, ex))
			.onErrorMap(SseParser.SseEncodingException.class, ex -> RelayAiException.of(
					this.classifier.classify(response.status(), response.headers().map(), ex.getMessage(), model, path),
					ex));
	}

	/**
	 * Sends a GET and returns the JSON answer.
	 * @param path the API path, such as {@code /v1/models}
	 * @return the response body
	 */
	public Mono<byte[]> get(String path) {
		return answer(request(path, Map.of(), "application/json").GET(), path, null);
	}

	/**
	 * A request to the path with every header set. The URI and the fixed headers are
	 * parsed and checked once per path and accepted type; each request copies that
	 * template.
	 */
	private HttpRequest.Builder request(String path, Map<String, String> extraHeaders, String accept) {
		String key = accept + ' ' + path;
		HttpRequest.Builder template = this.templates.get(key);
		if (template == null) {
			template = template(path, accept);
			if (this.templates.size() < MAX_TEMPLATES) {
				this.templates.putIfAbsent(key, template);
			}
		}
		HttpRequest.Builder builder = template.copy();
		checkHeaders(extraHeaders).forEach(builder::setHeader);
		return builder;
	}

	private HttpRequest.Builder template(String path, String accept) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(this.baseUrl.resolve(path))
			.header("Content-Type", "application/json")
			.header("Accept", accept)
			.header("User-Agent", USER_AGENT);
		if (this.apiKey.isPresent()) {
			builder.header("Authorization", "Bearer " + this.apiKey.reveal());
		}
		this.headers.forEach(builder::setHeader);
		return builder;
	}

	/**
	 * Sends the request and reads the whole answer inside the JDK client
	 * ({@link BoundedBody}).
	 * <p>
	 * Subscribed from a thread that may block (as {@code ChatModel.call} does), the
	 * request is sent with the blocking {@link HttpClient#send}: the answer then arrives
	 * on the waiting thread with a single wake-up, as with the plainest use of the
	 * client. Subscribed on a non-blocking thread (Reactor's schedulers, event loops), it
	 * uses {@link HttpClient#sendAsync}, and the JDK client's request timeout bounds the
	 * wait for the headers.
	 */
	private Mono<byte[]> answer(HttpRequest.Builder request, String path, String model) {
		HttpResponse.BodyHandler<byte[]> handler = info -> (info.statusCode() / 100 == 2)
				? new BoundedBody(this.maxResponseBytes, () -> tooLarge(path, model, null), this.idle)
				: new BoundedBody(MAX_ERROR_BODY_BYTES, null, this.idle);
		return Mono
			.defer(() -> Schedulers.isInNonBlockingThread()
					? sendAsync(request.copy().timeout(this.readIdleTimeout).build(), handler::apply,
							HttpResponse.BodySubscriber::getBody)
					: Mono.fromCallable(() -> send(request.build(), handler)))
			.onErrorMap(ex -> !(ex instanceof RelayAiException),
					ex -> relayCause(ex).orElseGet(() -> transportFailure(ex, path, model)))
			.flatMap(response -> {
				if (response.status() / 100 == 2) {
					return Mono.just(response.body());
				}
				return Mono
					.error(statusFailure(response, new String(response.body(), StandardCharsets.UTF_8), path, model));
			});
	}

	/**
	 * The failure an answer with an error status stands for, typed from its status,
	 * headers and text.
	 */
	private RelayAiException statusFailure(Received<?> response, String text, String path, String model) {
		return RelayAiException
			.of(this.classifier.classify(response.status(), response.headers().map(), text, model, path), null);
	}

	/**
	 * Sends without blocking and hands over the response on the client's own thread as
	 * soon as {@code value} has it: at the end of a collected body, at once for a
	 * stream's body. The future of {@link HttpClient#sendAsync} completes on the common
	 * pool instead, which on machines with two cores or fewer starts a new thread for
	 * every request.
	 */
	private <T, S extends HttpResponse.BodySubscriber<T>, V> Mono<Received<V>> sendAsync(HttpRequest request,
			Function<HttpResponse.ResponseInfo, S> handler, Function<S, CompletionStage<V>> value) {
		return Mono.create(sink -> {
			CompletableFuture<HttpResponse<T>> exchange = this.client.sendAsync(request, info -> {
				S body = handler.apply(info);
				value.apply(body).whenComplete((received, failure) -> {
					if (failure != null) {
						sink.error(failure);
					}
					else {
						sink.success(new Received<>(info.statusCode(), info.headers(), received));
					}
				});
				return body;
			});
			exchange.whenComplete((response, failure) -> {
				if (failure != null) {
					sink.error(failure);
				}
			});
			sink.onCancel(() -> exchange.cancel(true));
		});
	}

	/**
	 * A failure the body subscriber raised itself, which the JDK client wraps in an
	 * {@code IOException}.
	 */
	private static java.util.Optional<RelayAiException> relayCause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof RelayAiException relay) {
				return java.util.Optional.of(relay);
			}
		}
		return java.util.Optional.empty();
	}

	/**
	 * Sends with the blocking {@link HttpClient#send}. The client's {@link IdleWatch}
	 * bounds the wait for the headers by interrupting the waiting thread, on which the
	 * JDK client aborts the exchange; a request timeout would instead wake the JDK
	 * client's selector thread for every request.
	 */
	private <T> Received<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws Exception {
		IdleTimer headers = this.idle.start(Thread.currentThread()::interrupt);
		try {
			HttpResponse<T> response = this.client.send(request, info -> {
				headers.stop();
				return handler.apply(info);
			});
			return new Received<>(response.statusCode(), response.headers(), response.body());
		}
		catch (InterruptedException ex) {
			if (headers.stop()) {
				throw this.idle.timeoutException();
			}
			Thread.currentThread().interrupt();
			throw ex;
		}
		finally {
			if (headers.stop()) {
				// the watch interrupted this thread for the timeout, not its caller: the
				// flag is not theirs
				Thread.interrupted();
			}
		}
	}

	/**
	 * A body's pieces as they arrive, failing with a timeout when none arrives for the
	 * read-idle timeout; one timer watches the whole body.
	 */
	private Flux<List<ByteBuffer>> bytes(Flow.Publisher<List<ByteBuffer>> body, String path, String model) {
		return Flux.defer(() -> {
			Sinks.Empty<Void> silence = Sinks.empty();
			IdleTimer idle = this.idle.start(silence::tryEmitEmpty);
			return JdkFlowAdapter.flowPublisherToFlux(body)
				.doOnNext(buffers -> idle.touch())
				.takeUntilOther(silence.asMono())
				.concatWith(
						Mono.defer(() -> idle.isExpired() ? Mono.error(this.idle.timeoutException()) : Mono.empty()))
				.doFinally(signal -> idle.stop());
		})
			.onErrorMap(ex -> !(ex instanceof RelayAiException) && !(ex instanceof SseParser.SseSizeException),
					ex -> transportFailure(ex, path, model));
	}

	/**
	 * The start of an error page that arrived as a stream, read as a whole answer's error
	 * page is.
	 */
	private Mono<String> readError(Flow.Publisher<List<ByteBuffer>> body, String path, String model) {
		return Mono.defer(() -> {
			BoundedBody page = new BoundedBody(MAX_ERROR_BODY_BYTES, null, this.idle);
			body.subscribe(page);
			return Mono.fromCompletionStage(page.getBody());
		})
			.map(bytes -> new String(bytes, StandardCharsets.UTF_8))
			.onErrorMap(ex -> !(ex instanceof RelayAiException), ex -> transportFailure(ex, path, model));
	}

	private RelayAiException transportFailure(Throwable failure, String path, String model) {
		return RelayAiException.of(this.classifier.classifyTransport(failure, model, path, this.baseUrl.resolve(path)),
				failure);
	}

	private RelayAiException tooLarge(String path, String model, Throwable cause) {
		ProviderError error = ProviderError.builder(io.github.relayai.error.ErrorCategory.SERVER_ERROR)
			.message("The answer exceeded " + this.maxResponseBytes + " bytes")
			.model(model)
			.endpoint(path)
			.hint("The gateway's answer exceeded maxResponseBytes (" + this.maxResponseBytes
					+ " bytes; spring.ai.relay.max-response-size); raise the limit if such answers are expected.")
			.build();
		return RelayAiException.of(error, cause);
	}

	/** A response's status, headers and body. */
	private record Received<T>(int status, java.net.http.HttpHeaders headers, T body) {
	}

	/**
	 * Builds a {@link RelayHttpClient}.
	 */
	public static final class Builder {

		private String baseUrl;

		private ApiKey apiKey = ApiKey.of(null);

		private Duration connectTimeout = Duration.ofSeconds(10);

		private Duration readIdleTimeout = Duration.ofMinutes(5);

		private Map<String, String> headers = Map.of();

		private ProxySelector proxy;

		private int maxResponseBytes = 32 * 1024 * 1024;

		private ProviderErrorClassifier classifier;

		private HttpClient httpClient;

		private Builder() {
		}

		/**
		 * The gateway root, with or without a trailing {@code /v1}.
		 * @param baseUrl the base URL
		 * @return this builder
		 */
		public Builder baseUrl(String baseUrl) {
			this.baseUrl = baseUrl;
			return this;
		}

		/**
		 * The API key sent as a bearer token.
		 * @param apiKey the key, may be {@code null} for gateways without authentication
		 * @return this builder
		 */
		public Builder apiKey(String apiKey) {
			this.apiKey = ApiKey.of(apiKey);
			return this;
		}

		/**
		 * How long to wait for a connection (default 10s).
		 * @param connectTimeout the timeout
		 * @return this builder
		 */
		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
			return this;
		}

		/**
		 * How long to wait for the response headers and for each further piece of the
		 * body, keep-alive comments included (default 5m); a silent wait ends after 1 to
		 * 1.1 times this.
		 * @param readIdleTimeout the timeout
		 * @return this builder
		 */
		public Builder readIdleTimeout(Duration readIdleTimeout) {
			this.readIdleTimeout = readIdleTimeout;
			return this;
		}

		/**
		 * Headers sent with every request.
		 * @param headers the headers
		 * @return this builder
		 */
		public Builder headers(Map<String, String> headers) {
			this.headers = (headers != null) ? headers : Map.of();
			return this;
		}

		/**
		 * The proxy to connect through.
		 * @param proxy the proxy selector, or {@code null} for none
		 * @return this builder
		 */
		public Builder proxy(ProxySelector proxy) {
			this.proxy = proxy;
			return this;
		}

		/**
		 * The largest answer (or single stream event) accepted (default 32 MB).
		 * @param maxResponseBytes the limit in bytes
		 * @return this builder
		 */
		public Builder maxResponseBytes(int maxResponseBytes) {
			this.maxResponseBytes = maxResponseBytes;
			return this;
		}

		/**
		 * The classifier that types failures (default: built-in rules, JVM locale).
		 * @param classifier the classifier
		 * @return this builder
		 */
		public Builder classifier(ProviderErrorClassifier classifier) {
			this.classifier = classifier;
			return this;
		}

		/**
		 * A preconfigured JDK client; connect timeout and proxy are then taken from it.
		 * @param httpClient the client
		 * @return this builder
		 */
		public Builder httpClient(HttpClient httpClient) {
			this.httpClient = httpClient;
			return this;
		}

		/**
		 * Builds the client.
		 * @return the client
		 * @throws IllegalArgumentException naming the setting when one is invalid
		 */
		public RelayHttpClient build() {
			return new RelayHttpClient(this);
		}

	}

}
