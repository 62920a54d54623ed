package io.github.relayai.sample.report.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * Draws a {@link ChartSpec} as inline SVG (HTML) or as a PNG (Word, PDF), from the same
 * {@link ChartGeometry}.
 */
public final class Charts {

	/** Chart canvas width in pixels. */
	public static final int WIDTH = 640;

	/** Chart canvas height in pixels. */
	public static final int HEIGHT = 300;

	private static final int PNG_SCALE = 2;

	private Charts() {
	}

	/**
	 * The chart as an {@code <svg>} element (XML-escaped texts, no external references).
	 */
	public static String svg(ChartSpec spec) {
		ChartGeometry g = ChartGeometry.layout(spec, WIDTH, HEIGHT);
		StringBuilder s = new StringBuilder();
		s.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
						+ "width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">",
				g.width(), g.height(), g.width(), g.height(), Html.escape(spec.title())));
		s.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
		for (ChartGeometry.Line l : g.lines()) {
			s.append(
					String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#%s\"/>",
							l.x1(), l.y1(), l.x2(), l.y2(), l.color()));
		}
		for (ChartGeometry.Rect r : g.rects()) {
			s.append(String.format(Locale.ROOT,
					"<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#%s\"/>", r.x(), r.y(), r.w(),
					r.h(), r.color()));
		}
		for (ChartGeometry.Text t : g.texts()) {
			s.append(String.format(Locale.ROOT,
					"<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\" text-anchor=\"%s\" " + "fill=\"#%s\">%s</text>",
					t.x(), t.y(), t.size(), t.anchor(), t.color(), Html.escape(t.text())));
		}
		return s.append("</svg>").toString();
	}

	/**
	 * The chart as PNG bytes, drawn at twice the canvas size with the bundled CJK font.
	 */
	public static byte[] png(ChartSpec spec) {
		ChartGeometry g = ChartGeometry.layout(spec, WIDTH, HEIGHT);
		BufferedImage image = new BufferedImage(g.width() * PNG_SCALE, g.height() * PNG_SCALE,
				BufferedImage.TYPE_INT_RGB);
		Graphics2D g2 = image.createGraphics();
		try {
			g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g2.scale(PNG_SCALE, PNG_SCALE);
			g2.setColor(Color.WHITE);
			g2.fillRect(0, 0, g.width(), g.height());
			g2.setStroke(new BasicStroke(1f));
			for (ChartGeometry.Line l : g.lines()) {
				g2.setColor(color(l.color()));
				g2.draw(new Line2D.Double(l.x1(), l.y1(), l.x2(), l.y2()));
			}
			for (ChartGeometry.Rect r : g.rects()) {
				g2.setColor(color(r.color()));
				g2.fill(new Rectangle2D.Double(r.x(), r.y(), r.w(), r.h()));
			}
			Font base = ReportFonts.awtRegular();
			for (ChartGeometry.Text t : g.texts()) {
				g2.setFont(base.deriveFont((float) t.size()));
				g2.setColor(color(t.color()));
				double w = g2.getFontMetrics().stringWidth(t.text());
				double x = switch (t.anchor()) {
					case "middle" -> t.x() - w / 2;
					case "end" -> t.x() - w;
					default -> t.x();
				};
				g2.drawString(t.text(), (float) x, (float) t.y());
			}
		}
		finally {
			g2.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private static Color color(String hex) {
		return new Color(Integer.parseInt(hex, 16));
	}

}
