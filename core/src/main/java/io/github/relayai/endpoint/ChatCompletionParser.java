package io.github.relayai.endpoint;

import io.github.relayai.endpoint.ChatCompletionReader.Choice;
import io.github.relayai.endpoint.ChatCompletionReader.Completion;
import io.github.relayai.endpoint.ChatCompletionReader.Header;
import io.github.relayai.error.ProviderErrorClassifier;
import io.github.relayai.error.RelayAiException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses a whole {@code chat.completion} (or legacy {@code text_completion}) answer into
 * a {@link ChatResponse}. An answer that is not JSON, or carries an {@code error} object
 * despite a 200 status, fails with a typed exception.
 */
final class ChatCompletionParser {

	private final ChatCompletionReader reader;

	private final ProviderErrorClassifier classifier;

	ChatCompletionParser(ChatCompletionReader reader, ProviderErrorClassifier classifier) {
		this.reader = reader;
		this.classifier = classifier;
	}

	ChatResponse parse(byte[] body, String model, String endpoint, boolean reasoningTags) {
		Completion answer;
		try {
			answer = this.reader.read(body, 0, body.length);
		}
		catch (JacksonException | IllegalStateException ex) {
			throw notAnObject(this.classifier, start(body), model, endpoint, ex);
		}
		if (answer.error() && !answer.hasChoices()) {
			throw RelayAiException.of(
					this.classifier.classifyStreamError(new String(body, StandardCharsets.UTF_8), model, endpoint),
					null);
		}
		String id = answer.header().id();
		List<Generation> generations = new ArrayList<>(answer.choices().size());
		for (Choice choice : answer.choices()) {
			StringBuilder text = new StringBuilder();
			StringBuilder reasoning = new StringBuilder();
			choice.appendText(text, reasoning, answer.header().legacy());
			String answerText = reasoningTags ? ThinkTags.split(text.toString(), reasoning) : text.toString();
			generations.add(ChatResponses.generation(choice.index(), id, answerText, reasoning.toString(),
					choice.refusal(), ChatResponses.toolCalls(choice.toolCalls()), choice.finishReason()));
		}
		Header header = answer.header();
		return new ChatResponse(generations, ChatResponses.metadata(header.id(), header.model(),
				header.reasoningTokens(), header.extras(), ChatResponses.usage(answer.usage()), endpoint));
	}

	/**
	 * Reads an answer as a JSON object, failing with a typed exception when it is not
	 * one.
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
			throw notAnObject(classifier, start(body), model, endpoint, ex);
		}
	}

	/**
	 * The failure for an answer, or a stream event, that is not one JSON object: typed
	 * from its text as an error page would be.
	 */
	static RelayAiException notAnObject(ProviderErrorClassifier classifier, String text, String model, String endpoint,
			Exception cause) {
		String start = text.substring(0, Math.min(text.length(), 2048));
		return RelayAiException.of(classifier.classify(200, Map.of(), start, model, endpoint), cause);
	}

	private static String start(byte[] body) {
		return new String(body, 0, Math.min(body.length, 2048), StandardCharsets.UTF_8);
	}

}
