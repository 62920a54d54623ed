package io.github.relayai.upstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.relayai.exchange.ChatExchange;
import io.github.relayai.exchange.ChatRequest;
import io.github.relayai.options.RelayChatOptions;
import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.RelayAiException;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import io.github.relayai.upstream.UpstreamPool.UpstreamStatus;
import io.github.relayai.upstream.UpstreamPool.Balancing;

/**
 * First-event and stall timeouts on virtual time, with upstreams that answer, stay silent
 * or stall after their first event.
 */
class UpstreamTimeoutTest {

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final ChatRequest request = new ChatRequest(List.of(new UserMessage("hi")),
			RelayChatOptions.builder().model("m").build());

	private static ChatResponse text(String text) {
		return new ChatResponse(List.of(new Generation(new AssistantMessage(text))));
	}

	/**
	 * An upstream whose streams emit the given elements, then do what {@code end} does.
	 */
	private static ChatExchange upstream(AtomicInteger sent, Flux<ChatResponse> stream) {
		return new ChatExchange() {

			@Override
			public Mono<ChatResponse> call(ChatRequest request) {
				return Mono.defer(() -> {
					sent.incrementAndGet();
					return stream.next();
				});
			}

			@Override
			public Flux<ChatResponse> stream(ChatRequest request) {
				return Flux.defer(() -> {
					sent.incrementAndGet();
					return stream;
				});
			}

		};
	}

	private UpstreamExchange exchange(Flux<ChatResponse> silent, AtomicInteger silentSent, Flux<ChatResponse> other,
			AtomicInteger otherSent) {
		Upstream a = Upstream.builder("a", "http://a.example")
			.weight(1000)
			.firstEventTimeout(Duration.ofMinutes(10))
			.stallTimeout(Duration.ofSeconds(30))
			.build();
		Upstream b = Upstream.builder("b", "http://b.example").build();
		return UpstreamExchange.builder()
			.pool(UpstreamPool.builder()
				.upstreams(List.of(a, b))
				.balancing(Balancing.LATENCY)
				.random(new java.util.Random(1))
				.build())
			.exchanges(
					upstream -> upstream.name().equals("a") ? upstream(silentSent, silent) : upstream(otherSent, other))
			.timer(this.time)
			.build();
	}

	@Test
	void silenceUntilTheFirstEventTimeoutMovesToAnotherUpstream() {
		AtomicInteger aSent = new AtomicInteger();
		AtomicInteger bSent = new AtomicInteger();
		UpstreamExchange exchange = exchange(Flux.never(), aSent, Flux.just(text("from b")), bSent);
		// latency balancing with no samples yet: a and b tie, a's weight makes a the
		// first pick
		List<String> texts = new ArrayList<>();
		Disposable stream = exchange.stream(this.request)
			.subscribe(response -> texts.add(response.getResult().getOutput().getText()));
		this.time.advanceTimeBy(Duration.ofMinutes(9));
		assertThat(texts).isEmpty();
		this.time.advanceTimeBy(Duration.ofMinutes(1));
		assertThat(texts).containsExactly("from b");
		assertThat(aSent).hasValue(1);
		assertThat(exchange.pool().status("a")).isEqualTo(UpstreamStatus.UP);
		stream.dispose();
	}

	@Test
	void aStallAfterTheFirstEventFailsTheStreamTypedWithoutMovingOn() {
		AtomicInteger aSent = new AtomicInteger();
		AtomicInteger bSent = new AtomicInteger();
		UpstreamExchange exchange = exchange(Flux.concat(Flux.just(text("partial")), Flux.never()), aSent,
				Flux.just(text("from b")), bSent);
		List<String> texts = new ArrayList<>();
		List<Throwable> failures = new ArrayList<>();
		exchange.stream(this.request)
			.subscribe(response -> texts.add(response.getResult().getOutput().getText()), failures::add);
		this.time.advanceTimeBy(Duration.ofSeconds(29));
		assertThat(failures).isEmpty();
		this.time.advanceTimeBy(Duration.ofSeconds(1));
		assertThat(texts).containsExactly("partial");
		assertThat(failures).singleElement()
			.isInstanceOfSatisfying(RelayAiException.class,
					failure -> assertThat(failure.error().category()).isEqualTo(ErrorCategory.TIMEOUT));
		assertThat(failures.get(0).getMessage()).contains("read-idle-timeout");
		assertThat(bSent).hasValue(0);
	}

	@Test
	void aLongStreamWhoseGapsStayUnderTheStallTimeoutIsNeverCut() {
		AtomicInteger aSent = new AtomicInteger();
		Flux<ChatResponse> slowButLive = Flux.interval(Duration.ofSeconds(20), this.time)
			.take(30)
			.map(tick -> text("t" + tick));
		UpstreamExchange exchange = exchange(slowButLive, aSent, Flux.just(text("from b")), new AtomicInteger());
		List<String> texts = new ArrayList<>();
		List<Throwable> failures = new ArrayList<>();
		AtomicInteger completed = new AtomicInteger();
		exchange.stream(this.request)
			.subscribe(response -> texts.add(response.getResult().getOutput().getText()), failures::add,
					completed::incrementAndGet);
		this.time.advanceTimeBy(Duration.ofMinutes(11));
		assertThat(failures).isEmpty();
		assertThat(texts).hasSize(30).startsWith("t0").endsWith("t29");
		assertThat(completed).hasValue(1);
	}

}
