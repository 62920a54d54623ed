package io.github.relayai.sample.report.input;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An input enum whose values are written as a lower-case code or one of its aliases (e.g.
 * Chinese).
 */
public interface CodedEnum {

	/** The canonical code, as written in the CSV files and in {@code facts.json}. */
	String code();

	/** Further spellings accepted on input. */
	List<String> aliases();

	/**
	 * Finds the constant of {@code type} written as {@code raw} (case-insensitive,
	 * full-width letters as ASCII), if any.
	 */
	static <E extends Enum<E> & CodedEnum> Optional<E> parse(Class<E> type, String raw) {
		String wanted = Notation.plain(raw).toLowerCase(Locale.ROOT);
		return Arrays.stream(type.getEnumConstants())
			.filter(e -> e.code().equals(wanted)
					|| e.aliases().stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(wanted)))
			.findFirst();
	}

	/** The accepted codes of {@code type}, for error messages. */
	static <E extends Enum<E> & CodedEnum> String codes(Class<E> type) {
		return Arrays.stream(type.getEnumConstants()).map(CodedEnum::code).collect(Collectors.joining(", "));
	}

}
