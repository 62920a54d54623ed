package io.github.relayai.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.core.Ordered;

/**
 * The advisor on the call and stream paths of a real {@link ChatClient}, over a chat
 * model that fails.
 */
class ProviderErrorAdvisorTest {

	private final ProviderErrorAdvisor advisor = new ProviderErrorAdvisor(new ProviderErrorClassifier(Locale.ENGLISH));

	@Test
	void relayExceptionsPassThroughUnchanged() {
		RelayAiException own = new TransientRelayException.QueueFull(new ProviderErrorClassifier(Locale.ENGLISH)
			.classify(429, null, "{\"error\":{\"code\":\"QUEUE_FULL\"}}"), null);
		assertThatThrownBy(() -> call(() -> own)).isSameAs(own);
		StepVerifier.create(stream(() -> own))
			.expectErrorSatisfies(e -> assertThat(e).isSameAs(own))
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void transportFailuresBecomeTypedOnBothPaths() {
		Supplier<RuntimeException> failure = () -> new CompletionException(new ConnectException("Connection refused"));
		assertThatThrownBy(() -> call(failure)).isInstanceOf(TransientRelayException.Unavailable.class)
			.hasRootCauseInstanceOf(ConnectException.class);
		StepVerifier.create(stream(failure))
			.expectErrorSatisfies(e -> assertThat(e).isInstanceOf(TransientRelayException.Unavailable.class))
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void programmingErrorsPassThrough() {
		IllegalArgumentException bug = new IllegalArgumentException("bug");
		assertThatThrownBy(() -> call(() -> bug)).isSameAs(bug);
	}

	@Test
	void isOutermostByDefault() {
		assertThat(this.advisor.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
		assertThat(new ProviderErrorAdvisor(new ProviderErrorClassifier(), 42).getOrder()).isEqualTo(42);
		assertThat(this.advisor.getName()).isNotBlank();
	}

	private String call(Supplier<RuntimeException> failure) {
		return client(failure).prompt("hi").call().content();
	}

	private Flux<String> stream(Supplier<RuntimeException> failure) {
		return client(failure).prompt("hi").stream().content();
	}

	private ChatClient client(Supplier<RuntimeException> failure) {
		ChatModel failing = new ChatModel() {

			@Override
			public ChatResponse call(Prompt prompt) {
				throw failure.get();
			}

			@Override
			public Flux<ChatResponse> stream(Prompt prompt) {
				return Flux.error(failure.get());
			}

		};
		return ChatClient.builder(failing).defaultAdvisors(this.advisor).build();
	}

}
