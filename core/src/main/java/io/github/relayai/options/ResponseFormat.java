package io.github.relayai.options;

/**
 * The {@code response_format} of a chat request: free text, any JSON object, or JSON that
 * follows a schema.
 *
 * @param type {@code text}, {@code json_object} or {@code json_schema}
 * @param name the schema's name (for {@code json_schema})
 * @param schema the JSON schema as JSON text (for {@code json_schema})
 * @param strict whether the provider must follow the schema exactly, or {@code null} to
 * leave it unset
 */
public record ResponseFormat(String type, String name, String schema, Boolean strict) {

	public ResponseFormat {
		if (!"text".equals(type) && !"json_object".equals(type) && !"json_schema".equals(type)) {
			throw new IllegalArgumentException(
					"response format type must be text, json_object or json_schema, but was '" + type + "'");
		}
		if ("json_schema".equals(type) && (schema == null || schema.isBlank())) {
			throw new IllegalArgumentException("a json_schema response format needs a schema");
		}
	}

	/**
	 * Any valid JSON object.
	 * @return the format
	 */
	public static ResponseFormat jsonObject() {
		return new ResponseFormat("json_object", null, null, null);
	}

	/**
	 * JSON that follows the given schema.
	 * @param name a name for the schema, such as {@code report}
	 * @param schema the JSON schema as JSON text
	 * @return the format
	 */
	public static ResponseFormat jsonSchema(String name, String schema) {
		return new ResponseFormat("json_schema", name, schema, null);
	}

}
