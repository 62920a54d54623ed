package io.github.relayai.endpoint;

import io.github.relayai.options.ImageLimits;
import java.util.Base64;
import java.util.Locale;

import org.springframework.ai.content.Media;

/**
 * Turns the {@link Media} of a user message into the URLs an {@code image_url} content
 * part carries: bytes become base64 data URLs whose type is detected from the bytes,
 * {@code http(s)} URLs are passed through (never downloaded), and anything else is
 * rejected before a request is sent.
 */
final class ImageEncoder {

	private final ImageLimits limits;

	/**
	 * Creates an encoder.
	 * @param limits the limits to enforce
	 */
	public ImageEncoder(ImageLimits limits) {
		this.limits = limits;
	}

	/**
	 * Checks the number of images in a request.
	 * @param count the number of images
	 * @throws IllegalArgumentException when there are too many
	 */
	public void checkCount(int count) {
		if (count > this.limits.maxImages()) {
			throw new IllegalArgumentException("The request has " + count + " images but at most "
					+ this.limits.maxImages()
					+ " are allowed: send fewer, or raise maxImages (spring.ai.relay.input-images.max-per-request; up to "
					+ ImageLimits.HARD_MAX_IMAGES + ")");
		}
	}

	/**
	 * The URL to send for one media item.
	 * @param media the media
	 * @return a {@code data:} URL or the original {@code http(s)} URL
	 * @throws IllegalArgumentException when the media is not an accepted image or is too
	 * large
	 */
	public String toUrl(Media media) {
		Object data = media.getData();
		if (data instanceof byte[] bytes) {
			return dataUrl(bytes, media.getName());
		}
		if (data instanceof String text) {
			String lower = text.toLowerCase(Locale.ROOT);
			if (lower.startsWith("http://") || lower.startsWith("https://")) {
				return text;
			}
			if (lower.startsWith("data:")) {
				return dataUrl(decodeDataUrl(text, media.getName()), media.getName());
			}
			return dataUrl(decodeBase64(text, media.getName()), media.getName());
		}
		throw new IllegalArgumentException("Media '" + media.getName() + "' has unsupported data of type "
				+ data.getClass().getName() + ": pass bytes, a Resource, a data URL or an http(s) URL");
	}

	/**
	 * Encodes image bytes as a data URL after checking format and size.
	 * @param bytes the image
	 * @param name a name for error messages
	 * @return the data URL
	 */
	public String dataUrl(byte[] bytes, String name) {
		if (bytes.length > this.limits.maxImageBytes()) {
			throw new IllegalArgumentException("Image '" + name + "' has " + bytes.length + " bytes, more than the "
					+ this.limits.maxImageBytes()
					+ " allowed: scale it down, or raise maxImageBytes (spring.ai.relay.input-images.max-bytes)");
		}
		ImageFormat format = ImageFormat.detect(bytes)
			.orElseThrow(() -> new IllegalArgumentException("Media '" + name
					+ "' is not a PNG, JPEG, GIF or WebP image (by its content): convert it to one of these formats"));
		return "data:" + format.mimeType() + ";base64," + Base64.getEncoder().encodeToString(bytes);
	}

	/**
	 * Decodes the bytes of a base64 {@code data:} URL.
	 * @param url the data URL
	 * @param name a name for error messages
	 * @return the bytes
	 */
	public static byte[] decodeDataUrl(String url, String name) {
		int comma = url.indexOf(',');
		if (comma < 0 || !url.substring(0, comma).toLowerCase(Locale.ROOT).endsWith(";base64")) {
			throw new IllegalArgumentException("Media '" + name + "' is a data URL without base64 content");
		}
		return decodeBase64(url.substring(comma + 1), name);
	}

	private static byte[] decodeBase64(String text, String name) {
		try {
			return Base64.getMimeDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Media '" + name
					+ "' is text that is neither an http(s) URL, a data URL nor base64: pass the image bytes instead",
					ex);
		}
	}

}
