package io.github.relayai.sample.report.input;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.github.relayai.sample.report.i18n.Message;

/**
 * A CSV file read against a list of required columns; each {@link Row} parses its fields
 * and reports bad ones to the shared error list with file, line and column.
 */
public final class CsvRows {

	private final String file;

	private final List<String> header;

	private final List<Row> rows = new ArrayList<>();

	private final List<InputError> errors;

	private CsvRows(String file, List<String> header, List<InputError> errors) {
		this.file = file;
		this.header = header;
		this.errors = errors;
	}

	/**
	 * Parses {@code text} (the decoded content of {@code file}); a missing required
	 * column is one error on line 1 and yields no rows.
	 */
	public static CsvRows parse(String file, String text, List<String> requiredColumns, List<InputError> errors) {
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setTrim(true)
			.setIgnoreEmptyLines(true)
			.get();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			CsvRows result = new CsvRows(file, parser.getHeaderNames(), errors);
			List<String> missing = requiredColumns.stream().filter(c -> !result.header.contains(c)).toList();
			if (!missing.isEmpty()) {
				errors.add(new InputError(file, 1, 0, Message.of("error.csv.columns", String.join(", ", missing),
						String.join(",", requiredColumns))));
				return result;
			}
			for (CSVRecord record : parser) {
				// the parser has consumed the record's last line; records never span
				// lines in these exports
				int line = (int) parser.getCurrentLineNumber();
				if (record.size() != result.header.size()) {
					errors.add(new InputError(file, line, 0,
							Message.of("error.csv.fieldCount", result.header.size(), record.size())));
					continue;
				}
				result.rows.add(result.new Row(record, line));
			}
			return result;
		}
		catch (IOException | IllegalArgumentException | IllegalStateException e) {
			errors.add(new InputError(file, 1, 0, Message.of("error.csv.unreadable", e.getMessage())));
			return new CsvRows(file, List.of(), errors);
		}
	}

	/** The data rows, in file order. */
	public List<Row> rows() {
		return rows;
	}

	/**
	 * One data row; the parse methods return null (or empty) for a bad field after
	 * recording the error.
	 */
	public final class Row {

		private final CSVRecord record;

		private final int line;

		private int rowErrors;

		private Row(CSVRecord record, int line) {
			this.record = record;
			this.line = line;
		}

		/** The 1-based line number in the file. */
		public int line() {
			return line;
		}

		/** Whether no field of this row has been reported bad so far. */
		public boolean valid() {
			return rowErrors == 0;
		}

		/** Records an error about {@code column} of this row. */
		public void error(String column, Message message) {
			rowErrors++;
			errors.add(
					new InputError(file, line, header.indexOf(column) + 1, Message.of("error.field", column, message)));
		}

		/**
		 * The text of {@code column} without surrounding white space (full-width spaces
		 * included), possibly empty.
		 */
		public String text(String column) {
			String value = record.isMapped(column) ? record.get(column) : null;
			return value == null ? "" : value.strip();
		}

		/**
		 * The required text of {@code column} in plain notation: full-width digits,
		 * letters and punctuation as ASCII (NFKC), as Chinese exports often write them.
		 */
		public String notation(String column) {
			String value = required(column);
			return value == null ? null : Notation.plain(value);
		}

		/** The text of {@code column}, which must not be empty. */
		public String required(String column) {
			String value = text(column);
			if (value.isEmpty()) {
				error(column, Message.of("error.value.required"));
				return null;
			}
			return value;
		}

		/** A required enum value. */
		public <E extends Enum<E> & CodedEnum> E enumValue(String column, Class<E> type) {
			String raw = required(column);
			if (raw == null) {
				return null;
			}
			Optional<E> value = CodedEnum.parse(type, Notation.plain(raw));
			if (value.isEmpty()) {
				error(column, Message.of("error.value.unknownCode", raw, CodedEnum.codes(type)));
			}
			return value.orElse(null);
		}

		/** A required ISO date ({@code 2026-10-31}). */
		public LocalDate date(String column) {
			return parsed(column, notation(column), LocalDate::parse, "expected.isoDate");
		}

		/** An optional ISO date; null when empty. */
		public LocalDate optionalDate(String column) {
			String raw = Notation.plain(text(column));
			return raw.isEmpty() ? null : parsed(column, raw, LocalDate::parse, "expected.isoDate");
		}

		/**
		 * A required ISO-8601 date-time with offset ({@code 2026-10-28T10:00:00+08:00}).
		 */
		public OffsetDateTime dateTime(String column) {
			return parsed(column, notation(column), OffsetDateTime::parse, "expected.offsetDateTime");
		}

		/**
		 * A required whole number of at least {@code min}; thousands separators
		 * ({@code 1,200}) and full-width digits are accepted, anything else that could
		 * change the number is not.
		 */
		public Long longAtLeast(String column, long min) {
			Long value = parsed(column, notation(column), Notation::wholeNumber, "expected.wholeNumber");
			if (value != null && value < min) {
				error(column, Message.of("error.value.atLeast", min, value));
				return null;
			}
			return value;
		}

		/** An optional TCP/UDP port; null when empty. */
		public Integer optionalPort(String column) {
			String raw = Notation.plain(text(column));
			if (raw.isEmpty()) {
				return null;
			}
			Integer port = parsed(column, raw, Integer::parseInt, "expected.port");
			if (port != null && (port < 0 || port > 65535)) {
				error(column, Message.of("error.value.portRange", port));
				return null;
			}
			return port;
		}

		/** An IPv4 address, required or optional (empty string when absent). */
		public String ip(String column, boolean isRequired) {
			String raw = isRequired ? notation(column) : Notation.plain(text(column));
			if (raw == null || raw.isEmpty()) {
				return raw;
			}
			if (!Ipv4.isValid(raw)) {
				error(column, Message.of("error.value.ipv4", raw));
				return null;
			}
			return raw;
		}

		/**
		 * {@code raw} parsed, or null after an error saying it is not what the key
		 * {@code expected} describes.
		 */
		private <T> T parsed(String column, String raw, Function<String, T> parser, String expected) {
			if (raw == null) {
				return null;
			}
			try {
				return parser.apply(raw);
			}
			catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
				error(column, Message.of("error.value.notA", raw, Message.of(expected)));
				return null;
			}
		}

	}

}
