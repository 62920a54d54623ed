package io.github.relayai.sample.report.alerts;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.github.relayai.sample.report.alerts.AlertStatistics.Count;
import io.github.relayai.sample.report.alerts.AlertStatistics.HostSpread;
import io.github.relayai.sample.report.input.Alert;
import io.github.relayai.sample.report.input.AlertAction;
import io.github.relayai.sample.report.input.AlertStatus;
import io.github.relayai.sample.report.input.Ipv4;
import io.github.relayai.sample.report.input.Severity;

/** Computes {@link AlertStatistics} from a month's alert rows. */
public final class AlertAnalyzer {

	/** Length of the Top-N tables. */
	public static final int TOP_N = 5;

	/**
	 * Computes the statistics of {@code alerts} over the days {@code start}..{@code end}.
	 */
	public AlertStatistics analyze(List<Alert> alerts, LocalDate start, LocalDate end) {
		long total = sum(alerts);
		Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
		for (Severity s : Severity.values()) {
			bySeverity.put(s, sum(alerts, a -> a.severity() == s));
		}
		Map<LocalDate, Long> daily = new TreeMap<>();
		for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
			daily.put(d, 0L);
		}
		alerts.forEach(a -> daily.merge(a.time().toLocalDate(), a.count(), Long::sum));
		List<Alert> unresolved = alerts.stream()
			.filter(a -> a.severity().highPlus() && (a.status().unresolved() || a.action() != AlertAction.BLOCKED))
			.sorted(Comparator.comparing(Alert::severity).thenComparing(Alert::time))
			.toList();
		return new AlertStatistics(total, bySeverity, sum(alerts, a -> a.severity().highPlus()),
				counts(alerts, Alert::deviceId, a -> "", Integer.MAX_VALUE),
				counts(alerts, Alert::category, a -> a.categoryClass() == null ? "" : a.categoryClass(),
						Integer.MAX_VALUE),
				counts(filter(alerts, a -> a.categoryClass() == null), Alert::category, a -> "", Integer.MAX_VALUE),
				counts(alerts, a -> a.action().code(), a -> "", Integer.MAX_VALUE),
				counts(alerts, a -> a.status().code(), a -> "", Integer.MAX_VALUE),
				counts(filter(alerts, a -> !Ipv4.isInternal(a.srcIp())), Alert::srcIp, a -> "", TOP_N),
				counts(filter(alerts, a -> Ipv4.isInternal(a.srcIp())), Alert::srcIp, a -> "", TOP_N),
				counts(filter(alerts, a -> !a.target().isEmpty()), Alert::target, a -> "", TOP_N),
				counts(alerts, Alert::ruleId, Alert::ruleName, TOP_N), daily,
				Percent.of(sum(alerts, a -> a.action() == AlertAction.BLOCKED), total),
				Percent.of(
						sum(alerts, a -> a.status() == AlertStatus.HANDLED || a.status() == AlertStatus.FALSE_POSITIVE),
						total),
				unresolved,
				spreads(filter(alerts, a -> Ipv4.isInternal(a.srcIp())), s -> s.devices().size() >= 2, a -> true),
				spreads(filter(alerts, a -> Ipv4.isInternal(a.srcIp())), s -> true,
						a -> AlertCategories.isCompromise(a.categoryClass())),
				spreads(filter(alerts, a -> !Ipv4.isInternal(a.srcIp())), s -> s.categories().size() >= 2,
						a -> AlertCategories.isExploit(a.categoryClass())));
	}

	private static List<Alert> filter(List<Alert> alerts, Predicate<Alert> keep) {
		return alerts.stream().filter(keep).toList();
	}

	private static long sum(List<Alert> alerts) {
		return sum(alerts, a -> true);
	}

	private static long sum(List<Alert> alerts, Predicate<Alert> keep) {
		return alerts.stream().filter(keep).mapToLong(Alert::count).sum();
	}

	/**
	 * Counts by key, largest first (ties by key), at most {@code limit}; the label is the
	 * first row's.
	 */
	private static List<Count> counts(List<Alert> alerts, Function<Alert, String> key, Function<Alert, String> label,
			int limit) {
		Map<String, Long> totals = new LinkedHashMap<>();
		Map<String, String> labels = new LinkedHashMap<>();
		for (Alert a : alerts) {
			totals.merge(key.apply(a), a.count(), Long::sum);
			labels.putIfAbsent(key.apply(a), label.apply(a));
		}
		return totals.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.limit(limit)
			.map(e -> new Count(e.getKey(), labels.get(e.getKey()), e.getValue()))
			.toList();
	}

	/**
	 * Per source IP over the rows matching {@code rows}: the devices, category classes
	 * and count; kept when {@code keep} holds, most devices first, then by IP.
	 */
	private static List<HostSpread> spreads(List<Alert> alerts, Predicate<HostSpread> keep, Predicate<Alert> rows) {
		Map<String, List<Alert>> bySource = alerts.stream()
			.filter(rows)
			.collect(Collectors.groupingBy(Alert::srcIp, TreeMap::new, Collectors.toList()));
		return bySource.entrySet()
			.stream()
			.map(e -> new HostSpread(e.getKey(),
					List.copyOf(
							e.getValue().stream().map(Alert::deviceId).collect(Collectors.toCollection(TreeSet::new))),
					List.copyOf(e.getValue()
						.stream()
						.map(a -> a.categoryClass() == null ? a.category() : a.categoryClass())
						.collect(Collectors.toCollection(TreeSet::new))),
					sum(e.getValue())))
			.filter(keep)
			.sorted(Comparator.comparing((HostSpread s) -> -s.devices().size()).thenComparing(HostSpread::ip))
			.toList();
	}

}
