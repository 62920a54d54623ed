package io.github.relayai.exchange;

import io.github.relayai.options.RelayChatOptions;
import java.util.List;
import org.springframework.ai.chat.messages.Message;

/**
 * One validated chat request: the conversation and its fully resolved options (a model is
 * set).
 *
 * @param messages the conversation, in order
 * @param options the resolved options
 */
public record ChatRequest(List<Message> messages, RelayChatOptions options) {

	public ChatRequest {
		messages = List.copyOf(messages);
	}

	/**
	 * The model the request is for.
	 * @return the model id
	 */
	public String model() {
		return this.options.getModel();
	}

	/**
	 * The same conversation with other options.
	 * @param options the new options
	 * @return the new request
	 */
	public ChatRequest withOptions(RelayChatOptions options) {
		return new ChatRequest(this.messages, options);
	}

}
