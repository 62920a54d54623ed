package io.github.relayai.sample.report.render;

import java.util.List;
import java.util.stream.Collectors;

import io.github.relayai.sample.report.checks.CheckStatus;
import io.github.relayai.sample.report.render.ReportDocument.Block;
import io.github.relayai.sample.report.render.ReportDocument.Bullets;
import io.github.relayai.sample.report.render.ReportDocument.Cell;
import io.github.relayai.sample.report.render.ReportDocument.Chart;
import io.github.relayai.sample.report.render.ReportDocument.Cover;
import io.github.relayai.sample.report.render.ReportDocument.Heading;
import io.github.relayai.sample.report.render.ReportDocument.Paragraph;
import io.github.relayai.sample.report.render.ReportDocument.Table;
import io.github.relayai.sample.report.render.ReportDocument.Toc;

/**
 * Renders a {@link ReportDocument} as GitHub-flavoured Markdown (charts become their data
 * tables).
 */
public final class MarkdownRenderer {

	/** The Markdown text of {@code doc}. */
	public String render(ReportDocument doc) {
		StringBuilder md = new StringBuilder();
		for (Block b : doc.blocks()) {
			if (b instanceof Cover c) {
				md.append("# ")
					.append(c.title())
					.append("\n\n**")
					.append(c.client())
					.append("** · ")
					.append(c.month())
					.append(" · ")
					.append(c.provider())
					.append("\n\n");
				table(md, c.control());
			}
			else if (b instanceof Toc toc) {
				md.append("## ").append(toc.title()).append("\n\n");
				doc.blocks()
					.stream()
					.filter(x -> x instanceof Heading h && h.level() <= 2)
					.map(Heading.class::cast)
					.forEach(h -> md.append("  ".repeat(h.level() - 1)).append("- ").append(h.text()).append('\n'));
				md.append('\n');
			}
			else if (b instanceof Heading h) {
				md.append("#".repeat(h.level() + 1)).append(' ').append(h.text()).append("\n\n");
			}
			else if (b instanceof Paragraph p) {
				md.append(switch (p.tone()) {
					case HEADLINE -> "**" + p.text() + "**";
					case LABEL -> "> " + p.text();
					case NOTE -> "*" + p.text() + "*";
					case NORMAL -> p.text();
				}).append("\n\n");
			}
			else if (b instanceof Bullets list) {
				list.items().forEach(i -> md.append("- ").append(i).append('\n'));
				md.append('\n');
			}
			else if (b instanceof Table t) {
				table(md, t);
			}
			else if (b instanceof Chart c) {
				md.append("*").append(c.spec().title()).append("*\n\n");
				md.append("| ")
					.append(String.join(" | ", c.spec().labels()))
					.append(" |\n|")
					.append("---|".repeat(c.spec().labels().size()))
					.append("\n| ")
					.append(c.spec().values().stream().map(String::valueOf).collect(Collectors.joining(" | ")))
					.append(" |\n\n");
			}
		}
		return md.toString();
	}

	private static void table(StringBuilder md, Table t) {
		md.append("| ")
			.append(t.header().stream().map(MarkdownRenderer::cell).collect(Collectors.joining(" | ")))
			.append(" |\n|")
			.append("---|".repeat(t.header().size()))
			.append('\n');
		for (List<Cell> row : t.rows()) {
			md.append("| ")
				.append(row.stream()
					.map(c -> c.status() == CheckStatus.ABNORMAL ? "**" + cell(c.text()) + "**" : cell(c.text()))
					.collect(Collectors.joining(" | ")))
				.append(" |\n");
		}
		md.append('\n');
	}

	private static String cell(String text) {
		return text.replace("|", "\\|").replace("\n", " ");
	}

}
