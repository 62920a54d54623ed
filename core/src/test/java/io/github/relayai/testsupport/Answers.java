package io.github.relayai.testsupport;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/** Gateway answers in OpenAI's format, for WireMock stubs. */
public final class Answers {

	private Answers() {
	}

	/**
	 * A whole answer.
	 * @param text its content
	 * @return the response
	 */
	public static ResponseDefinitionBuilder completion(String text) {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"m\",\"choices\":[{\"index\":0,"
					+ "\"message\":{\"role\":\"assistant\",\"content\":\"" + text + "\"},\"finish_reason\":\"stop\"}],"
					+ "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}");
	}

	/**
	 * A stream of {@code data:} events.
	 * @param data the events' data
	 * @return the response
	 */
	public static ResponseDefinitionBuilder events(String... data) {
		StringBuilder body = new StringBuilder();
		for (String event : data) {
			body.append("data: ").append(event).append("\n\n");
		}
		return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body.toString());
	}

	/**
	 * A stream chunk with content.
	 * @param content the content
	 * @return the chunk's JSON
	 */
	public static String chunk(String content) {
		return "{\"id\":\"s1\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":[{\"index\":0,"
				+ "\"delta\":{\"content\":\"" + content + "\"}}]}";
	}

	/**
	 * An error answer.
	 * @param status the HTTP status
	 * @param type the error type
	 * @param code the error code, may be {@code null}
	 * @param message the message
	 * @return the response
	 */
	public static ResponseDefinitionBuilder error(int status, String type, String code, String message) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"code\":"
					+ ((code != null) ? "\"" + code + "\"" : "null") + "}}");
	}

}
