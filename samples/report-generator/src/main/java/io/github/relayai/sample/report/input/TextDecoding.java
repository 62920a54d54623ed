package io.github.relayai.sample.report.input;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes exported text files: UTF-8 with or without a byte-order mark, else GB18030 (a
 * superset of GBK and GB2312, what Excel and Chinese vendor consoles write).
 */
public final class TextDecoding {

	private static final Charset GB18030 = Charset.forName("GB18030");

	private TextDecoding() {
	}

	/**
	 * Returns the text of {@code bytes}; the name of the encoding used is in
	 * {@link Decoded#charset()}.
	 */
	public static Decoded decode(byte[] bytes) {
		if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
			return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "UTF-8 (BOM)");
		}
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			return new Decoded(text, "UTF-8");
		}
		catch (CharacterCodingException notUtf8) {
			return new Decoded(new String(bytes, GB18030), "GB18030");
		}
	}

	/** Decoded text and the name of the encoding it was read as. */
	public record Decoded(String text, String charset) {
	}

}
