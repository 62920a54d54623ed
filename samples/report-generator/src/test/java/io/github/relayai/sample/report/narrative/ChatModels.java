package io.github.relayai.sample.report.narrative;

import io.github.relayai.chat.RelayChatModel;
import org.springframework.ai.chat.client.ChatClient;
import io.github.relayai.options.RelayChatOptions;
import org.springframework.ai.chat.model.ChatModel;

/**
 * The Relay ChatModel the LLM-path tests talk to the WireMock gateway through.
 */
final class ChatModels {

	private ChatModels() {
	}

	/** Relay's ChatModel for an OpenAI-compatible gateway at {@code baseUrl}. */
	static ChatModel relay(String baseUrl) {
		return RelayChatModel.builder()
			.baseUrl(baseUrl)
			.apiKey("test-key")
			.defaultOptions(RelayChatOptions.builder().model("test-model").build())
			.build();
	}

	/**
	 * A ChatClient builder over {@link #relay(String)}, as a plain application has one.
	 */
	static ChatClient.Builder clientBuilder(String baseUrl) {
		return ChatClient.builder(relay(baseUrl));
	}

}
