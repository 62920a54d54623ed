package io.github.relayai.endpoint;

import java.util.Optional;

/**
 * The image formats OpenAI-compatible vision and image models accept, recognised by their
 * leading bytes rather than by a declared MIME type.
 */
enum ImageFormat {

	/** Portable Network Graphics. */
	PNG("image/png"),
	/** JPEG. */
	JPEG("image/jpeg"),
	/** GIF (87a and 89a). */
	GIF("image/gif"),
	/** WebP (RIFF container). */
	WEBP("image/webp");

	private final String mimeType;

	ImageFormat(String mimeType) {
		this.mimeType = mimeType;
	}

	/**
	 * The MIME type, such as {@code image/png}.
	 * @return the MIME type
	 */
	public String mimeType() {
		return this.mimeType;
	}

	/**
	 * Detects the format from the first bytes of an image.
	 * @param bytes the image
	 * @return the format, or empty when the bytes are none of the accepted formats
	 */
	public static Optional<ImageFormat> detect(byte[] bytes) {
		if (bytes == null) {
			return Optional.empty();
		}
		if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of(PNG);
		}
		if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
			return Optional.of(JPEG);
		}
		if (startsWith(bytes, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(bytes, 0, 'G', 'I', 'F', '8', '9', 'a')) {
			return Optional.of(GIF);
		}
		if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
			return Optional.of(WEBP);
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] bytes, int offset, int... signature) {
		if (bytes.length < offset + signature.length) {
			return false;
		}
		for (int i = 0; i < signature.length; i++) {
			if ((bytes[offset + i] & 0xFF) != signature[i]) {
				return false;
			}
		}
		return true;
	}

}
