package io.github.relayai.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.github.relayai.testsupport.OpenAiSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Example bodies published in OpenAI's OpenAPI document ({@code x-oaiMeta} examples of
 * the copy on the test classpath, {@link OpenAiSpec#RESOURCE}).
 */
final class SpecExamples {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static JsonNode spec;

	private SpecExamples() {
	}

	/**
	 * The example of a component schema, such as {@code ResponseFailedEvent}, as compact
	 * JSON.
	 */
	static String schemaExample(String schema) {
		return compact(spec().path("components").path("schemas").path(schema).path("x-oaiMeta").path("example"));
	}

	/**
	 * The example response of an operation, such as {@code /completions} (first example).
	 */
	static String responseExample(String path) {
		return compact(spec().path("paths")
			.path(path)
			.path("post")
			.path("x-oaiMeta")
			.path("examples")
			.path(0)
			.path("response"));
	}

	private static String compact(JsonNode example) {
		return JSON.readTree(example.stringValue()).toString();
	}

	private static synchronized JsonNode spec() {
		if (spec == null) {
			try (InputStream in = OpenAiSpec.open()) {
				spec = JSON.readTree(in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return spec;
	}

}
