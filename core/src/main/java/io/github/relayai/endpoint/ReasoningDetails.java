package io.github.relayai.endpoint;

import tools.jackson.databind.JsonNode;

/**
 * The readable text of a {@code reasoning_details} array, as OpenRouter and hosts that
 * copy it (Snowflake Cortex) send beside or instead of {@code reasoning}: the
 * {@code text} of {@code reasoning.text} entries and the {@code summary} of
 * {@code reasoning.summary} entries; encrypted entries carry nothing readable.
 */
final class ReasoningDetails {

	private ReasoningDetails() {
	}

	/**
	 * The text of the entries, in order.
	 * @param details the array
	 * @return the text, empty when there is none
	 */
	static String text(JsonNode details) {
		StringBuilder text = new StringBuilder();
		for (JsonNode detail : details) {
			String type = ChatResponses.text(detail.get("type"));
			JsonNode value = "reasoning.summary".equals(type) ? detail.get("summary")
					: "reasoning.text".equals(type) ? detail.get("text") : null;
			if (value != null && value.isString()) {
				text.append(value.stringValue());
			}
		}
		return text.toString();
	}

}
