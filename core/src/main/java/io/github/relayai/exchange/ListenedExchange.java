package io.github.relayai.exchange;

import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.RelayAiException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import io.github.relayai.exchange.RequestListener.RequestRecord;

/**
 * Reports every request of another {@link ChatExchange} to a {@link RequestListener},
 * exactly once.
 */
final class ListenedExchange implements ChatExchange {

	private static final Logger logger = LoggerFactory.getLogger(ListenedExchange.class);

	private final ChatExchange delegate;

	private final RequestListener listener;

	ListenedExchange(ChatExchange delegate, RequestListener listener) {
		this.delegate = delegate;
		this.listener = listener;
	}

	@Override
	public Mono<ChatResponse> call(ChatRequest request) {
		return Mono.defer(() -> {
			Tracker tracker = new Tracker(request, false);
			return this.delegate.call(request)
				.doOnSuccess(tracker::succeeded)
				.doOnError(tracker::failed)
				.doOnCancel(tracker::cancelled);
		});
	}

	@Override
	public Flux<ChatResponse> stream(ChatRequest request) {
		return Flux.defer(() -> {
			Tracker tracker = new Tracker(request, true);
			return this.delegate.stream(request)
				.doOnNext(tracker::element)
				.doOnComplete(() -> tracker.succeeded(null))
				.doOnError(tracker::failed)
				.doOnCancel(tracker::cancelled);
		});
	}

	/** The state of one request. */
	private final class Tracker {

		private final long start = System.nanoTime();

		private final AtomicBoolean reported = new AtomicBoolean();

		private final boolean stream;

		private String model;

		private String endpoint;

		private String responseModel;

		private Usage usage;

		private Integer reasoningTokens;

		private String upstream;

		private long firstToken = -1;

		Tracker(ChatRequest request, boolean stream) {
			this.model = request.model();
			this.stream = stream;
		}

		void element(ChatResponse response) {
			if (this.firstToken < 0 && !response.getResults().isEmpty()) {
				this.firstToken = System.nanoTime();
			}
			if (this.endpoint == null) {
				this.endpoint = response.getMetadata().get(ENDPOINT_KEY);
				String answered = response.getMetadata().get(MODEL_KEY);
				this.model = (answered != null) ? answered : this.model;
				this.upstream = response.getMetadata().get(UPSTREAM_KEY);
			}
			Usage reported = response.getMetadata().getUsage();
			if (reported != null && reported.getTotalTokens() != null && reported.getTotalTokens() > 0) {
				this.usage = reported;
				this.reasoningTokens = response.getMetadata().get(REASONING_TOKENS_KEY);
			}
			if (this.responseModel == null) {
				String named = response.getMetadata().getModel();
				this.responseModel = (named != null && !named.isEmpty()) ? named : null;
			}
		}

		void succeeded(ChatResponse response) {
			if (response != null) {
				element(response);
			}
			report(RequestRecord.Outcome.SUCCESS, null);
		}

		void failed(Throwable failure) {
			ErrorCategory category = null;
			if (failure instanceof RelayAiException relay) {
				category = relay.error().category();
				this.model = (relay.error().model() != null) ? relay.error().model() : this.model;
				this.endpoint = (relay.error().endpoint() != null) ? relay.error().endpoint() : this.endpoint;
			}
			report(RequestRecord.Outcome.FAILURE, category);
		}

		void cancelled() {
			report(RequestRecord.Outcome.CANCELLED, null);
		}

		private void report(RequestRecord.Outcome outcome, ErrorCategory category) {
			if (!this.reported.compareAndSet(false, true)) {
				return;
			}
			long end = System.nanoTime();
			Optional<Duration> timeToFirstToken = (this.stream && this.firstToken >= 0)
					? Optional.of(Duration.ofNanos(this.firstToken - this.start)) : Optional.empty();
			RequestRecord record = new RequestRecord(this.model, Optional.ofNullable(this.responseModel),
					Optional.ofNullable(this.endpoint), this.stream, outcome, Optional.ofNullable(category),
					Duration.ofNanos(end - this.start), timeToFirstToken, Optional.ofNullable(this.usage),
					Optional.ofNullable(this.reasoningTokens), Optional.ofNullable(this.upstream));
			try {
				ListenedExchange.this.listener.onRequest(record);
			}
			catch (RuntimeException ex) {
				logger.warn("A Relay RequestListener failed; the request itself is unaffected", ex);
			}
		}

	}

}
