package io.github.relayai.sample.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.relayai.sample.report.ReportGenerator;
import io.github.relayai.sample.report.TestData;
import io.github.relayai.sample.report.i18n.Lang;
import io.github.relayai.sample.report.i18n.Texts;
import io.github.relayai.sample.report.narrative.OfflineNarrativeWriter;

/**
 * Every bundled client in both languages, in every format: sections numbered without gaps
 * whichever optional sections are present, and no raw export token ({@code true},
 * {@code 126days}, {@code block}, ...) in the text a client reads.
 */
class ReportFormatsTest {

	/** Raw tokens a Chinese report must not show. */
	private static final Pattern RAW_ZH = Pattern.compile(
			"(?<![A-Za-z])(true|false|TRUE|FALSE|yes|no|block|detect|normal|N/A)(?![A-Za-z])|\\d\\s?(days?|d)(?![A-Za-z])");

	/**
	 * Raw tokens an English report must not show: Chinese units after a value (a number
	 * inside the client's own Chinese text, such as an issue title, is not a value, even
	 * when the PDF's text puts a line break before it).
	 */
	private static final Pattern RAW_EN = Pattern.compile("(?<![A-Za-z])(true|TRUE|FALSE|N/A)(?![A-Za-z])"
			+ "|(?<![A-Za-z])false(?!\\s+positive)|(?<![\\u4e00-\\u9fff\\d])(?<![\\u4e00-\\u9fff]\\s)\\d+(天|个|台)(?![\\u4e00-\\u9fff])|\\d+days");

	private static final Pattern SECTION = Pattern.compile("^(\\d+)(?:\\.(\\d+))? ");

	@TempDir
	static Path out;

	@BeforeAll
	static void generate() {
		for (Lang lang : Lang.values()) {
			for (Path client : List.of(TestData.ACME, TestData.HOSPITAL, TestData.MANUFACTURER)) {
				new ReportGenerator(new OfflineNarrativeWriter()).generate(client, out.resolve(lang.code()),
						new Texts(lang), step -> {
						});
			}
		}
	}

	static Stream<Arguments> reports() {
		List<Arguments> all = new ArrayList<>();
		for (Lang lang : Lang.values()) {
			for (String client : List.of("acme-bank", "demo-hospital", "demo-manufacturer")) {
				all.add(Arguments.of(lang, client));
			}
		}
		return all.stream();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("reports")
	void sectionsAreNumberedWithoutGapsInEveryFormat(Lang lang, String client) throws IOException {
		Path dir = dir(lang, client);
		List<String> md = Files.readAllLines(dir.resolve("report.md"))
			.stream()
			.filter(l -> l.startsWith("## ") || l.startsWith("### "))
			.map(l -> l.replaceFirst("^#+ ", ""))
			.toList();
		List<String> html = headings(Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8));
		List<String> docx;
		try (InputStream in = Files.newInputStream(dir.resolve("report.docx"));
				XWPFDocument doc = new XWPFDocument(in)) {
			docx = doc.getParagraphs()
				.stream()
				.filter(p -> "Heading1".equals(p.getStyle()) || "Heading2".equals(p.getStyle()))
				.map(XWPFParagraph::getText)
				.toList();
		}
		for (List<String> headings : List.of(md, html, docx)) {
			assertContinuous(headings);
		}
		// the optional sections: vulnerabilities (hospital only), unclassified categories
		// (manufacturer only)
		assertThat(docx)
			.contains(client.equals("demo-hospital") ? "5 " + new Texts(lang).t("s5") : "4 " + new Texts(lang).t("s5"));
		assertThat(docx.contains("3.2 " + new Texts(lang).t("s3.unclassified")))
			.isEqualTo(client.equals("demo-manufacturer"));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("reports")
	void noRawExportTokenReachesAnyFormat(Lang lang, String client) throws IOException {
		Path dir = dir(lang, client);
		Pattern raw = lang == Lang.ZH ? RAW_ZH : RAW_EN;
		String docx;
		try (InputStream in = Files.newInputStream(dir.resolve("report.docx"));
				XWPFWordExtractor text = new XWPFWordExtractor(new XWPFDocument(in))) {
			docx = text.getText();
		}
		String pdf;
		try (PDDocument doc = Loader.loadPDF(dir.resolve("report.pdf").toFile())) {
			pdf = new PDFTextStripper().getText(doc);
		}
		String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8)
			.replaceAll("(?s)<style>.*?</style>|<svg.*?</svg>", "")
			.replaceAll("<[^>]+>", " ");
		String md = Files.readString(dir.resolve("report.md"), StandardCharsets.UTF_8);
		for (String text : List.of(md, html, docx, pdf)) {
			assertThat(found(raw, text)).isEmpty();
		}
	}

	private static Path dir(Lang lang, String client) {
		return out.resolve(lang.code()).resolve(client).resolve("2026-10");
	}

	/** Numbered headings go 1, 1.1, 1.2, 2, 2.1, ... with no number skipped. */
	private static void assertContinuous(List<String> headings) {
		int section = 0;
		int subsection = 0;
		List<String> numbered = headings.stream().filter(h -> SECTION.matcher(h).find()).toList();
		assertThat(numbered).hasSizeGreaterThan(10);
		for (String h : numbered) {
			Matcher m = SECTION.matcher(h);
			assertThat(m.find()).isTrue();
			int s = Integer.parseInt(m.group(1));
			if (m.group(2) == null) {
				assertThat(s).as(h).isEqualTo(section + 1);
				section = s;
				subsection = 0;
			}
			else {
				assertThat(s).as(h).isEqualTo(section);
				assertThat(Integer.parseInt(m.group(2))).as(h).isEqualTo(subsection + 1);
				subsection++;
			}
		}
	}

	private static List<String> headings(String html) {
		Matcher m = Pattern.compile("<h([12]) id=\"h\\d+\">([^<]*)</h\\1>").matcher(html);
		List<String> out = new ArrayList<>();
		while (m.find()) {
			out.add(m.group(2));
		}
		return out;
	}

	private static List<String> found(Pattern raw, String text) {
		Matcher m = raw.matcher(text);
		List<String> hits = new ArrayList<>();
		while (m.find()) {
			int from = Math.max(0, m.start() - 20);
			hits.add(text.substring(from, Math.min(text.length(), m.end() + 20)).replace('\n', ' '));
		}
		return hits;
	}

}
