package io.github.relayai.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

/**
 * Keeps the captured fixtures honest: every file is cited in SOURCES.md and every data
 * payload is JSON.
 */
class FixturesTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	static List<String> streamNames() {
		return Fixtures.streamNames();
	}

	static List<String> responseNames() {
		return Fixtures.responseNames();
	}

	@Test
	void sourcesListExactlyTheFilesPresent() {
		assertThat(Fixtures.streamNames()).hasSizeGreaterThanOrEqualTo(15);
		assertThat(cited(resource("/streams/SOURCES.md"), "sse")).containsAll(Fixtures.streamNames());
		assertThat(Fixtures.streamNames()).containsAll(cited(resource("/streams/SOURCES.md"), "sse"));
		assertThat(cited(resource("/responses/SOURCES.md"), "json")).containsAll(Fixtures.responseNames());
		assertThat(Fixtures.responseNames()).containsAll(cited(resource("/responses/SOURCES.md"), "json"));
	}

	@ParameterizedTest
	@MethodSource("streamNames")
	void everyDataPayloadIsJsonOrDone(String name) {
		List<String> payloads = dataPayloads(Fixtures.stream(name));
		assertThat(payloads).as(name).isNotEmpty();
		for (String payload : payloads) {
			if (payload.strip().equals("[DONE]")) {
				continue;
			}
			assertThatCode(() -> JSON.readTree(payload)).as("%s: %s", name, payload).doesNotThrowAnyException();
		}
	}

	@ParameterizedTest
	@MethodSource("responseNames")
	void responsesAreJsonObjects(String name) {
		assertThat(JSON.readTree(Fixtures.response(name)).isObject()).as(name).isTrue();
	}

	/**
	 * Minimal SSE framing (blank line ends an event, multi-line data joined with LF);
	 * enough for a sanity check.
	 */
	private static List<String> dataPayloads(String body) {
		List<String> payloads = new ArrayList<>();
		StringBuilder data = null;
		for (String line : body.split("\r\n|\r|\n", -1)) {
			if (line.isEmpty()) {
				if (data != null) {
					payloads.add(data.toString());
				}
				data = null;
			}
			else if (line.startsWith("data:")) {
				String value = line.substring(5);
				value = value.startsWith(" ") ? value.substring(1) : value;
				data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
			}
		}
		if (data != null) {
			payloads.add(data.toString());
		}
		return payloads;
	}

	private static List<String> cited(String markdown, String extension) {
		List<String> names = new ArrayList<>();
		Matcher m = Pattern.compile("^\\| `([^`]+\\." + extension + ")`", Pattern.MULTILINE).matcher(markdown);
		while (m.find()) {
			names.add(m.group(1));
		}
		return names;
	}

	private static String resource(String path) {
		return path.startsWith("/streams/") ? Fixtures.stream(path.substring("/streams/".length()))
				: Fixtures.response(path.substring("/responses/".length()));
	}

}
