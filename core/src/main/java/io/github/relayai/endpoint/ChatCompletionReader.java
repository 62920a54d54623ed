package io.github.relayai.endpoint;

import tools.jackson.core.JacksonException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@code chat.completion}, a {@code chat.completion.chunk} or a legacy
 * {@code text_completion} with Jackson's streaming parser, straight from the bytes: the
 * fields every answer become strings, numbers and maps without building a JSON tree; only
 * tool calls and content given as an array of parts, both rare, are read as trees.
 */
final class ChatCompletionReader {

	/**
	 * The spellings of a message's or delta's reasoning, in order of precedence, before
	 * the text of {@code reasoning_details}: hosts mirror one text into several of them,
	 * so only the first non-empty one is read.
	 */
	private static final List<String> REASONING_FIELDS = List.of("reasoning_content", "reasoning", "thinking");

	/**
	 * The {@code object} of a legacy completion, whose text is {@code choices[].text}.
	 */
	private static final String TEXT_COMPLETION = "text_completion";

	private final JsonMapper json;

	ChatCompletionReader(JsonMapper json) {
		this.json = json;
	}

	/**
	 * Reads one answer.
	 * @return what it says
	 * @throws JacksonException when it is not JSON
	 * @throws IllegalStateException when it is JSON but not one object
	 */
	Completion read(byte[] bytes, int offset, int length) {
		return read(bytes, offset, length, Header.EMPTY);
	}

	/**
	 * Reads one chunk of a stream, keeping the strings of the chunk before where they are
	 * equal: the chunks of a stream repeat their id, model and fingerprint, and the equal
	 * header then compares fast.
	 * @param previous the header of the chunk before
	 * @return what it says
	 * @throws JacksonException when it is not JSON
	 * @throws IllegalStateException when it is JSON but not one object
	 */
	Completion read(byte[] bytes, int offset, int length, Header previous) {
		try (JsonParser parser = this.json.createParser(bytes, offset, length)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new IllegalStateException("not a JSON object");
			}
			String id = null;
			String model = null;
			String object = null;
			Map<String, Object> usage = null;
			boolean error = false;
			boolean hasChoices = false;
			Map<String, Object> extras = Map.of();
			List<Choice> choices = List.of();
			for (String name = parser.nextName(); name != null; name = parser.nextName()) {
				JsonToken token = parser.nextToken();
				switch (name) {
					case "id" ->
						id = (token == JsonToken.VALUE_STRING) ? reuse(parser, previous.id()) : text(parser, token);
					case "model" -> model = (token == JsonToken.VALUE_STRING) ? reuse(parser, previous.model())
							: text(parser, token);
					case "object" -> object = (token == JsonToken.VALUE_STRING) ? reuse(parser, previous.object())
							: text(parser, token);
					case "choices" -> {
						hasChoices = token != JsonToken.VALUE_NULL;
						choices = choices(parser, token);
					}
					case "usage" -> {
						if (token == JsonToken.START_OBJECT) {
							usage = object(parser);
						}
						else {
							parser.skipChildren();
						}
					}
					default -> {
						if (!ChatResponses.isKnownField(name) && token != JsonToken.VALUE_NULL) {
							error |= name.equals("error");
							if (extras.isEmpty()) {
								extras = new LinkedHashMap<>();
							}
							extras.put(name, (token == JsonToken.VALUE_STRING)
									? reuse(parser, previous.extras().get(name)) : plain(parser, token));
						}
						else {
							parser.skipChildren();
						}
					}
				}
			}
			if (parser.nextToken() != null) {
				throw new IllegalStateException("more than one JSON value");
			}
			Header header = new Header(id, model, object, ChatResponses.reasoningTokens(usage), extras);
			return new Completion(header, choices, usage, error, hasChoices);
		}
	}

	private static List<Choice> choices(JsonParser parser, JsonToken token) {
		if (token != JsonToken.START_ARRAY) {
			parser.skipChildren();
			return List.of();
		}
		List<Choice> choices = new ArrayList<>(1);
		int position = 0;
		for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
			if (element == JsonToken.START_OBJECT) {
				choices.add(choice(parser, position));
			}
			else {
				parser.skipChildren();
			}
			position++;
		}
		return choices;
	}

	/**
	 * One choice; the parser is on its start. Its {@code message} (whole answers) or
	 * {@code delta} (chunks).
	 */
	private static Choice choice(JsonParser parser, int position) {
		int index = position;
		Object content = null;
		Object text = null;
		String refusal = null;
		String finishReason = null;
		JsonNode toolCalls = null;
		// the reasoning fields, then the text of reasoning_details, the last resort
		String[] reasoning = new String[REASONING_FIELDS.size() + 1];
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			JsonToken token = parser.nextToken();
			switch (name) {
				case "index" -> {
					if (token.isNumeric()) {
						index = parser.getIntValue();
					}
					else {
						parser.skipChildren();
					}
				}
				case "text" -> text = content(parser, token);
				case "finish_reason" -> {
					String reason = text(parser, token);
					finishReason = (reason != null && !reason.isEmpty()) ? reason.toUpperCase(Locale.ROOT) : null;
				}
				case "delta", "message" -> {
					if (token != JsonToken.START_OBJECT) {
						parser.skipChildren();
						continue;
					}
					for (String field = parser.nextName(); field != null; field = parser.nextName()) {
						JsonToken value = parser.nextToken();
						int reasoningField = REASONING_FIELDS.indexOf(field);
						if (field.equals("content")) {
							content = content(parser, value);
						}
						else if (field.equals("refusal")) {
							refusal = text(parser, value);
						}
						else if (field.equals("tool_calls") && value == JsonToken.START_ARRAY) {
							toolCalls = parser.readValueAsTree();
						}
						else if (reasoningField >= 0 && value == JsonToken.VALUE_STRING) {
							reasoning[reasoningField] = parser.getString();
						}
						else if (field.equals("reasoning_details") && value == JsonToken.START_ARRAY) {
							reasoning[REASONING_FIELDS.size()] = ReasoningDetails.text(parser.readValueAsTree());
						}
						else {
							parser.skipChildren();
						}
					}
				}
				default -> parser.skipChildren();
			}
		}
		String preferredReasoning = null;
		for (String candidate : reasoning) {
			if (candidate != null && !candidate.isEmpty()) {
				preferredReasoning = candidate;
				break;
			}
		}
		return new Choice(index, content, preferredReasoning, text, refusal, toolCalls, finishReason);
	}

	/** The string the parser is on, or the previous one when they are equal. */
	private static String reuse(JsonParser parser, Object previous) {
		if (previous instanceof String string && string.length() == parser.getStringLength()) {
			char[] chars = parser.getStringCharacters();
			int offset = parser.getStringOffset();
			for (int i = 0; i < string.length(); i++) {
				if (string.charAt(i) != chars[offset + i]) {
					return parser.getString();
				}
			}
			return string;
		}
		return parser.getString();
	}

	/**
	 * A string as a string (the usual case), null as {@code null}, anything else as JSON.
	 */
	private static Object content(JsonParser parser, JsonToken token) {
		return switch (token) {
			case VALUE_STRING -> parser.getString();
			case VALUE_NULL -> null;
			default -> parser.readValueAsTree();
		};
	}

	/**
	 * A field as {@link ChatResponses#text(JsonNode)} gives it: strings as they are,
	 * other values as JSON.
	 */
	private static String text(JsonParser parser, JsonToken token) {
		return switch (token) {
			case VALUE_STRING -> parser.getString();
			case VALUE_NULL -> null;
			case START_OBJECT, START_ARRAY -> parser.readValueAsTree().toString();
			default -> parser.getText();
		};
	}

	/**
	 * A value as plain Java (strings, numbers, booleans, {@code null}, and lists and maps
	 * of them), read directly; the parser's nesting limit bounds the recursion.
	 */
	private static Object plain(JsonParser parser, JsonToken token) {
		return switch (token) {
			case VALUE_STRING -> parser.getString();
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
			case VALUE_TRUE -> Boolean.TRUE;
			case VALUE_FALSE -> Boolean.FALSE;
			case START_OBJECT -> object(parser);
			case START_ARRAY -> {
				List<Object> list = new ArrayList<>();
				for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser
					.nextToken()) {
					list.add(plain(parser, element));
				}
				yield list;
			}
			default -> null;
		};
	}

	/** An object as a map; the parser is on its start. */
	private static Map<String, Object> object(JsonParser parser) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			map.put(name, plain(parser, parser.nextToken()));
		}
		return map;
	}

	/**
	 * Appends content read by this reader: a string as answer text, JSON parts split into
	 * answer and thinking text.
	 */
	static void appendContent(Object content, StringBuilder text, StringBuilder reasoning) {
		if (content instanceof String string) {
			text.append(string);
		}
		else if (content instanceof JsonNode node) {
			ChatResponses.content(node, text, reasoning);
		}
	}

	/**
	 * The top-level fields an answer's metadata is made of.
	 *
	 * @param id the answer id
	 * @param model the model that answered
	 * @param object the object type, such as {@code chat.completion.chunk}
	 * @param reasoningTokens the reasoning tokens of the usage
	 * @param extras the other top-level fields, as plain Java values
	 */
	record Header(String id, String model, String object, Integer reasoningTokens, Map<String, Object> extras) {

		static final Header EMPTY = new Header(null, null, null, null, Map.of());

		/**
		 * Whether the answer is a legacy completion, whose text is in
		 * {@code choices[].text} rather than in a message or delta.
		 */
		boolean legacy() {
			return TEXT_COMPLETION.equals(this.object);
		}

	}

	/**
	 * What one answer says.
	 *
	 * @param header its top-level fields
	 * @param choices its choices
	 * @param usage its usage object as plain Java, or {@code null}
	 * @param error whether it carries a non-null {@code error}
	 * @param hasChoices whether it has a non-null {@code choices} field
	 */
	record Completion(Header header, List<Choice> choices, Map<String, Object> usage, boolean error,
			boolean hasChoices) {
	}

	/**
	 * What one choice says; content and text are strings, or JSON for arrays of parts.
	 *
	 * @param index the choice index
	 * @param content the message's or delta's content
	 * @param reasoning the first non-empty reasoning field
	 * @param text the legacy {@code text}
	 * @param refusal the refusal
	 * @param toolCalls the tool calls, or {@code null}
	 * @param finishReason the upper-case finish reason, or {@code null}
	 */
	record Choice(int index, Object content, String reasoning, Object text, String refusal, JsonNode toolCalls,
			String finishReason) {

		/**
		 * Answer and thinking text, one field per meaning: hosts send the same text under
		 * two spellings (a legacy {@code text} beside {@code delta.content}, thinking
		 * parts beside {@code reasoning_content}), so each meaning is read from the first
		 * non-empty field in a fixed order, never from two. The answer is the message's
		 * or delta's {@code content} and then {@code text}, the other way round for a
		 * {@code text_completion}; the thinking is the reasoning field, else the thinking
		 * parts of that content.
		 * @param legacy whether the answer is a {@code text_completion}
		 */
		void appendText(StringBuilder answer, StringBuilder thinking, boolean legacy) {
			Object first = legacy ? this.text : this.content;
			Object second = legacy ? this.content : this.text;
			StringBuilder parts = (this.reasoning != null) ? new StringBuilder() : thinking;
			appendContent(isEmpty(first) ? second : first, answer, parts);
			if (this.reasoning != null) {
				thinking.append(this.reasoning);
			}
		}

		private static boolean isEmpty(Object content) {
			return content == null || (content instanceof String string && string.isEmpty());
		}

	}

}
