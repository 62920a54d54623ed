package io.github.relayai.error;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Case-insensitive view of response headers, reading the request id, the retry delay and
 * {@code x-should-retry}.
 */
final class ResponseHeaders {

	/**
	 * Request-id headers, most specific first; {@code cf-ray} identifies the CDN hop, so
	 * it comes last.
	 */
	private static final List<String> REQUEST_ID_HEADERS = List.of("x-request-id", "request-id", "x-rixapi-request-id",
			"x-oneapi-request-id", "x-new-api-request-id", "apim-request-id", "cf-ray");

	private final Map<String, List<String>> headers;

	private ResponseHeaders(Map<String, List<String>> headers) {
		this.headers = headers;
	}

	static ResponseHeaders of(Map<String, List<String>> headers) {
		Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		if (headers != null) {
			headers.forEach((name, values) -> {
				if (name != null && values != null) {
					copy.put(name, values);
				}
			});
		}
		return new ResponseHeaders(copy);
	}

	Optional<String> first(String name) {
		List<String> values = this.headers.get(name);
		if (values == null) {
			return Optional.empty();
		}
		return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).findFirst();
	}

	Optional<String> requestId() {
		return REQUEST_ID_HEADERS.stream().map(this::first).flatMap(Optional::stream).findFirst();
	}

	/**
	 * The delay from {@code retry-after-ms}, else {@code retry-after} in seconds or as an
	 * HTTP-date.
	 */
	Optional<Duration> retryAfter(Clock clock) {
		Optional<Duration> millis = first("retry-after-ms").flatMap(v -> number(v))
			.map(ms -> Duration.ofNanos((long) (ms * 1_000_000)));
		if (millis.isPresent()) {
			return millis;
		}
		return first("retry-after")
			.flatMap(value -> number(value).map(seconds -> Duration.ofMillis((long) (seconds * 1000)))
				.or(() -> httpDate(value, clock)));
	}

	Optional<Boolean> shouldRetry() {
		return first("x-should-retry").map(v -> v.toLowerCase(Locale.ROOT))
			.filter(v -> v.equals("true") || v.equals("false"))
			.map(Boolean::valueOf);
	}

	private static Optional<Double> number(String value) {
		try {
			double parsed = Double.parseDouble(value);
			return (parsed >= 0 && !Double.isInfinite(parsed)) ? Optional.of(parsed) : Optional.empty();
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static Optional<Duration> httpDate(String value, Clock clock) {
		try {
			ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
			Duration delay = Duration.between(clock.instant(), at.toInstant());
			return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
