package io.github.relayai.chat;

import java.util.ArrayList;
import java.util.List;

import io.github.relayai.error.ProviderErrorClassifier;
import io.github.relayai.error.RelayExceptions;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses a whole {@code chat.completion} (or legacy {@code text_completion}) answer into a
 * {@link ChatResponse}. An answer that is not JSON, or carries an {@code error} object despite a 200 status, fails with a typed exception.
 */
public final class ChatCompletionParser {

	private final JsonMapper json;

	private final ChatResponses responses;

	private final ProviderErrorClassifier classifier;

	ChatCompletionParser(JsonMapper json, ProviderErrorClassifier classifier) {
		this.json = json;
		this.responses = new ChatResponses(json);
		this.classifier = classifier;
	}

	ChatResponse parse(byte[] body, String model, String endpoint) {
		JsonNode root = readJson(this.json, this.classifier, body, model, endpoint);
		if (root.hasNonNull("error") && !root.hasNonNull("choices")) {
			throw RelayExceptions.create(
					this.classifier.classifyStreamError(root.toString(), model, endpoint), null);
		}
		List<Generation> generations = new ArrayList<>();
		JsonNode choices = root.path("choices");
		int position = 0;
		for (JsonNode choice : choices) {
			JsonNode message = choice.path("message");
			StringBuilder text = new StringBuilder();
			StringBuilder reasoning = new StringBuilder();
			ChatResponses.content(message.get("content"), text, reasoning);
			ChatResponses.reasoning(message, reasoning);
			ChatResponses.content(choice.get("text"), text, reasoning);
			int index = choice.has("index") ? choice.get("index").asInt() : position;
			generations.add(this.responses.generation(index, ChatResponses.text(root.get("id")), text.toString(),
					reasoning.toString(), ChatResponses.text(message.get("refusal")),
					ChatResponses.toolCalls(message.get("tool_calls")), ChatResponses.finishReason(choice)));
			position++;
		}
		return new ChatResponse(generations,
				this.responses.metadata(root, this.responses.usage(root.get("usage")), endpoint));
	}

	/**
	 * Reads an answer as a JSON object, failing with a typed exception when it is not one.
	 * @param json the mapper
	 * @param classifier the classifier
	 * @param body the answer
	 * @param model the model
	 * @param endpoint the endpoint path
	 * @return the root object
	 */
	public static JsonNode readJson(JsonMapper json, ProviderErrorClassifier classifier, byte[] body, String model,
			String endpoint) {
		try {
			JsonNode root = json.readTree(body);
			if (root == null || !root.isObject()) {
				throw new IllegalStateException("not a JSON object");
			}
			return root;
		}
		catch (JacksonException | IllegalStateException ex) {
			String text = new String(body, 0, Math.min(body.length, 2048), java.nio.charset.StandardCharsets.UTF_8);
			throw RelayExceptions.create(classifier.classify(200, java.util.Map.of(), text, model, endpoint), ex);
		}
	}

}
