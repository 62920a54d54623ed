package io.github.relayai.autoconfigure;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Gives configured {@code extra-body} values their JSON types. {@code .properties} files,
 * environment variables and the command line only carry text, so {@code top_k=5} would be
 * sent as {@code "5"}, which strict servers (llama.cpp) reject: text that reads as a JSON
 * number, {@code true}, {@code false} or {@code null} is sent as that, in nested maps and
 * lists too. Text in double quotes ({@code "5"}) is sent as the string between them.
 * Values YAML already typed stay as they are.
 */
final class ExtraBodyValues {

	/** A JSON number, as RFC 8259 writes it. */
	private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");

	private ExtraBodyValues() {
	}

	/**
	 * The values with their JSON types.
	 * @param values the configured values
	 * @return a new map, or {@code null} when there are none
	 */
	static Map<String, Object> typed(Map<String, Object> values) {
		return values.isEmpty() ? null : map(values);
	}

	private static Map<String, Object> map(Map<?, ?> values) {
		Map<String, Object> typed = new LinkedHashMap<>();
		values.forEach((key, value) -> typed.put(String.valueOf(key), value(value)));
		return Collections.unmodifiableMap(typed);
	}

	private static Object value(Object value) {
		if (value instanceof String text) {
			return text(text);
		}
		if (value instanceof Map<?, ?> map) {
			return map(map);
		}
		if (value instanceof List<?> list) {
			List<Object> typed = new ArrayList<>(list.size());
			list.forEach(element -> typed.add(value(element)));
			return Collections.unmodifiableList(typed);
		}
		return value;
	}

	private static Object text(String text) {
		String value = text.strip();
		if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
			return value.substring(1, value.length() - 1);
		}
		return switch (value) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			case "null" -> null;
			default -> NUMBER.matcher(value).matches() ? number(value) : text;
		};
	}

	private static Number number(String value) {
		if (value.indexOf('.') < 0 && value.indexOf('e') < 0 && value.indexOf('E') < 0) {
			BigInteger integer = new BigInteger(value);
			return (integer.bitLength() < 64) ? (Number) integer.longValue() : integer;
		}
		return new BigDecimal(value);
	}

}
