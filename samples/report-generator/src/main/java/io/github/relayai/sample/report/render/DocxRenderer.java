package io.github.relayai.sample.report.render;

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
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * Renders a {@link ReportDocument} as an editable Word file: heading styles with outline
 * levels, a real TOC field (Word refreshes it on opening), bordered tables with
 * colour-coded status cells and the charts as PNG pictures.
 */
public final class DocxRenderer {

	private static final String BODY_FONT = "Microsoft YaHei";

	private static final String HEADER_FILL = "D9E2F3";

	/** The .docx bytes of {@code doc}. */
	public byte[] render(ReportDocument doc) {
		try (XWPFDocument word = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			styles(word);
			word.getProperties().getCoreProperties().setTitle(doc.title());
			boolean breakBefore = false;
			for (Block b : doc.blocks()) {
				if (b instanceof PageBreak) {
					breakBefore = true;
					continue;
				}
				XWPFParagraph first = block(word, doc, b);
				if (breakBefore && first != null) {
					first.setPageBreak(true);
				}
				breakBefore = false;
			}
			word.enforceUpdateFields();
			word.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Writes {@code b}; returns its first paragraph (to carry a page break), or null for
	 * a table.
	 */
	private XWPFParagraph block(XWPFDocument word, ReportDocument doc, Block b) throws IOException {
		if (b instanceof Cover c) {
			XWPFParagraph p = word.createParagraph();
			p.setAlignment(ParagraphAlignment.CENTER);
			p.setSpacingBefore(2400);
			run(p, c.title(), 36, true, "1F3864");
			text(word, c.client(), 22, true, ParagraphAlignment.CENTER).setSpacingBefore(600);
			text(word, c.month() + " · " + c.provider(), 14, false, ParagraphAlignment.CENTER).setSpacingAfter(1200);
			table(word, c.control());
			return p;
		}
		if (b instanceof Toc toc) {
			XWPFParagraph title = text(word, toc.title(), 16, true, ParagraphAlignment.LEFT);
			tocField(word, doc);
			return title;
		}
		if (b instanceof Heading h) {
			XWPFParagraph p = word.createParagraph();
			p.setStyle("Heading" + h.level());
			p.createRun().setText(h.text());
			return p;
		}
		if (b instanceof Paragraph para) {
			XWPFParagraph p = word.createParagraph();
			switch (para.tone()) {
				case HEADLINE -> run(p, para.text(), 11, true, "1F3864");
				case LABEL -> {
					XWPFRun r = run(p, para.text(), 9, false, "2F5496");
					r.setItalic(true);
					p.setBorderLeft(org.apache.poi.xwpf.usermodel.Borders.SINGLE);
				}
				case NOTE -> run(p, para.text(), 9, false, "595959");
				case NORMAL -> run(p, para.text(), 10.5, false, null);
			}
			return p;
		}
		if (b instanceof Bullets list) {
			XWPFParagraph first = null;
			for (String item : list.items()) {
				XWPFParagraph p = word.createParagraph();
				p.setIndentationLeft(360);
				p.setIndentationHanging(240);
				run(p, "• " + item, 10.5, false, null);
				first = first == null ? p : first;
			}
			return first;
		}
		if (b instanceof Table t) {
			table(word, t);
			return null;
		}
		if (b instanceof Chart c) {
			XWPFParagraph p = word.createParagraph();
			p.setAlignment(ParagraphAlignment.CENTER);
			try {
				p.createRun()
					.addPicture(new ByteArrayInputStream(Charts.png(c.spec())), PictureType.PNG, "chart.png",
							Units.toEMU(Charts.WIDTH * 0.7), Units.toEMU(Charts.HEIGHT * 0.7));
			}
			catch (InvalidFormatException e) {
				throw new IllegalStateException(e);
			}
			return p;
		}
		throw new IllegalArgumentException("unknown block " + b);
	}

	/**
	 * A TOC field over heading levels 1-3; its cached result lists the headings until
	 * Word refreshes it.
	 */
	private static void tocField(XWPFDocument word, ReportDocument doc) {
		List<Heading> headings = doc.blocks()
			.stream()
			.filter(x -> x instanceof Heading h && h.level() <= 2)
			.map(Heading.class::cast)
			.toList();
		for (int i = 0; i < headings.size(); i++) {
			XWPFParagraph p = word.createParagraph();
			p.setIndentationLeft((headings.get(i).level() - 1) * 420);
			CTP ctp = p.getCTP();
			if (i == 0) {
				ctp.addNewR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
				CTText instr = ctp.addNewR().addNewInstrText();
				instr.setStringValue(" TOC \\o \"1-3\" \\h \\z \\u ");
				instr.setSpace(SpaceAttribute.Space.PRESERVE);
				ctp.addNewR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
			}
			CTR r = ctp.addNewR();
			r.addNewT().setStringValue(headings.get(i).text());
			if (i == headings.size() - 1) {
				ctp.addNewR().addNewFldChar().setFldCharType(STFldCharType.END);
			}
		}
	}

	private static void table(XWPFDocument word, Table t) {
		XWPFTable table = word.createTable(t.rows().size() + 1, t.header().size());
		table.setWidth("100%");
		XWPFTableRow header = table.getRow(0);
		header.setRepeatHeader(true);
		for (int c = 0; c < t.header().size(); c++) {
			cell(header.getCell(c), t.header().get(c), HEADER_FILL, true);
		}
		for (int r = 0; r < t.rows().size(); r++) {
			List<Cell> row = t.rows().get(r);
			for (int c = 0; c < row.size(); c++) {
				Cell cell = row.get(c);
				cell(table.getRow(r + 1).getCell(c), cell.text(),
						cell.status() == null ? null : HtmlRenderer.STATUS_COLORS.get(cell.status()), false);
			}
		}
		word.createParagraph().setSpacingAfter(0);
	}

	private static void cell(XWPFTableCell cell, String text, String fill, boolean bold) {
		XWPFParagraph p = cell.getParagraphs().get(0);
		run(p, text, 9, bold, null);
		if (fill != null) {
			cell.setColor(fill);
		}
	}

	private static XWPFParagraph text(XWPFDocument word, String text, double size, boolean bold,
			ParagraphAlignment align) {
		XWPFParagraph p = word.createParagraph();
		p.setAlignment(align);
		run(p, text, size, bold, null);
		return p;
	}

	private static XWPFRun run(XWPFParagraph p, String text, double size, boolean bold, String color) {
		XWPFRun r = p.createRun();
		r.setText(text);
		r.setFontSize(size);
		r.setBold(bold);
		if (color != null) {
			r.setColor(color);
		}
		return r;
	}

	private static void styles(XWPFDocument word) {
		XWPFStyles styles = word.createStyles();
		CTFonts fonts = CTFonts.Factory.newInstance();
		fonts.setAscii(BODY_FONT);
		fonts.setHAnsi(BODY_FONT);
		fonts.setEastAsia(BODY_FONT);
		styles.setDefaultFonts(fonts);
		heading(styles, 1, 32, "1F3864");
		heading(styles, 2, 26, "2F5496");
		heading(styles, 3, 22, "404040");
	}

	/**
	 * Adds style {@code HeadingN} ("heading N", outline level N-1) so Word's TOC and
	 * navigation pane see it.
	 */
	private static void heading(XWPFStyles styles, int level, int halfPoints, String color) {
		CTStyle style = CTStyle.Factory.newInstance();
		style.setStyleId("Heading" + level);
		style.setType(STStyleType.PARAGRAPH);
		style.addNewName().setVal("heading " + level);
		style.addNewQFormat();
		style.addNewUiPriority().setVal(BigInteger.valueOf(9));
		CTPPrGeneral ppr = style.addNewPPr();
		ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
		ppr.addNewKeepNext();
		var spacing = ppr.addNewSpacing();
		spacing.setBefore(BigInteger.valueOf(level == 1 ? 360 : 240));
		spacing.setAfter(BigInteger.valueOf(120));
		CTRPr rpr = style.addNewRPr();
		rpr.addNewB();
		rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
		rpr.addNewColor().setVal(color);
		styles.addStyle(new XWPFStyle(style));
	}

}
