package io.github.relayai.sample.report.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.relayai.sample.report.alerts.AlertCategories;
import io.github.relayai.sample.report.checks.CheckCatalogue;
import io.github.relayai.sample.report.checks.ValueReader;
import io.github.relayai.sample.report.i18n.LocalizedException;
import io.github.relayai.sample.report.i18n.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and strictly validates one client's month folder
 * ({@code data/<clientId>/<YYYY-MM>/}). Every problem is collected with its file, line
 * and column; if there is any, {@link #read(Path)} throws an {@link InputException} and
 * nothing downstream runs.
 */
public final class InputReader {

	private static final Pattern MONTH_FOLDER = Pattern.compile("\\d{4}-\\d{2}");

	private static final List<String> DEVICE_COLUMNS = List.of("device_id", "name", "type", "vendor", "model",
			"mgmt_ip", "location", "ha_role", "business_system");

	private static final List<String> CHECK_COLUMNS = List.of("device_id", "collected_at", "item", "value", "unit",
			"note");

	private static final List<String> ALERT_COLUMNS = List.of("time", "device_id", "severity", "category", "rule_id",
			"rule_name", "src_ip", "dst_ip", "dst_port", "protocol", "action", "count", "status", "note");

	private static final List<String> VULN_COLUMNS = List.of("asset", "name", "cve", "severity", "status", "found",
			"fixed");

	private static final List<String> ISSUE_COLUMNS = List.of("id", "opened", "device_id", "title", "risk", "status",
			"due", "closed");

	private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");

	private static final Pattern SCHEMA_VERSION = Pattern.compile("1(\\.0)?");

	/** A time of day after the date ({@code T09:15} or {@code  09:15}). */
	private static final Pattern DATE_TIME = Pattern.compile("\\d[T ]\\d{1,2}:\\d{2}");

	/** A zone offset after a time ({@code +08:00}, {@code Z}). */
	private static final Pattern OFFSET = Pattern.compile(":\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2})$");

	private final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	/** Reads {@code folder}; throws {@link InputException} listing every error found. */
	public InspectionData read(Path folder) {
		List<InputError> errors = new ArrayList<>();
		ReportMeta meta = readMeta(folder, errors);
		if (meta == null) {
			throw new InputException(errors);
		}
		List<Device> devices = readDevices(folder, errors);
		Set<String> deviceIds = new HashSet<>();
		devices.forEach(d -> deviceIds.add(d.id()));
		List<CheckRow> checks = readChecks(folder, deviceIds, errors);
		List<Alert> alerts = readAlerts(folder, meta, AlertCategories.withClientKeywords(meta.categories()), deviceIds,
				errors);
		Optional<List<Vuln>> vulns = Files.exists(folder.resolve("vulns.csv")) ? Optional.of(readVulns(folder, errors))
				: Optional.empty();
		List<Issue> issues = Files.exists(folder.resolve("issues.csv")) ? readIssues(folder, deviceIds, errors)
				: List.of();
		if (!errors.isEmpty()) {
			errors.sort(Comparator.comparing(InputError::file)
				.thenComparingInt(InputError::line)
				.thenComparingInt(InputError::column));
			throw new InputException(errors);
		}
		return new InspectionData(folder, meta, devices, checks, alerts, vulns, issues);
	}

	private ReportMeta readMeta(Path folder, List<InputError> errors) {
		String file = "report.json";
		String text = readText(folder, file, errors);
		if (text == null) {
			return null;
		}
		ReportMeta meta;
		try {
			meta = json.readValue(text, ReportMeta.class);
		}
		catch (JacksonException e) {
			TokenStreamLocation at = e.getLocation();
			errors.add(new InputError(file, at == null ? 1 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
					Message.of("error.json.invalid", e.getOriginalMessage())));
			return null;
		}
		JsonLocator locator = new JsonLocator(text);
		List<String> missing = new ArrayList<>();
		if (meta.client() == null || blank(meta.client().id()) || blank(meta.client().name())) {
			missing.add("client.id, client.name");
		}
		if (meta.period() == null || meta.period().month() == null || meta.period().start() == null
				|| meta.period().end() == null || meta.period().timezone() == null) {
			missing.add("period.month, period.start, period.end, period.timezone");
		}
		if (meta.provider() == null || blank(meta.provider().name())) {
			missing.add("provider.name");
		}
		if (!missing.isEmpty()) {
			errors.add(new InputError(file, 1, 0, Message.of("error.json.required", String.join("; ", missing))));
			return null;
		}
		ReportMeta.Period period = meta.period();
		if (!period.start().equals(period.month().atDay(1)) || !period.end().equals(period.month().atEndOfMonth())) {
			errors.add(locator.error(file, "period.end", Message.of("error.json.periodBounds", period.month(),
					period.month().atDay(1), period.month().atEndOfMonth())));
		}
		String folderName = folder.toAbsolutePath().normalize().getFileName().toString();
		if (MONTH_FOLDER.matcher(folderName).matches() && !YearMonth.parse(folderName).equals(period.month())) {
			errors.add(locator.error(file, "period.month",
					Message.of("error.json.monthFolder", period.month(), folderName)));
		}
		Path parent = folder.toAbsolutePath().normalize().getParent();
		if (MONTH_FOLDER.matcher(folderName).matches() && parent != null
				&& !parent.getFileName().toString().equals(meta.client().id())) {
			errors.add(locator.error(file, "client.id",
					Message.of("error.json.clientFolder", meta.client().id(), parent.getFileName())));
		}
		for (String item : meta.thresholdOverrides() == null ? Set.<String>of() : meta.thresholdOverrides().keySet()) {
			if (!CheckCatalogue.isRated(item)) {
				errors.add(locator.error(file, "thresholdOverrides." + item, Message.of("error.json.override", item)));
			}
		}
		Map<String, String> categories = new LinkedHashMap<>();
		if (meta.categories() != null) {
			meta.categories().forEach((keyword, cls) -> {
				String c = cls == null ? "" : cls.strip().toLowerCase(Locale.ROOT);
				if (AlertCategories.classes().contains(c)) {
					categories.put(keyword, c);
				}
				else {
					errors.add(locator.error(file, "categories." + keyword, Message.of("error.json.categoryClass", cls,
							keyword, String.join(", ", AlertCategories.classes()))));
				}
			});
		}
		if (meta.schemaVersion() == null || !SCHEMA_VERSION.matcher(meta.schemaVersion().strip()).matches()) {
			errors.add(locator.error(file, "schemaVersion",
					(meta.schemaVersion() == null) ? Message.of("error.json.schemaVersion.missing")
							: Message.of("error.json.schemaVersion", meta.schemaVersion())));
		}
		return new ReportMeta(meta.schemaVersion() == null ? "" : meta.schemaVersion().strip(), meta.client(), period,
				meta.provider(), meta.inspectionDates() == null ? List.of() : meta.inspectionDates(),
				meta.previousMonth(), meta.thresholdOverrides() == null ? Map.of() : meta.thresholdOverrides(),
				categories, meta.notes() == null ? "" : meta.notes());
	}

	private List<Device> readDevices(Path folder, List<InputError> errors) {
		List<Device> devices = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (CsvRows.Row row : rows(folder, "devices.csv", DEVICE_COLUMNS, errors)) {
			String id = row.required("device_id");
			if (id != null && !seen.add(id)) {
				row.error("device_id", Message.of("error.value.duplicateDevice", id));
			}
			Device device = new Device(id, row.required("name"), row.enumValue("type", DeviceType.class),
					row.text("vendor"), row.text("model"), row.ip("mgmt_ip", false), row.text("location"),
					row.text("ha_role"), row.text("business_system"));
			if (row.valid()) {
				devices.add(device);
			}
		}
		return devices;
	}

	private List<CheckRow> readChecks(Path folder, Set<String> deviceIds, List<InputError> errors) {
		List<CheckRow> checks = new ArrayList<>();
		for (CsvRows.Row row : rows(folder, "checks.csv", CHECK_COLUMNS, errors)) {
			String item = row.required("item");
			CheckRow check = new CheckRow(knownDevice(row, deviceIds), row.dateTime("collected_at"), item,
					row.text("value"), row.text("unit"), row.text("note"));
			if (item != null) {
				try {
					ValueReader.read(item, check.value(), check.unit());
				}
				catch (LocalizedException e) {
					row.error(check.value().isEmpty() ? "unit" : "value", Message.of("error.field", item, e.problem()));
				}
			}
			if (row.valid()) {
				checks.add(check);
			}
		}
		return checks;
	}

	private List<Alert> readAlerts(Path folder, ReportMeta meta, AlertCategories categories, Set<String> deviceIds,
			List<InputError> errors) {
		List<Alert> alerts = new ArrayList<>();
		for (CsvRows.Row row : rows(folder, "alerts.csv", ALERT_COLUMNS, errors)) {
			String rawTime = row.notation("time");
			LocalDateTime time = rawTime == null ? null : alertTime(row, rawTime, meta);
			String category = row.required("category");
			Alert alert = new Alert(time, rawTime != null && !DATE_TIME.matcher(rawTime).find(),
					knownDevice(row, deviceIds), row.enumValue("severity", Severity.class), category,
					category == null ? null : categories.classify(category).orElse(null), row.required("rule_id"),
					row.text("rule_name"), row.ip("src_ip", true), row.ip("dst_ip", false),
					row.optionalPort("dst_port"), row.text("protocol"), row.enumValue("action", AlertAction.class),
					orZero(row.longAtLeast("count", 1)), row.enumValue("status", AlertStatus.class), row.text("note"));
			if (row.valid()) {
				alerts.add(alert);
			}
		}
		return alerts;
	}

	/**
	 * An ISO date-time with offset, or a local date-time or date in the period's zone, as
	 * consoles export them: {@code 2026-10-03 09:15:00}, {@code 2026/10/03 09:15},
	 * {@code 2026-10-03}.
	 */
	private static LocalDateTime alertTime(CsvRows.Row row, String raw, ReportMeta meta) {
		LocalDateTime time;
		String iso = raw.replace('/', '-');
		try {
			if (OFFSET.matcher(iso).find()) {
				time = OffsetDateTime.parse(iso.replace(' ', 'T'))
					.atZoneSameInstant(meta.period().timezone())
					.toLocalDateTime();
			}
			else if (DATE_TIME.matcher(iso).find()) {
				time = LocalDateTime.parse(iso.replace(' ', 'T'));
			}
			else {
				time = LocalDate.parse(iso).atStartOfDay();
			}
		}
		catch (DateTimeParseException e) {
			row.error("time", Message.of("error.value.notA", raw, Message.of("expected.alertTime")));
			return null;
		}
		LocalDate day = time.toLocalDate();
		if (day.isBefore(meta.period().start()) || day.isAfter(meta.period().end())) {
			row.error("time", Message.of("error.value.outsidePeriod", day, meta.period().month()));
			return null;
		}
		return time;
	}

	private List<Vuln> readVulns(Path folder, List<InputError> errors) {
		List<Vuln> vulns = new ArrayList<>();
		for (CsvRows.Row row : rows(folder, "vulns.csv", VULN_COLUMNS, errors)) {
			String cve = row.text("cve");
			if (!cve.isEmpty() && !CVE.matcher(cve).matches()) {
				row.error("cve", Message.of("error.value.cve", cve));
			}
			Vuln vuln = new Vuln(row.required("asset"), row.required("name"), cve,
					row.enumValue("severity", Severity.class), row.enumValue("status", VulnStatus.class),
					row.date("found"), row.optionalDate("fixed"));
			if (row.valid()) {
				vulns.add(vuln);
			}
		}
		return vulns;
	}

	private List<Issue> readIssues(Path folder, Set<String> deviceIds, List<InputError> errors) {
		List<Issue> issues = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (CsvRows.Row row : rows(folder, "issues.csv", ISSUE_COLUMNS, errors)) {
			String id = row.required("id");
			if (id != null && !seen.add(id)) {
				row.error("id", Message.of("error.value.duplicateIssue", id));
			}
			String deviceId = row.text("device_id");
			if (!deviceId.isEmpty()) {
				knownDevice(row, deviceIds);
			}
			Issue issue = new Issue(id, row.date("opened"), deviceId, row.required("title"),
					row.enumValue("risk", Risk.class), row.enumValue("status", IssueStatus.class),
					row.optionalDate("due"), row.optionalDate("closed"));
			if (issue.status() == IssueStatus.CLOSED && issue.closed() == null) {
				row.error("closed", Message.of("error.value.closedWithoutDate"));
			}
			if (row.valid()) {
				issues.add(issue);
			}
		}
		return issues;
	}

	private static String knownDevice(CsvRows.Row row, Set<String> deviceIds) {
		String id = row.required("device_id");
		if (id != null && !deviceIds.contains(id)) {
			row.error("device_id", Message.of("error.value.unknownDevice", id));
			return null;
		}
		return id;
	}

	private List<CsvRows.Row> rows(Path folder, String file, List<String> columns, List<InputError> errors) {
		String text = readText(folder, file, errors);
		return text == null ? List.of() : CsvRows.parse(file, text, columns, errors).rows();
	}

	private static String readText(Path folder, String file, List<InputError> errors) {
		Path path = folder.resolve(file);
		if (!Files.isRegularFile(path)) {
			errors.add(new InputError(file, 0, 0, Message.of("error.file.missing", folder)));
			return null;
		}
		try {
			return TextDecoding.decode(Files.readAllBytes(path)).text();
		}
		catch (IOException e) {
			errors.add(new InputError(file, 0, 0, Message.of("error.file.unreadable", e.getMessage())));
			return null;
		}
	}

	private static long orZero(Long value) {
		return value == null ? 0 : value;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
