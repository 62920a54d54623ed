package io.github.relayai.sample.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.github.relayai.sample.report.facts.Facts;
import io.github.relayai.sample.report.facts.FactsCalculator;
import io.github.relayai.sample.report.input.InputReader;

/** The bundled example data, and copies of it to break. */
public final class TestData {

	/** The bundled data folder. */
	public static final Path DATA = Path.of("data");

	/** The first example client's month. */
	public static final Path ACME = DATA.resolve("acme-bank/2026-10");

	/** The second example client's month. */
	public static final Path HOSPITAL = DATA.resolve("demo-hospital/2026-10");

	/**
	 * The third example client's month, exported the Chinese-vendor way (GBK, Chinese
	 * categories and words, mixed units).
	 */
	public static final Path MANUFACTURER = DATA.resolve("demo-manufacturer/2026-10");

	private TestData() {
	}

	/** Reads and computes the facts of {@code folder}. */
	public static Facts facts(Path folder) {
		return new FactsCalculator().compute(new InputReader().read(folder));
	}

	/**
	 * Copies the month folder {@code source} to {@code <root>/<client>/<month>} and
	 * returns the copy.
	 */
	public static Path copy(Path source, Path root) {
		Path target = root.resolve(source.getParent().getFileName()).resolve(source.getFileName());
		try (Stream<Path> files = Files.list(source)) {
			Files.createDirectories(target);
			for (Path f : files.toList()) {
				Files.copy(f, target.resolve(f.getFileName()));
			}
			return target;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
