package io.github.relayai.endpoint;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.ai.content.Media;
import org.springframework.util.MimeType;

/**
 * Finds the images that image models served over chat completions put into their text, as
 * markdown ({@code ![alt](data:image/png;base64,...)} or {@code ![alt](https://...)}),
 * and returns them as {@link Media}.
 */
final class MarkdownImages {

	private static final Pattern IMAGE = Pattern.compile(
			"!\\[([^\\]]*)\\]\\(\\s*(data:image/[a-zA-Z0-9.+-]+;base64,[A-Za-z0-9+/=\\s]+|https?://[^\\s)]+)\\s*\\)");

	private MarkdownImages() {
	}

	/**
	 * Extracts the images of a text.
	 * @param text the assistant's text, may be {@code null}
	 * @return the images, in order; empty when there are none
	 */
	public static List<Media> extract(String text) {
		if (text == null || text.indexOf("![") < 0) {
			return List.of();
		}
		List<Media> media = new ArrayList<>();
		Matcher matcher = IMAGE.matcher(text);
		while (matcher.find()) {
			String alt = matcher.group(1);
			String target = matcher.group(2);
			String name = alt.isBlank() ? "image-" + (media.size() + 1) : alt;
			if (target.startsWith("data:")) {
				byte[] bytes = ImageEncoder.decodeDataUrl(target.replaceAll("\\s", ""), name);
				String mime = ImageFormat.detect(bytes)
					.map(ImageFormat::mimeType)
					.orElse(target.substring(5, target.indexOf(';')));
				media.add(Media.builder().mimeType(MimeType.valueOf(mime)).data(bytes).name(name).build());
			}
			else {
				media.add(Media.builder().mimeType(mimeOfUrl(target)).data(URI.create(target)).name(name).build());
			}
		}
		return media;
	}

	private static MimeType mimeOfUrl(String url) {
		String path = URI.create(url).getPath();
		String lower = (path != null) ? path.toLowerCase(Locale.ROOT) : "";
		if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
			return MimeType.valueOf("image/jpeg");
		}
		if (lower.endsWith(".gif")) {
			return MimeType.valueOf("image/gif");
		}
		if (lower.endsWith(".webp")) {
			return MimeType.valueOf("image/webp");
		}
		return MimeType.valueOf("image/png");
	}

}
