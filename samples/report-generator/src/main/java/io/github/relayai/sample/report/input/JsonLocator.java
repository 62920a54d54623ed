package io.github.relayai.sample.report.input;

import java.util.ArrayDeque;
import java.util.Deque;

import io.github.relayai.sample.report.i18n.Message;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the line and column of a dotted property path (e.g. {@code period.month}) in a
 * JSON text.
 */
final class JsonLocator {

	private final String text;

	JsonLocator(String text) {
		this.text = text;
	}

	/**
	 * An error located at {@code path}, or at line 1 when the path is not in the text.
	 */
	InputError error(String file, String path, Message message) {
		TokenStreamLocation at = locate(path);
		return at == null ? new InputError(file, 1, 0, message)
				: new InputError(file, at.getLineNr(), at.getColumnNr(), message);
	}

	private TokenStreamLocation locate(String path) {
		Deque<String> stack = new ArrayDeque<>();
		String pending = null;
		try (JsonParser parser = JsonMapper.shared().createParser(text)) {
			for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
				if (t == JsonToken.PROPERTY_NAME) {
					pending = parser.currentName();
					String here = stack.isEmpty() ? pending : String.join(".", reversed(stack)) + "." + pending;
					if (here.equals(path)) {
						return parser.currentTokenLocation();
					}
				}
				else if (t == JsonToken.START_OBJECT) {
					if (pending != null) {
						stack.push(pending);
					}
					pending = null;
				}
				else if (t == JsonToken.END_OBJECT) {
					if (!stack.isEmpty()) {
						stack.pop();
					}
				}
				else if (t == JsonToken.START_ARRAY) {
					parser.skipChildren();
				}
			}
		}
		return null;
	}

	private static Iterable<String> reversed(Deque<String> stack) {
		return stack::descendingIterator;
	}

}
