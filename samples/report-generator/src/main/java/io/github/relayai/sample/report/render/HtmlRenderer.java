package io.github.relayai.sample.report.render;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.github.relayai.sample.report.checks.CheckStatus;
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

/**
 * Renders a {@link ReportDocument} as one self-contained XHTML page: inline CSS, charts
 * as inline SVG for browsers or as PNG data URIs for the PDF, which also gets page rules
 * and TOC page numbers.
 */
public final class HtmlRenderer {

	/** Background colours of status cells, shared with the Word renderer. */
	public static final Map<CheckStatus, String> STATUS_COLORS = Map.of(CheckStatus.OK, "C6EFCE", CheckStatus.WARN,
			"FFEB9C", CheckStatus.ABNORMAL, "FFC7CE", CheckStatus.REVIEW, "E0E0E0");

	private static final String CSS = """
			body { font-family: "Noto Sans SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", sans-serif;
			       color: #222; line-height: 1.6; max-width: 960px; margin: 0 auto; padding: 24px; font-size: 14px; }
			h1 { color: #1F3864; border-bottom: 2px solid #1F3864; padding-bottom: 4px; margin-top: 32px; }
			h2 { color: #2F5496; margin-top: 24px; }
			h3 { color: #333; font-size: 15px; margin-top: 18px; }
			table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 12.5px; }
			th, td { border: 1px solid #BFBFBF; padding: 4px 6px; text-align: left; vertical-align: top; }
			th { background: #D9E2F3; }
			.cover { text-align: center; padding: 80px 0 40px; }
			.cover .title { font-size: 32px; font-weight: bold; color: #1F3864; margin-bottom: 24px; }
			.cover .client { font-size: 22px; margin: 8px 0; }
			.cover .sub { font-size: 16px; color: #555; margin-bottom: 48px; }
			.headline { font-weight: bold; font-size: 15px; }
			.label { border-left: 4px solid #2F5496; background: #EEF3FB; color: #2F5496; padding: 4px 10px;
			         font-size: 12.5px; }
			.note { color: #555; font-size: 12.5px; margin-bottom: 2px; }
			.chart { margin: 8px 0 16px; }
			.toc a { color: #1F3864; text-decoration: none; }
			.toc li.l2 { margin-left: 24px; }
			""";

	private static final String PDF_CSS = """
			@page { size: A4; margin: 18mm 16mm;
			        @bottom-center { content: counter(page); font-size: 10px; font-family: "Noto Sans SC"; } }
			* { font-family: "Noto Sans SC"; }
			body { max-width: none; padding: 0; font-size: 12px; }
			.pagebreak { page-break-after: always; }
			.chart img { width: 100%; }
			.toc a::after { content: leader('.') target-counter(attr(href), page); }
			table { page-break-inside: auto; } tr { page-break-inside: avoid; }
			""";

	private final boolean forPdf;

	/**
	 * {@code forPdf}: PNG charts and print rules for openhtmltopdf; otherwise inline SVG
	 * for browsers.
	 */
	public HtmlRenderer(boolean forPdf) {
		this.forPdf = forPdf;
	}

	/** The XHTML text of {@code doc}. */
	public String render(ReportDocument doc) {
		StringBuilder h = new StringBuilder();
		h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\"><head>")
			.append("<meta charset=\"UTF-8\"/><title>")
			.append(Html.escape(doc.title()))
			.append("</title>")
			.append("<style>")
			.append(CSS)
			.append(forPdf ? PDF_CSS : "")
			.append("</style></head><body>\n");
		int headingNo = 0;
		for (Block b : doc.blocks()) {
			if (b instanceof Cover c) {
				h.append("<div class=\"cover\"><div class=\"title\">")
					.append(Html.escape(c.title()))
					.append("</div><div class=\"client\">")
					.append(Html.escape(c.client()))
					.append("</div><div class=\"sub\">")
					.append(Html.escape(c.month()))
					.append(" · ")
					.append(Html.escape(c.provider()))
					.append("</div>");
				table(h, c.control());
				h.append("</div>\n");
			}
			else if (b instanceof Toc toc) {
				h.append("<div class=\"toc\"><h2>").append(Html.escape(toc.title())).append("</h2><ul>");
				int n = 0;
				for (Block x : doc.blocks()) {
					if (x instanceof Heading hd) {
						n++;
						if (hd.level() <= 2) {
							h.append("<li class=\"l")
								.append(hd.level())
								.append("\"><a href=\"#h")
								.append(n)
								.append("\">")
								.append(Html.escape(hd.text()))
								.append("</a></li>");
						}
					}
				}
				h.append("</ul></div>\n");
			}
			else if (b instanceof Heading hd) {
				headingNo++;
				h.append("<h")
					.append(hd.level())
					.append(" id=\"h")
					.append(headingNo)
					.append("\">")
					.append(Html.escape(hd.text()))
					.append("</h")
					.append(hd.level())
					.append(">\n");
			}
			else if (b instanceof Paragraph p) {
				String cls = switch (p.tone()) {
					case HEADLINE -> " class=\"headline\"";
					case LABEL -> " class=\"label\"";
					case NOTE -> " class=\"note\"";
					case NORMAL -> "";
				};
				h.append("<p").append(cls).append('>').append(Html.escape(p.text())).append("</p>\n");
			}
			else if (b instanceof Bullets list) {
				h.append("<ul>");
				list.items().forEach(i -> h.append("<li>").append(Html.escape(i)).append("</li>"));
				h.append("</ul>\n");
			}
			else if (b instanceof Table t) {
				table(h, t);
			}
			else if (b instanceof Chart c) {
				h.append("<div class=\"chart\">");
				if (forPdf) {
					h.append("<img alt=\"")
						.append(Html.escape(c.spec().title()))
						.append("\" src=\"data:image/png;base64,")
						.append(Base64.getEncoder().encodeToString(Charts.png(c.spec())))
						.append("\"/>");
				}
				else {
					h.append(Charts.svg(c.spec()));
				}
				h.append("</div>\n");
			}
			else if (b instanceof PageBreak) {
				h.append(forPdf ? "<div class=\"pagebreak\"></div>\n" : "<hr/>\n");
			}
		}
		return h.append("</body></html>\n").toString();
	}

	private static void table(StringBuilder h, Table t) {
		h.append("<table><thead><tr>");
		t.header().forEach(c -> h.append("<th>").append(Html.escape(c)).append("</th>"));
		h.append("</tr></thead><tbody>");
		for (List<Cell> row : t.rows()) {
			h.append("<tr>");
			for (Cell c : row) {
				h.append(c.status() == null ? "<td>"
						: "<td style=\"background:#" + STATUS_COLORS.get(c.status()) + "\">")
					.append(Html.escape(c.text()))
					.append("</td>");
			}
			h.append("</tr>");
		}
		h.append("</tbody></table>\n");
	}

}
