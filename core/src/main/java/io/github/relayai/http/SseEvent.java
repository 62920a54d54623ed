package io.github.relayai.http;

/**
 * One server-sent event.
 *
 * @param event the {@code event:} field, or {@code null} for the default {@code message} type
 * @param data the {@code data:} lines joined with {@code \n}
 * @param id the {@code id:} field, or {@code null}
 */
public record SseEvent(String event, String data, String id) {

	/**
	 * Whether this is the OpenAI end-of-stream marker {@code data: [DONE]} (surrounding white space
	 * tolerated).
	 * @return {@code true} for {@code [DONE]}
	 */
	public boolean isDone() {
		return this.data.length() < 16 && "[DONE]".equals(this.data.strip());
	}

}
