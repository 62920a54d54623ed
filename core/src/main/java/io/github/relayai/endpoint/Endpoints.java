package io.github.relayai.endpoint;

import io.github.relayai.exchange.ChatExchange;
import io.github.relayai.http.RelayHttpClient;
import io.github.relayai.options.ImageLimits;
import java.util.List;
import java.util.Objects;
import org.springframework.ai.content.Media;
import tools.jackson.databind.json.JsonMapper;

/**
 * The protocol adapters of one gateway: for each {@link Endpoint}, the
 * {@link ChatExchange} that writes its request bodies, posts them over a
 * {@link RelayHttpClient} and maps its answers and streams back to chat responses. This
 * is the one door into the adapters; the router (package {@code routing}) and the image
 * model use it, and an application rarely needs it.
 */
public final class Endpoints {

	private final RelayHttpClient http;

	private final JsonMapper json = JsonMapper.builder().build();

	private final ImageEncoder images;

	private Endpoints(RelayHttpClient http, ImageLimits imageLimits) {
		this.http = Objects.requireNonNull(http, "http must not be null");
		this.images = new ImageEncoder(Objects.requireNonNull(imageLimits, "imageLimits must not be null"));
	}

	/**
	 * The adapters over one transport.
	 * @param http the transport (its base URL, key and classifier are used)
	 * @param imageLimits the limits for input images
	 * @return the adapters
	 */
	public static Endpoints over(RelayHttpClient http, ImageLimits imageLimits) {
		return new Endpoints(http, imageLimits);
	}

	/**
	 * The adapter of one endpoint.
	 * @param endpoint the endpoint
	 * @return a new adapter, thread-safe
	 */
	public ChatExchange exchange(Endpoint endpoint) {
		return switch (endpoint) {
			case CHAT -> new ChatCompletionsExchange(this.http, this.json, Endpoint.CHAT.path(),
					new ChatRequestFactory(this.json, this.images));
			case COMPLETIONS -> new ChatCompletionsExchange(this.http, this.json, Endpoint.COMPLETIONS.path(),
					new CompletionsRequests(this.json, new EndpointMessages(this.http.classifier().locale())));
			case RESPONSES -> new ResponsesExchange(this.http, this.json, this.images);
		};
	}

	/**
	 * The images an answer carries in its text as Markdown image links, the way image
	 * models served over chat completions answer:
	 * {@code ![alt](data:image/png;base64,...)} (decoded) or {@code ![alt](https://...)}
	 * (kept as a URL).
	 * @param text the answer's text, may be {@code null}
	 * @return the images, in order; empty when there are none
	 */
	public static List<Media> imagesIn(String text) {
		return MarkdownImages.extract(text);
	}

}
