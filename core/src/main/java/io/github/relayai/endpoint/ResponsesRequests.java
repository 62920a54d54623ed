package io.github.relayai.endpoint;

import io.github.relayai.exchange.ChatRequest;
import io.github.relayai.options.RelayChatOptions;
import java.util.ArrayList;
import java.util.List;

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
 * Builds {@code /v1/responses} bodies ({@code CreateResponse}) from a chat request:
 * system messages become {@code instructions}, the other messages {@code input} items
 * (images as {@code input_image}, assistant tool calls as {@code function_call}, tool
 * results as {@code function_call_output}), tools become function tools, and the output
 * limit {@code max_output_tokens}.
 */
final class ResponsesRequests {

	private final JsonMapper json;

	private final OptionsBody options;

	private final ImageEncoder images;

	ResponsesRequests(JsonMapper json, ImageEncoder images) {
		this.json = json;
		this.options = new OptionsBody(json);
		this.images = images;
	}

	ObjectNode create(ChatRequest request, boolean stream) {
		RelayChatOptions options = request.options();
		ObjectNode body = this.json.createObjectNode();
		body.put("model", request.model());
		List<String> instructions = new ArrayList<>();
		ArrayNode input = this.json.createArrayNode();
		int imageCount = 0;
		for (Message message : request.messages()) {
			if (message instanceof SystemMessage system) {
				instructions.add((system.getText() != null) ? system.getText() : "");
			}
			else if (message instanceof UserMessage user) {
				imageCount += user.getMedia().size();
				this.images.checkCount(imageCount);
				input.add(user(user));
			}
			else if (message instanceof AssistantMessage assistant) {
				assistant(assistant, input);
			}
			else if (message instanceof ToolResponseMessage results) {
				for (ToolResponseMessage.ToolResponse result : results.getResponses()) {
					input.addObject()
						.put("type", "function_call_output")
						.put("call_id", result.id())
						.put("output", (result.responseData() != null) ? result.responseData() : "");
				}
			}
			else {
				throw new IllegalArgumentException("Unsupported message type " + message.getMessageType()
						+ ": use system, user, assistant or tool messages");
			}
		}
		if (!instructions.isEmpty()) {
			body.put("instructions", String.join("\n\n", instructions));
		}
		body.set("input", input);
		this.options.write(body, options, Endpoint.RESPONSES, stream);
		return body;
	}

	private ObjectNode user(UserMessage message) {
		ObjectNode item = this.json.createObjectNode();
		item.put("role", "user");
		String text = (message.getText() != null) ? message.getText() : "";
		if (message.getMedia().isEmpty()) {
			item.put("content", text);
			return item;
		}
		ArrayNode content = item.putArray("content");
		if (!text.isEmpty()) {
			content.addObject().put("type", "input_text").put("text", text);
		}
		for (Media media : message.getMedia()) {
			content.addObject()
				.put("type", "input_image")
				.put("image_url", this.images.toUrl(media))
				.put("detail", "auto");
		}
		return item;
	}

	private void assistant(AssistantMessage message, ArrayNode input) {
		String text = message.getText();
		if (text != null && !text.isEmpty()) {
			input.addObject().put("role", "assistant").put("content", text);
		}
		for (AssistantMessage.ToolCall call : message.getToolCalls()) {
			input.addObject()
				.put("type", "function_call")
				.put("call_id", call.id())
				.put("name", call.name())
				.put("arguments", call.arguments());
		}
	}

}
