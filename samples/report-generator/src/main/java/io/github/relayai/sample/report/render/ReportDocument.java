package io.github.relayai.sample.report.render;

import java.util.List;

import io.github.relayai.sample.report.checks.CheckStatus;

/**
 * A report as a format-neutral list of blocks, composed once and rendered to Markdown,
 * HTML, Word and PDF.
 *
 * @param title the document title (cover and metadata)
 */
public record ReportDocument(String title, List<Block> blocks) {

	/** One block of the document. */
	public sealed interface Block permits Cover, Toc, Heading, Paragraph, Bullets, Table, Chart, PageBreak {

	}

	/** The cover page: title lines and the document-control table. */
	public record Cover(String title, String client, String month, String provider, Table control) implements Block {
	}

	/** The table of contents (a TOC field in Word, a list of links in HTML). */
	public record Toc(String title) implements Block {
	}

	/** A heading, level 1 to 3. */
	public record Heading(int level, String text) implements Block {
	}

	/** A paragraph in one of a few tones. */
	public record Paragraph(String text, Tone tone) implements Block {
	}

	/** How a paragraph is set. */
	public enum Tone {

		/** Body text. */
		NORMAL,
		/** The one-line headline of the report, emphasised. */
		HEADLINE,
		/** The label of model-written (or offline-written) text. */
		LABEL,
		/** A small note, e.g. a table caption. */
		NOTE

	}

	/** A bullet list. */
	public record Bullets(List<String> items) implements Block {
	}

	/** A table; the first row is the header. */
	public record Table(List<String> header, List<List<Cell>> rows) implements Block {
	}

	/** A table cell; {@code status} colours it when not null. */
	public record Cell(String text, CheckStatus status) {

		/** A plain cell. */
		public static Cell of(Object text) {
			return new Cell(String.valueOf(text), null);
		}
	}

	/** A chart. */
	public record Chart(ChartSpec spec) implements Block {
	}

	/** A page break (Word and PDF). */
	public record PageBreak() implements Block {
	}
}
