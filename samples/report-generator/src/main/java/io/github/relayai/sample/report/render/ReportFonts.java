package io.github.relayai.sample.report.render;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The bundled CJK font: Noto Sans SC (SIL Open Font License 1.1), subset to GB 2312 plus
 * Latin and punctuation, regular and bold, under {@code /fonts}. Used for the PDF and the
 * chart images.
 */
public final class ReportFonts {

	/** The family name the PDF's CSS refers to. */
	public static final String FAMILY = "Noto Sans SC";

	private static final String REGULAR = "/fonts/NotoSansSC-Regular-subset.ttf";

	private static final String BOLD = "/fonts/NotoSansSC-Bold-subset.ttf";

	private static byte[] regularBytes;

	private static byte[] boldBytes;

	private static Font awtRegular;

	private ReportFonts() {
	}

	/** The regular face as TTF bytes. */
	public static synchronized byte[] regular() {
		if (regularBytes == null) {
			regularBytes = load(REGULAR);
		}
		return regularBytes;
	}

	/** The bold face as TTF bytes. */
	public static synchronized byte[] bold() {
		if (boldBytes == null) {
			boldBytes = load(BOLD);
		}
		return boldBytes;
	}

	/** The regular face as an AWT font (size 1; derive the size wanted). */
	public static synchronized Font awtRegular() {
		if (awtRegular == null) {
			try {
				awtRegular = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(regular()));
			}
			catch (FontFormatException | IOException e) {
				throw new IllegalStateException("bundled font unreadable", e);
			}
		}
		return awtRegular;
	}

	private static byte[] load(String resource) {
		try (InputStream in = ReportFonts.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("bundled font missing: " + resource);
			}
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
