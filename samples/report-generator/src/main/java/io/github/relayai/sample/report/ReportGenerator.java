package io.github.relayai.sample.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.relayai.sample.report.facts.Facts;
import io.github.relayai.sample.report.facts.FactsCalculator;
import io.github.relayai.sample.report.facts.FactsJson;
import io.github.relayai.sample.report.facts.FactsPack;
import io.github.relayai.sample.report.i18n.LocalizedException;
import io.github.relayai.sample.report.i18n.Message;
import io.github.relayai.sample.report.i18n.Texts;
import io.github.relayai.sample.report.input.InputReader;
import io.github.relayai.sample.report.input.InspectionData;
import io.github.relayai.sample.report.narrative.NarrativeResult;
import io.github.relayai.sample.report.narrative.NarrativeWriter;
import io.github.relayai.sample.report.render.DocxRenderer;
import io.github.relayai.sample.report.render.HtmlRenderer;
import io.github.relayai.sample.report.render.MarkdownRenderer;
import io.github.relayai.sample.report.render.PdfRenderer;
import io.github.relayai.sample.report.render.ReportComposer;
import io.github.relayai.sample.report.render.ReportDocument;

/**
 * The pipeline for one client's month: read and validate, compute the facts, write the
 * narrative, render, and only then write {@code report.docx}, {@code report.pdf},
 * {@code report.html}, {@code report.md} and {@code facts.json} into
 * {@code <output>/<clientId>/<month>/}.
 */
public final class ReportGenerator {

	/** The pipeline's steps, reported to a {@link Progress} listener. */
	public enum Step {

		READ, FACTS, NARRATIVE, RENDER, WRITE

	}

	/** Receives each step as it starts. */
	@FunctionalInterface
	public interface Progress {

		/** Called when {@code step} starts. */
		void step(Step step);

	}

	/** What one run produced. */
	public record Result(Path outputDir, Facts facts, NarrativeResult narrative) {
	}

	private final InputReader reader = new InputReader();

	private final FactsCalculator calculator = new FactsCalculator();

	private final NarrativeWriter narrativeWriter;

	/** A generator whose prose comes from {@code narrativeWriter}. */
	public ReportGenerator(NarrativeWriter narrativeWriter) {
		this.narrativeWriter = narrativeWriter;
	}

	/**
	 * Generates the report of the month folder {@code input} under {@code outputRoot}.
	 * @throws io.github.relayai.sample.report.input.InputException listing every input
	 * error
	 * @throws LocalizedException when the output folder cannot be written
	 */
	public Result generate(Path input, Path outputRoot, Texts texts, Progress progress) {
		progress.step(Step.READ);
		InspectionData data = reader.read(input);
		progress.step(Step.FACTS);
		Facts facts = calculator.compute(data);
		FactsPack pack = FactsPack.of(facts, texts);
		progress.step(Step.NARRATIVE);
		NarrativeResult narrative = narrativeWriter.write(facts, pack, texts);
		progress.step(Step.RENDER);
		ReportDocument doc = ReportComposer.compose(facts, pack, narrative, texts);
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put("report.docx", new DocxRenderer().render(doc));
		files.put("report.pdf", new PdfRenderer().render(doc));
		files.put("report.html", utf8(new HtmlRenderer(false).render(doc)));
		files.put("report.md", utf8(new MarkdownRenderer().render(doc)));
		files.put("facts.json", utf8(FactsJson.write(facts, pack, narrative)));
		progress.step(Step.WRITE);
		Path dir = outputRoot.resolve(facts.meta().client().id()).resolve(facts.meta().period().month().toString());
		try {
			Files.createDirectories(dir);
			for (var e : files.entrySet()) {
				Files.write(dir.resolve(e.getKey()), e.getValue());
			}
		}
		catch (IOException e) {
			throw new LocalizedException(Message.of("error.output.unwritable", dir, e), e);
		}
		return new Result(dir, facts, narrative);
	}

	private static byte[] utf8(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

}
