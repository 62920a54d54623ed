package io.github.relayai.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the captured fixtures under {@code src/test/resources/streams} (raw SSE bodies,
 * {@code *.sse}) and {@code src/test/resources/responses} (non-streaming JSON bodies).
 * Sources are listed in each folder's {@code SOURCES.md}.
 */
public final class Fixtures {

	private Fixtures() {
	}

	/**
	 * The exact bytes of {@code streams/<name>} (e.g.
	 * {@code "openai-chat-text-usage.sse"}).
	 */
	public static byte[] streamBytes(String name) {
		return bytes("/streams/" + name);
	}

	/** {@code streams/<name>} decoded as UTF-8. */
	public static String stream(String name) {
		return new String(streamBytes(name), StandardCharsets.UTF_8);
	}

	/** {@code responses/<name>} decoded as UTF-8. */
	public static String response(String name) {
		return new String(bytes("/responses/" + name), StandardCharsets.UTF_8);
	}

	/**
	 * The first case of the provider error corpus ({@code errors/provider-errors.json},
	 * sources cited in each case) with this HTTP status whose body contains the text.
	 */
	public static JsonNode providerError(int status, String bodyText) {
		for (JsonNode entry : JsonMapper.builder().build().readTree(bytes("/errors/provider-errors.json"))) {
			if (entry.get("status").asInt() == status && entry.get("body").asString().contains(bodyText)) {
				return entry;
			}
		}
		throw new IllegalArgumentException("The error corpus has no " + status + " case with " + bodyText);
	}

	/** File names of all {@code *.sse} fixtures, sorted. */
	public static List<String> streamNames() {
		return list("/streams/", ".sse");
	}

	/** File names of all {@code *.json} response fixtures, sorted. */
	public static List<String> responseNames() {
		return list("/responses/", ".json");
	}

	private static byte[] bytes(String resource) {
		try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("No test resource " + resource);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> list(String folder, String suffix) {
		URL sources = Fixtures.class.getResource(folder + "SOURCES.md");
		if (sources == null) {
			throw new IllegalStateException("No " + folder + "SOURCES.md on the test classpath");
		}
		try (Stream<Path> files = Files.list(Path.of(sources.toURI()).getParent())) {
			return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
