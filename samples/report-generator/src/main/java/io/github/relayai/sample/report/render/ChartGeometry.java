package io.github.relayai.sample.report.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lays a {@link ChartSpec} out as simple shapes in a {@code width} x {@code height}
 * canvas, so that the SVG and the PNG renderings are the same picture.
 */
public final class ChartGeometry {

	/** A filled rectangle. */
	public record Rect(double x, double y, double w, double h, String color) {
	}

	/** A straight line. */
	public record Line(double x1, double y1, double x2, double y2, String color) {
	}

	/** A text anchored at its baseline: start, middle or end. */
	public record Text(double x, double y, String text, double size, String anchor, String color) {
	}

	private final int width;

	private final int height;

	private final List<Rect> rects = new ArrayList<>();

	private final List<Line> lines = new ArrayList<>();

	private final List<Text> texts = new ArrayList<>();

	private ChartGeometry(int width, int height) {
		this.width = width;
		this.height = height;
	}

	/**
	 * Lays out {@code spec}; value labels are drawn over bars when there are few enough.
	 */
	public static ChartGeometry layout(ChartSpec spec, int width, int height) {
		ChartGeometry g = new ChartGeometry(width, height);
		double left = 56;
		double right = 16;
		double top = 40;
		double bottom = 36;
		double plotW = width - left - right;
		double plotH = height - top - bottom;
		long max = Math.max(1, spec.values().stream().mapToLong(Long::longValue).max().orElse(1));
		long step = niceStep(max);
		long axisMax = ((max + step - 1) / step) * step;
		g.texts.add(new Text(width / 2.0, 24, spec.title(), 15, "middle", "333333"));
		for (long v = 0; v <= axisMax; v += step) {
			double y = top + plotH - plotH * v / axisMax;
			g.lines.add(new Line(left, y, left + plotW, y, v == 0 ? "888888" : "E0E0E0"));
			g.texts.add(new Text(left - 6, y + 4, String.format(Locale.ROOT, "%,d", v), 11, "end", "666666"));
		}
		int n = spec.labels().size();
		double slot = plotW / Math.max(1, n);
		double barW = Math.max(2, slot * 0.62);
		int labelEvery = Math.max(1, (int) Math.ceil(n / 16.0));
		for (int i = 0; i < n; i++) {
			long v = spec.values().get(i);
			double h = plotH * v / axisMax;
			double x = left + slot * i + (slot - barW) / 2;
			g.rects.add(new Rect(x, top + plotH - h, barW, h, spec.color(i)));
			if (i % labelEvery == 0) {
				g.texts.add(new Text(x + barW / 2, top + plotH + 16, spec.labels().get(i), 11, "middle", "444444"));
			}
			if (n <= 8) {
				g.texts.add(new Text(x + barW / 2, top + plotH - h - 4, String.format(Locale.ROOT, "%,d", v), 11,
						"middle", "333333"));
			}
		}
		return g;
	}

	private static long niceStep(long max) {
		long raw = Math.max(1, max / 5);
		long magnitude = (long) Math.pow(10, Math.floor(Math.log10(raw)));
		for (long m : new long[] { 1, 2, 5, 10 }) {
			if (m * magnitude >= raw) {
				return m * magnitude;
			}
		}
		return 10 * magnitude;
	}

	/** Canvas width in pixels. */
	public int width() {
		return width;
	}

	/** Canvas height in pixels. */
	public int height() {
		return height;
	}

	/** The bars. */
	public List<Rect> rects() {
		return rects;
	}

	/** Axis and grid lines. */
	public List<Line> lines() {
		return lines;
	}

	/** Title, axis and value labels. */
	public List<Text> texts() {
		return texts;
	}

}
