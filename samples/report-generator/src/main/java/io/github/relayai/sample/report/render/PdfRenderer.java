package io.github.relayai.sample.report.render;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

/**
 * Renders a {@link ReportDocument} to PDF through its print HTML, with the bundled CJK
 * font embedded (subset).
 */
public final class PdfRenderer {

	static {
		XRLog.setLoggingEnabled(false);
	}

	private final HtmlRenderer html = new HtmlRenderer(true);

	/** The PDF bytes of {@code doc}. */
	public byte[] render(ReportDocument doc) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.useFont(() -> new ByteArrayInputStream(ReportFonts.regular()), ReportFonts.FAMILY, 400,
				FontStyle.NORMAL, true);
		builder.useFont(() -> new ByteArrayInputStream(ReportFonts.bold()), ReportFonts.FAMILY, 700, FontStyle.NORMAL,
				true);
		builder.withHtmlContent(html.render(doc), null);
		builder.toStream(out);
		try {
			builder.run();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

}
