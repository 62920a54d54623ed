package io.github.relayai.error;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the many shapes gateways wrap errors in: {@code {"error":{...}}},
 * {@code {"type":"error","error":{...}}}, {@code {"object":"error",...}},
 * {@code {"error":"text"}}, {@code {"code":20012,"message":...}}, arrays of those,
 * OpenRouter's {@code metadata.raw}, Responses API {@code response.failed} events, HTML
 * pages and plain text.
 */
final class ErrorBodyParser {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern HTML_TITLE = Pattern.compile("<title>(.*?)</title>",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final Pattern HTML_H1 = Pattern.compile("<h1[^>]*>(.*?)</h1>",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final Pattern TAG = Pattern.compile("<[^>]+>");

	private static final Pattern STATUS_IN_TEXT = Pattern.compile("(?<![\\d.])([1-5]\\d\\d)(?![\\d.])");

	private static final int MAX_TEXT = 500;

	private static final int MAX_DEPTH = 3;

	private ErrorBodyParser() {
	}

	static ErrorBody parse(String body) {
		return parse(body, 0);
	}

	private static ErrorBody parse(String body, int depth) {
		if (body == null || body.isBlank()) {
			return ErrorBody.EMPTY;
		}
		String text = body.strip();
		if (depth < MAX_DEPTH && (text.startsWith("{") || text.startsWith("["))) {
			try {
				return fromJson(JSON.readTree(text), depth);
			}
			catch (JacksonException ex) {
				// not JSON after all: read it as text
			}
		}
		return fromText(text);
	}

	private static ErrorBody fromJson(JsonNode node, int depth) {
		if (node.isArray()) {
			return node.isEmpty() ? ErrorBody.EMPTY : fromJson(node.get(0), depth);
		}
		if (!node.isObject()) {
			return node.isString() ? parse(node.stringValue(), depth + 1) : ErrorBody.EMPTY;
		}
		JsonNode response = node.get("response");
		if (response != null && response.isObject() && response.path("error").isObject()) {
			return fromJson(response, depth);
		}
		ErrorBody outer = fields(node);
		JsonNode baseResp = node.get("base_resp");
		if (baseResp != null && baseResp.isObject() && baseResp.path("status_code").asInt(0) != 0) {
			outer = new ErrorBody(null, text(baseResp, "status_code"), null, text(baseResp, "status_msg"), null, 0)
				.orElse(outer);
		}
		JsonNode error = node.get("error");
		if (error == null || error.isNull()) {
			return outer;
		}
		if (error.isString()) {
			ErrorBody nested = parse(error.stringValue(), depth + 1);
			return nested.orElse(outer);
		}
		if (!error.isObject()) {
			return outer;
		}
		ErrorBody inner = fields(error).orElse(outer);
		if (error.path("error").isObject()) {
			inner = fromJson(error, depth + 1).orElse(inner);
		}
		JsonNode raw = error.path("metadata").get("raw");
		if (raw == null || raw.isNull()) {
			return inner;
		}
		ErrorBody upstream = raw.isString() ? parse(raw.stringValue(), depth + 1) : fromJson(raw, depth + 1);
		return upstream.orElse(inner);
	}

	private static ErrorBody fields(JsonNode node) {
		String type = text(node, "type");
		if ("error".equalsIgnoreCase(type)) {
			type = null;
		}
		JsonNode statusNode = node.get("status");
		if (type == null && statusNode != null && statusNode.isString()) {
			type = statusNode.stringValue();
		}
		String message = firstText(node, "message", "detail", "msg", "error_msg", "errorMessage");
		String code = firstText(node, "code", "error_code", "errorCode");
		String reason = text(node.path("details").path(0), "reason");
		if (reason != null && (code == null || code.chars().allMatch(Character::isDigit))) {
			code = reason;
		}
		return new ErrorBody(type, code, text(node, "param"), message,
				firstText(node, "request_id", "requestId", "request-id"),
				firstStatus(node.get("code"), statusNode, node.get("status_code")));
	}

	private static String firstText(JsonNode node, String... names) {
		for (String name : names) {
			String value = text(node, name);
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

	private static String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull() || value.isContainer()) {
			return null;
		}
		return value.asString();
	}

	private static int firstStatus(JsonNode... candidates) {
		for (JsonNode candidate : candidates) {
			if (candidate != null && candidate.isIntegralNumber()) {
				int value = candidate.intValue();
				if (value >= 100 && value <= 599) {
					return value;
				}
			}
		}
		return 0;
	}

	private static ErrorBody fromText(String text) {
		String message = text;
		if (text.startsWith("<")) {
			message = firstGroup(HTML_TITLE, text);
			if (message == null) {
				message = firstGroup(HTML_H1, text);
			}
			message = (message != null) ? TAG.matcher(message).replaceAll(" ") : TAG.matcher(text).replaceAll(" ");
		}
		message = message.replaceAll("\\s+", " ").strip();
		if (message.length() > MAX_TEXT) {
			message = message.substring(0, MAX_TEXT) + "...";
		}
		Matcher status = STATUS_IN_TEXT.matcher(message);
		return new ErrorBody(null, null, null, message, null, status.find() ? Integer.parseInt(status.group(1)) : 0);
	}

	private static String firstGroup(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		return matcher.find() ? matcher.group(1) : null;
	}

}
