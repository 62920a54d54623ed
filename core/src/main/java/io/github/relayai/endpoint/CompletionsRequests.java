package io.github.relayai.endpoint;

import io.github.relayai.error.ErrorCategory;
import io.github.relayai.exchange.ChatRequest;
import io.github.relayai.options.RelayChatOptions;
import java.util.ArrayList;
import java.util.List;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds {@code /v1/completions} bodies ({@code CreateCompletionRequest}): the
 * conversation is flattened into one prompt, system messages first, each message under a
 * role label, ending with {@code Assistant:} for the model to continue. Tools and images
 * cannot be expressed in a text prompt, so a request carrying them fails with
 * {@link io.github.relayai.error.ErrorCategory#INVALID_REQUEST} before anything is sent.
 */
final class CompletionsRequests implements ChatCompletionsExchange.BodyFactory {

	private final JsonMapper json;

	private final OptionsBody options;

	private final EndpointMessages messages;

	CompletionsRequests(JsonMapper json, EndpointMessages messages) {
		this.json = json;
		this.options = new OptionsBody(json);
		this.messages = messages;
	}

	@Override
	public ObjectNode create(ChatRequest request, boolean stream) {
		RelayChatOptions options = request.options();
		if (options.getToolCallbacks() != null && !options.getToolCallbacks().isEmpty()) {
			throw this.messages.invalidRequest(request.model(), Endpoint.COMPLETIONS, "completions.tools");
		}
		ObjectNode body = this.json.createObjectNode();
		body.put("model", request.model());
		body.put("prompt", prompt(request));
		this.options.write(body, options, Endpoint.COMPLETIONS, stream);
		return body;
	}

	private String prompt(ChatRequest request) {
		List<String> system = new ArrayList<>();
		List<String> turns = new ArrayList<>();
		for (Message message : request.messages()) {
			if (message instanceof SystemMessage) {
				system.add(labelled("System", message.getText()));
			}
			else if (message instanceof UserMessage user) {
				if (!user.getMedia().isEmpty()) {
					throw this.messages.invalidRequest(request.model(), Endpoint.COMPLETIONS, "completions.images");
				}
				turns.add(labelled("User", user.getText()));
			}
			else if (message instanceof AssistantMessage assistant && !assistant.hasToolCalls()) {
				turns.add(labelled("Assistant", assistant.getText()));
			}
			else if (message instanceof AssistantMessage || message instanceof ToolResponseMessage) {
				throw this.messages.invalidRequest(request.model(), Endpoint.COMPLETIONS, "completions.tools");
			}
			else {
				throw new IllegalArgumentException("Unsupported message type " + message.getMessageType()
						+ ": use system, user, assistant or tool messages");
			}
		}
		List<String> parts = new ArrayList<>(system);
		parts.addAll(turns);
		parts.add("Assistant:");
		return String.join("\n\n", parts);
	}

	private static String labelled(String role, String text) {
		return role + ": " + ((text != null) ? text.strip() : "");
	}

}
