package io.github.relayai.chat;

import io.github.relayai.exchange.RequestListener.RequestRecord;
import io.github.relayai.options.RelayChatOptions;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.relayai.testsupport.Fixtures;
import io.github.relayai.testsupport.Gateway;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.DefaultChatModelObservationConvention;
import org.springframework.ai.chat.prompt.Prompt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server may answer with another name than the one requested (a dated snapshot, a GGUF
 * file, a relay's channel model): observations and request records carry both, for calls
 * and streams, from real answers (see {@code responses/SOURCES.md} and
 * {@code streams/SOURCES.md}).
 */
class RequestedAndAnsweringModelTest {

	@RegisterExtension
	static final Gateway gateway = new Gateway();

	private static final String PATH = "/v1/chat/completions";

	private final BlockingQueue<ChatModelObservationContext> observed = new LinkedBlockingQueue<>();

	private final List<RequestRecord> records = new CopyOnWriteArrayList<>();

	private RelayChatModel model() {
		return gateway.modelBuilder()
			.observationRegistry(ChatStreamingTest.registry(this.observed))
			.requestListener(this.records::add)
			.build();
	}

	/** The request and response model of the next stopped observation. */
	private List<String> observedModels() throws InterruptedException {
		ChatModelObservationContext context = this.observed.poll(10, TimeUnit.SECONDS);
		assertThat(context).isNotNull();
		KeyValues keyValues = new DefaultChatModelObservationConvention().getLowCardinalityKeyValues(context);
		return List.of(value(keyValues, "gen_ai.request.model"), value(keyValues, "gen_ai.response.model"));
	}

	private static String value(KeyValues keyValues, String key) {
		return keyValues.stream()
			.filter(keyValue -> keyValue.getKey().equals(key))
			.map(KeyValue::getValue)
			.findFirst()
			.orElseThrow();
	}

	@Test
	void aCallCarriesBoth() throws InterruptedException {
		gateway.stubJson(PATH, 200, Fixtures.response("openai-text-usage-details.json"));
		model().call(new Prompt("hi", RelayChatOptions.builder().model("gpt-4.1-nano").build()));
		assertThat(this.records).singleElement().satisfies(record -> {
			assertThat(record.model()).isEqualTo("gpt-4.1-nano");
			assertThat(record.responseModel()).contains("gpt-4.1-nano-2025-04-14");
		});
		assertThat(observedModels()).containsExactly("gpt-4.1-nano", "gpt-4.1-nano-2025-04-14");
	}

	@Test
	void aStreamCarriesBoth() throws InterruptedException {
		gateway.stubStream(PATH, Fixtures.streamBytes("openai-chat-text-usage.sse"));
		model().stream(new Prompt("hi", RelayChatOptions.builder().model("gpt-4o").build()))
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(this.records).singleElement().satisfies(record -> {
			assertThat(record.model()).isEqualTo("gpt-4o");
			assertThat(record.responseModel()).contains("gpt-4o-2024-08-06");
		});
		assertThat(observedModels()).containsExactly("gpt-4o", "gpt-4o-2024-08-06");
	}

}
