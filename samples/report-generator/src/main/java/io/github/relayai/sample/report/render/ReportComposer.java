package io.github.relayai.sample.report.render;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.relayai.sample.report.alerts.AlertStatistics;
import io.github.relayai.sample.report.alerts.AlertStatistics.Count;
import io.github.relayai.sample.report.alerts.Percent;
import io.github.relayai.sample.report.checks.CheckStatus;
import io.github.relayai.sample.report.checks.DeviceResult;
import io.github.relayai.sample.report.facts.Facts;
import io.github.relayai.sample.report.facts.FactsPack;
import io.github.relayai.sample.report.facts.FindingTexts;
import io.github.relayai.sample.report.facts.ItemDisplay;
import io.github.relayai.sample.report.facts.RiskFinding;
import io.github.relayai.sample.report.i18n.Texts;
import io.github.relayai.sample.report.input.Alert;
import io.github.relayai.sample.report.input.DeviceType;
import io.github.relayai.sample.report.input.Severity;
import io.github.relayai.sample.report.narrative.Narrative;
import io.github.relayai.sample.report.narrative.NarrativeResult;
import io.github.relayai.sample.report.render.ReportDocument.Block;
import io.github.relayai.sample.report.render.ReportDocument.Bullets;
import io.github.relayai.sample.report.render.ReportDocument.Cell;
import io.github.relayai.sample.report.render.ReportDocument.Chart;
import io.github.relayai.sample.report.render.ReportDocument.Cover;
import io.github.relayai.sample.report.render.ReportDocument.Heading;
import io.github.relayai.sample.report.render.ReportDocument.PageBreak;
import io.github.relayai.sample.report.render.ReportDocument.Paragraph;
import io.github.relayai.sample.report.render.ReportDocument.Table;
import io.github.relayai.sample.report.render.ReportDocument.Toc;
import io.github.relayai.sample.report.render.ReportDocument.Tone;

/**
 * Lays out the report outline of the domain guide (sections 0-6 and appendix) as a
 * {@link ReportDocument}.
 */
public final class ReportComposer {

	private static final Map<Severity, String> SEVERITY_COLORS = Map.of(Severity.CRITICAL, "8E1B1B", Severity.HIGH,
			"D9534F", Severity.MEDIUM, "F0AD4E", Severity.LOW, "5BC0DE", Severity.INFO, "9E9E9E");

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

	private final Texts t;

	private final Facts facts;

	private final FactsPack pack;

	private final NarrativeResult narrative;

	private final FindingTexts findingTexts;

	private final ItemDisplay itemDisplay;

	private final List<Block> blocks = new ArrayList<>();

	/** The number of the current section and subsection. */
	private int section;

	private int subsection;

	private ReportComposer(Facts facts, FactsPack pack, NarrativeResult narrative, Texts texts) {
		this.t = texts;
		this.facts = facts;
		this.pack = pack;
		this.narrative = narrative;
		this.findingTexts = new FindingTexts(texts, facts);
		this.itemDisplay = new ItemDisplay(texts);
	}

	/**
	 * Composes the report of {@code facts} with {@code narrative}, in the language of
	 * {@code texts}.
	 */
	public static ReportDocument compose(Facts facts, FactsPack pack, NarrativeResult narrative, Texts texts) {
		ReportComposer c = new ReportComposer(facts, pack, narrative, texts);
		c.cover();
		c.overview();
		c.devices();
		c.alerts();
		c.vulns();
		c.issues();
		c.plan();
		c.appendix();
		return new ReportDocument(texts.t("report.title"), List.copyOf(c.blocks));
	}

	/** The one-line headline, e.g. "本月共巡检设备8台：正常2台、告警2台、异常3台、待复核1台". */
	public static String headline(Facts facts, Texts t) {
		List<String> parts = new ArrayList<>();
		for (CheckStatus s : List.of(CheckStatus.OK, CheckStatus.WARN, CheckStatus.ABNORMAL, CheckStatus.REVIEW)) {
			long n = facts.devicesWith(s);
			if (n > 0 || s != CheckStatus.REVIEW) {
				parts.add(t.t("headline.part", t.t("status." + s), t.number(n) + t.t("unit.device")));
			}
		}
		return t.t("headline", t.number(facts.devices().size()), String.join(t.t("fmt.listSeparator"), parts));
	}

	private void cover() {
		var meta = facts.meta();
		Table control = table(List.of(t.t("cover.control.item"), t.t("cover.control.value")),
				List.of(row(t.t("cover.client"), meta.client().name()),
						row(t.t("cover.period"), meta.period().start() + " ~ " + meta.period().end()),
						row(t.t("cover.provider"), meta.provider().name()),
						row(t.t("cover.engineer"), nz(meta.provider().engineer())),
						row(t.t("cover.reviewer"), nz(meta.provider().reviewer())), row(t.t("cover.version"), "V1.0"),
						row(t.t("cover.narrative"), t.t("narrative.source." + narrative.source()))));
		blocks.add(new Cover(t.t("report.title"), meta.client().name(), t.month(meta.period().month()),
				meta.provider().name(), control));
		blocks.add(new PageBreak());
		blocks.add(new Toc(t.t("toc")));
		blocks.add(new PageBreak());
	}

	private void overview() {
		var meta = facts.meta();
		blocks.add(section("s1"));
		blocks.add(subsection("s1.scope"));
		String types = facts.devices()
			.stream()
			.map(d -> d.device().type())
			.distinct()
			.map(type -> t.t("deviceType." + type.name()))
			.collect(Collectors.joining(t.t("fmt.listSeparator")));
		String dates = meta.inspectionDates().isEmpty() ? "—"
				: meta.inspectionDates().stream().map(t::date).collect(Collectors.joining(t.t("fmt.listSeparator")));
		blocks.add(new Paragraph(t.t("s1.scope.text", meta.client().name(), meta.period().start(), meta.period().end(),
				dates, t.number(facts.devices().size()), types), Tone.NORMAL));
		blocks.add(new Paragraph(headline(facts, t), Tone.HEADLINE));
		blocks.add(new Paragraph(t.t("s1.rating", t.t("rating." + facts.overallRating()),
				t.t("rating." + facts.overallRating() + ".reason")), Tone.HEADLINE));
		blocks.add(subsection("s1.carried"));
		if (facts.carriedIssues().isEmpty()) {
			blocks.add(new Paragraph(t.t("s1.carried.none"), Tone.NORMAL));
		}
		else {
			blocks.add(table(
					List.of(t.t("col.issueId"), t.t("col.device"), t.t("col.problem"), t.t("col.risk"),
							t.t("col.statusNow"), t.t("col.due")),
					facts.carriedIssues()
						.stream()
						.map(i -> row(i.id(), i.deviceId(), i.title(), t.t("risk." + i.risk()),
								i.openOn(meta.period().end()) ? t.t("issueStatus." + i.status().code())
										: t.t("issueStatus.closed") + " " + t.date(i.closed()),
								t.date(i.due())))
						.toList()));
		}
		blocks.add(subsection("s1.summary"));
		aiLabel();
		blocks.add(new Paragraph(narrative.narrative().summary(), Tone.NORMAL));
	}

	private void devices() {
		blocks.add(new PageBreak());
		blocks.add(section("s2"));
		blocks.add(subsection("s2.byType"));
		Map<DeviceType, List<DeviceResult>> byType = new LinkedHashMap<>();
		facts.devices().forEach(d -> byType.computeIfAbsent(d.device().type(), k -> new ArrayList<>()).add(d));
		List<List<Cell>> rows = new ArrayList<>();
		byType.forEach((type, list) -> {
			List<Cell> row = new ArrayList<>(List.of(Cell.of(t.t("deviceType." + type.name())), Cell.of(list.size())));
			for (CheckStatus s : List.of(CheckStatus.OK, CheckStatus.WARN, CheckStatus.ABNORMAL, CheckStatus.REVIEW)) {
				long n = list.stream().filter(d -> d.status() == s).count();
				row.add(new Cell(String.valueOf(n), n > 0 ? s : null));
			}
			rows.add(row);
		});
		blocks.add(new Table(List.of(t.t("col.type"), t.t("col.count"), t.t("status.OK"), t.t("status.WARN"),
				t.t("status.ABNORMAL"), t.t("status.REVIEW")), rows));
		blocks.add(subsection("s2.detail"));
		for (DeviceResult d : facts.devices()) {
			var dev = d.device();
			blocks.add(new Heading(3, dev.id() + " " + dev.name() + " — " + t.t("status." + d.status())));
			blocks.add(new Paragraph(t.t("s2.device.meta", t.t("deviceType." + dev.type().name()), nz(dev.vendor()),
					nz(dev.model()), nz(dev.mgmtIp()), nz(dev.location()), nz(dev.businessSystem())), Tone.NOTE));
			blocks.add(new Table(List.of(t.t("col.item"), t.t("col.value"), t.t("col.status"), t.t("col.note")),
					d.items()
						.stream()
						.map(i -> List.of(Cell.of(findingTexts.itemLabel(i.item())), Cell.of(itemDisplay.value(i)),
								new Cell(t.t("status." + i.status()),
										i.status() == CheckStatus.INFO ? null : i.status()),
								Cell.of(i.note())))
						.toList()));
		}
	}

	private void alerts() {
		AlertStatistics a = facts.alerts();
		var prev = facts.meta().previousMonth();
		blocks.add(new PageBreak());
		blocks.add(section("s3"));
		blocks.add(subsection("s3.overview"));
		blocks.add(new Paragraph(t.t("s3.overview.text", t.number(a.total()), t.number(a.highPlusTotal()),
				t.percent(a.blockedRatioPct()), t.percent(a.handledRatioPct())), Tone.NORMAL));
		if (prev != null) {
			blocks
				.add(new Paragraph(t.t("s3.overview.mom", t.number(prev.alertsTotal()), t.change(facts.momAlertsPct()),
						t.number(prev.highPlusAlerts()), t.change(facts.momHighPlusPct())), Tone.NORMAL));
		}
		List<List<Cell>> sev = new ArrayList<>();
		for (Severity s : Severity.values()) {
			long n = a.bySeverity().get(s);
			sev.add(List.of(Cell.of(t.t("severity." + s.code())), Cell.of(t.number(n)),
					Cell.of(t.percent(Percent.of(n, a.total())))));
		}
		sev.add(List.of(Cell.of(t.t("s3.highPlus")), Cell.of(t.number(a.highPlusTotal())),
				Cell.of(prev == null ? "—" : t.t("s3.momCell", t.change(facts.momHighPlusPct())))));
		sev.add(List.of(Cell.of(t.t("s3.total")), Cell.of(t.number(a.total())),
				Cell.of(prev == null ? "—" : t.t("s3.momCell", t.change(facts.momAlertsPct())))));
		blocks.add(new Table(List.of(t.t("col.severity"), t.t("col.count"), t.t("col.shareOrMom")), sev));
		blocks.add(new Chart(new ChartSpec(t.t("chart.severity"),
				List.of(Severity.values()).stream().map(s -> t.t("severity." + s.code())).toList(),
				List.of(Severity.values()).stream().map(s -> a.bySeverity().get(s)).toList(),
				List.of(Severity.values()).stream().map(SEVERITY_COLORS::get).toList())));
		blocks.add(countTable(t.t("col.action"), a.byAction(), c -> t.t("action." + c.key())));
		blocks.add(countTable(t.t("col.alertStatus"), a.byStatus(), c -> t.t("alertStatus." + c.key())));
		blocks.add(countTable(t.t("col.device"), a.byDevice(), Count::key));
		blocks.add(countTable(t.t("col.category"), a.byCategory(), this::category));
		if (!a.unclassifiedCategories().isEmpty()) {
			blocks.add(subsection("s3.unclassified"));
			blocks.add(new Paragraph(t.t("s3.unclassified.text", t.number(a.unclassifiedCategories().size()),
					t.number(a.unclassifiedCategories().stream().mapToLong(Count::count).sum())), Tone.NORMAL));
			blocks.add(countTable(t.t("col.category"), a.unclassifiedCategories(), Count::key));
		}

		blocks.add(subsection("s3.top"));
		blocks.add(new Paragraph(t.t("s3.top.external"), Tone.NOTE));
		blocks.add(countTable(t.t("col.srcIp"), a.topExternalSources(), Count::key));
		blocks.add(new Paragraph(t.t("s3.top.internal"), Tone.NOTE));
		blocks.add(countTable(t.t("col.srcIp"), a.topInternalSources(), Count::key));
		blocks.add(new Paragraph(t.t("s3.top.targets"), Tone.NOTE));
		blocks.add(countTable(t.t("col.target"), a.topTargets(), Count::key));
		blocks.add(new Paragraph(t.t("s3.top.rules"), Tone.NOTE));
		blocks.add(countTable(t.t("col.rule"), a.topRules(), c -> c.key() + " " + c.label()));

		blocks.add(subsection("s3.trend"));
		blocks.add(new Chart(new ChartSpec(t.t("chart.trend"),
				a.daily()
					.keySet()
					.stream()
					.map(d -> String.format("%02d-%02d", d.getMonthValue(), d.getDayOfMonth()))
					.toList(),
				List.copyOf(a.daily().values()), List.of("3F6FB5"))));

		blocks.add(subsection("s3.cases"));
		blocks.add(new Paragraph(t.t("s3.cases.unresolved"), Tone.NOTE));
		if (a.unresolvedHighPlus().isEmpty()) {
			blocks.add(new Paragraph(t.t("none"), Tone.NORMAL));
		}
		else {
			blocks.add(alertTable(a.unresolvedHighPlus()));
		}
		blocks.add(new Paragraph(t.t("s3.cases.multiDevice"), Tone.NOTE));
		blocks.add(spreadTable(a.internalHostsOnMultipleDevices()));
		blocks.add(new Paragraph(t.t("s3.cases.compromise"), Tone.NOTE));
		blocks.add(spreadTable(a.suspectedCompromise()));
		blocks.add(new Paragraph(t.t("s3.cases.targeted"), Tone.NOTE));
		blocks.add(spreadTable(a.multiExploitSources()));

		blocks.add(subsection("s3.analysis"));
		aiLabel();
		for (Narrative.Finding f : nonNull(narrative.narrative().findings())) {
			blocks.add(new Paragraph(f.title(), Tone.HEADLINE));
			blocks.add(new Paragraph(f.analysis() + citation(f.factIds()), Tone.NORMAL));
		}
		if (nonNull(narrative.narrative().findings()).isEmpty()) {
			blocks.add(new Paragraph(t.t("narrative.fallback.sentence"), Tone.NORMAL));
		}
	}

	private void vulns() {
		if (facts.vulns().isEmpty()) {
			return;
		}
		var vulns = facts.vulns().get();
		blocks.add(section("s4"));
		blocks.add(new Paragraph(t.t("s4.text", t.number(vulns.size()),
				t.number(vulns.stream().filter(v -> v.status().code().equals("open")).count())), Tone.NORMAL));
		blocks.add(new Table(
				List.of(t.t("col.asset"), t.t("col.vuln"), t.t("col.cve"), t.t("col.severity"), t.t("col.status"),
						t.t("col.found"), t.t("col.fixed")),
				vulns.stream()
					.map(v -> List.of(Cell.of(v.asset()), Cell.of(v.name()), Cell.of(v.cve().isEmpty() ? "—" : v.cve()),
							Cell.of(t.t("severity." + v.severity().code())),
							new Cell(t.t("vulnStatus." + v.status().code()),
									v.status().code().equals("open") ? CheckStatus.ABNORMAL : CheckStatus.OK),
							Cell.of(t.date(v.found())), Cell.of(t.date(v.fixed()))))
					.toList()));
	}

	private void issues() {
		blocks.add(new PageBreak());
		blocks.add(section("s5"));
		blocks.add(subsection("s5.list"));
		List<List<Cell>> rows = new ArrayList<>();
		String owner = nz(facts.meta().client().contact());
		for (int i = 0; i < facts.findings().size(); i++) {
			RiskFinding f = facts.findings().get(i);
			CheckStatus colour = switch (f.risk()) {
				case HIGH -> CheckStatus.ABNORMAL;
				case MEDIUM -> CheckStatus.WARN;
				case LOW -> CheckStatus.REVIEW;
			};
			rows.add(List.of(Cell.of(i + 1), Cell.of(f.deviceId().isEmpty() ? "—" : f.deviceId()),
					Cell.of(f.ip().isEmpty() ? "—" : f.ip()), Cell.of(findingTexts.problem(f)),
					new Cell(t.t("risk." + f.risk()), colour), Cell.of(findingTexts.advice(f)), Cell.of(owner),
					Cell.of(t.date(f.due()))));
		}
		if (rows.isEmpty()) {
			blocks.add(new Paragraph(t.t("none"), Tone.NORMAL));
		}
		else {
			blocks.add(new Table(List.of(t.t("col.no"), t.t("col.device"), t.t("col.ip"), t.t("col.problem"),
					t.t("col.risk"), t.t("col.advice"), t.t("col.owner"), t.t("col.due")), rows));
		}
		blocks.add(subsection("s5.recommendations"));
		aiLabel();
		for (String p : List.of("P1", "P2", "P3")) {
			List<String> items = nonNull(narrative.narrative().recommendations()).stream()
				.filter(r -> p.equalsIgnoreCase(r.priority().trim()))
				.map(r -> r.action() + citation(r.factIds()))
				.toList();
			if (!items.isEmpty()) {
				blocks.add(new Paragraph(t.t("priority." + p), Tone.HEADLINE));
				blocks.add(new Bullets(items));
			}
		}
	}

	private void plan() {
		blocks.add(section("s6"));
		aiLabel();
		blocks.add(new Bullets(nonNull(narrative.narrative().nextMonthPlan())));
	}

	private void appendix() {
		blocks.add(new PageBreak());
		blocks.add(new Heading(1, t.t("appendix")));
		blocks.add(new Heading(2, t.t("appendix.alerts")));
		blocks
			.add(facts.alertRows().isEmpty() ? new Paragraph(t.t("none"), Tone.NORMAL) : alertTable(facts.alertRows()));
		blocks.add(new Heading(2, t.t("appendix.facts")));
		blocks.add(new Table(List.of(t.t("col.factId"), t.t("col.fact"), t.t("col.value")),
				pack.facts()
					.stream()
					.map(f -> List.of(Cell.of(f.id()), Cell.of(f.label()),
							Cell.of(f.display() + (f.mom() == null ? "" : " " + f.mom()))))
					.toList()));
		blocks.add(new Heading(2, t.t("appendix.glossary")));
		blocks.add(new Bullets(List.of(t.t("glossary.status"), t.t("glossary.highPlus"), t.t("glossary.blocked"),
				t.t("glossary.handled"), t.t("glossary.internal"), t.t("glossary.compromise"),
				t.t("glossary.grounding"))));
	}

	private Table alertTable(List<Alert> alerts) {
		return new Table(List.of(t.t("col.time"), t.t("col.device"), t.t("col.severity"), t.t("col.rule"), t
			.t("col.srcIp"), t.t("col.target"), t.t("col.action"), t.t("col.alertStatus"), t.t("col.count")), alerts
				.stream()
				.map(x -> List.of(Cell.of(x.dateOnly() ? t.date(x.time().toLocalDate()) : x.time().format(MINUTE)),
						Cell.of(x.deviceId()),
						new Cell(t.t("severity." + x.severity().code()),
								x.severity().highPlus() ? CheckStatus.ABNORMAL : null),
						Cell.of(x.ruleId() + " " + x.ruleName()), Cell.of(x.srcIp()),
						Cell.of(x.target().isEmpty() ? "—" : x.target()), Cell.of(t.t("action." + x.action().code())),
						Cell.of(t.t("alertStatus." + x.status().code())), Cell.of(t.number(x.count()))))
				.toList());
	}

	private Block spreadTable(List<AlertStatistics.HostSpread> spreads) {
		if (spreads.isEmpty()) {
			return new Paragraph(t.t("none"), Tone.NORMAL);
		}
		return new Table(List.of(t.t("col.srcIp"), t.t("col.devices"), t.t("col.category"), t.t("col.count")),
				spreads.stream()
					.map(s -> List.of(Cell.of(s.ip()), Cell.of(String.join(", ", s.devices())),
							Cell.of(s.categories()
								.stream()
								.map(findingTexts::categoryLabel)
								.collect(Collectors.joining(t.t("fmt.listSeparator")))),
							Cell.of(t.number(s.count()))))
					.toList());
	}

	private Block countTable(String keyHeader, List<Count> counts, Function<Count, String> label) {
		if (counts.isEmpty()) {
			return new Paragraph(t.t("none"), Tone.NORMAL);
		}
		long total = facts.alerts().total();
		return new Table(List.of(keyHeader, t.t("col.count"), t.t("col.share")),
				counts.stream()
					.map(c -> List.of(Cell.of(label.apply(c)), Cell.of(t.number(c.count())),
							Cell.of(t.percent(Percent.of(c.count(), total)))))
					.toList());
	}

	/**
	 * A numbered section heading: sections are numbered as they are laid out, so an
	 * absent optional section leaves no gap.
	 */
	private Heading section(String key) {
		section++;
		subsection = 0;
		return new Heading(1, section + " " + t.t(key));
	}

	/** A numbered subsection heading of the current section. */
	private Heading subsection(String key) {
		subsection++;
		return new Heading(2, section + "." + subsection + " " + t.t(key));
	}

	/**
	 * A category in the export's wording with its canonical class, e.g. "挖矿木马（挖矿）"; the
	 * class alone when the export wrote the class code.
	 */
	private String category(Count c) {
		if (c.label().isEmpty()) {
			return t.t("fmt.categoryClass", c.key(), t.t("category.unclassified"));
		}
		String cls = findingTexts.categoryLabel(c.label());
		return c.key().equals(c.label()) || c.key().equals(cls) ? cls : t.t("fmt.categoryClass", c.key(), cls);
	}

	private void aiLabel() {
		blocks.add(new Paragraph(t.t("narrative.label." + narrative.source()), Tone.LABEL));
	}

	private String citation(List<String> factIds) {
		return factIds == null || factIds.isEmpty() ? "" : " [" + String.join(", ", factIds) + "]";
	}

	private static Table table(List<String> header, List<List<Cell>> rows) {
		return new Table(header, rows);
	}

	private static List<Cell> row(Object... cells) {
		return Arrays.stream(cells).map(Cell::of).toList();
	}

	private static String nz(String s) {
		return s == null || s.isBlank() ? "—" : s;
	}

	private static <T> List<T> nonNull(List<T> list) {
		return list == null ? List.of() : list;
	}

}
