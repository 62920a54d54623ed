package io.github.relayai.endpoint;

import io.github.relayai.exchange.ChatRequest;
import io.github.relayai.options.RelayChatOptions;
import java.util.List;
import java.util.Map;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.content.Media;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the JSON body of a {@code /v1/chat/completions} request from Spring AI messages
 * and {@link RelayChatOptions}, in the shape of OpenAI's
 * {@code CreateChatCompletionRequest}.
 */
final class ChatRequestFactory implements ChatCompletionsExchange.BodyFactory {

	private final JsonMapper json;

	private final OptionsBody options;

	private final ImageEncoder images;

	/**
	 * Creates a factory.
	 * @param json the mapper
	 * @param images encodes input images and enforces their limits
	 */
	ChatRequestFactory(JsonMapper json, ImageEncoder images) {
		this.json = json;
		this.options = new OptionsBody(json);
		this.images = images;
	}

	/**
	 * Creates the request body.
	 * @param messages the conversation
	 * @param options the resolved options (a model is required)
	 * @param stream whether to stream the answer
	 * @return the body
	 */
	@Override
	public ObjectNode create(ChatRequest request, boolean stream) {
		ObjectNode body = this.json.createObjectNode();
		body.put("model", request.options().getModel());
		body.set("messages", messages(request.messages()));
		this.options.write(body, request.options(), Endpoint.CHAT, stream);
		return body;
	}

	private ArrayNode messages(List<Message> messages) {
		ArrayNode array = this.json.createArrayNode();
		int imageCount = 0;
		for (Message message : messages) {
			if (message instanceof UserMessage user) {
				imageCount += user.getMedia().size();
				this.images.checkCount(imageCount);
				array.add(user(user));
			}
			else if (message instanceof SystemMessage system) {
				array.add(text("system", system.getText()));
			}
			else if (message instanceof AssistantMessage assistant) {
				array.add(assistant(assistant));
			}
			else if (message instanceof ToolResponseMessage toolResponses) {
				for (ToolResponseMessage.ToolResponse response : toolResponses.getResponses()) {
					ObjectNode node = array.addObject();
					node.put("role", "tool");
					node.put("tool_call_id", response.id());
					node.put("content", response.responseData());
				}
			}
			else {
				throw new IllegalArgumentException("Unsupported message type " + message.getMessageType()
						+ ": use system, user, assistant or tool messages");
			}
		}
		return array;
	}

	private ObjectNode text(String role, String text) {
		ObjectNode node = this.json.createObjectNode();
		node.put("role", role);
		node.put("content", (text != null) ? text : "");
		return node;
	}

	private ObjectNode user(UserMessage message) {
		List<Media> media = message.getMedia();
		if (media.isEmpty()) {
			return text("user", message.getText());
		}
		ObjectNode node = this.json.createObjectNode();
		node.put("role", "user");
		ArrayNode parts = node.putArray("content");
		if (message.getText() != null && !message.getText().isEmpty()) {
			parts.addObject().put("type", "text").put("text", message.getText());
		}
		for (Media item : media) {
			ObjectNode part = parts.addObject();
			part.put("type", "image_url");
			part.putObject("image_url").put("url", this.images.toUrl(item));
		}
		return node;
	}

	private ObjectNode assistant(AssistantMessage message) {
		ObjectNode node = this.json.createObjectNode();
		node.put("role", "assistant");
		String text = message.getText();
		if (message.hasToolCalls()) {
			if (text != null && !text.isEmpty()) {
				node.put("content", text);
			}
			else {
				node.putNull("content");
			}
			ArrayNode calls = node.putArray("tool_calls");
			for (AssistantMessage.ToolCall call : message.getToolCalls()) {
				ObjectNode item = calls.addObject();
				item.put("id", call.id());
				item.put("type", "function");
				item.putObject("function").put("name", call.name()).put("arguments", call.arguments());
			}
		}
		else {
			node.put("content", (text != null) ? text : "");
		}
		return node;
	}

	/**
	 * The per-request HTTP headers of the options.
	 * @param options the options
	 * @return the headers, never {@code null}
	 */
	static Map<String, String> headers(RelayChatOptions options) {
		return (options.getHttpHeaders() != null) ? options.getHttpHeaders() : Map.of();
	}

}
