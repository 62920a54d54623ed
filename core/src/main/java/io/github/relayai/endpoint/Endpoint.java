package io.github.relayai.endpoint;

import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.ProviderError;
import io.github.relayai.exchange.ChatExchange;
import io.github.relayai.http.RelayHttpClient;
import io.github.relayai.options.ImageLimits;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.ai.content.Media;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAI-compatible endpoints a chat request can be sent to, and the door to their
 * protocol adapters ({@link #exchange(RelayHttpClient, ImageLimits)}), which are
 * package-private.
 */
public enum Endpoint {

	/** {@code /v1/chat/completions}: messages in, a message out. */
	CHAT("chat", "/v1/chat/completions"),
	/** {@code /v1/completions}: the legacy endpoint, one text prompt in, text out. */
	COMPLETIONS(ProviderError.COMPLETIONS, "/v1/completions"),
	/** {@code /v1/responses}: the Responses API, input items in, output items out. */
	RESPONSES(ProviderError.RESPONSES, "/v1/responses");

	private final String id;

	private final String path;

	Endpoint(String id, String path) {
		this.id = id;
		this.path = path;
	}

	/**
	 * The name used in properties and options: {@code chat}, {@code completions} or
	 * {@code responses}.
	 * @return the id
	 */
	public String id() {
		return this.id;
	}

	/**
	 * The API path, such as {@code /v1/responses}.
	 * @return the path
	 */
	public String path() {
		return this.path;
	}

	/**
	 * Parses an endpoint id (any letter case).
	 * @param id {@code chat}, {@code completions} or {@code responses}
	 * @return the endpoint
	 * @throws IllegalArgumentException naming the accepted values
	 */
	public static Endpoint of(String id) {
		String wanted = (id != null) ? id.strip().toLowerCase(Locale.ROOT) : "";
		for (Endpoint endpoint : values()) {
			if (endpoint.id.equals(wanted)) {
				return endpoint;
			}
		}
		throw new IllegalArgumentException("Unknown endpoint '" + id + "': use chat, completions or responses");
	}

	/**
	 * The endpoint a {@link ErrorCategory#NON_CHAT_MODEL} error points to.
	 * @param error the error
	 * @return the endpoint the gateway's message names, or empty
	 */
	public static Optional<Endpoint> suggestedBy(ProviderError error) {
		return error.suggestedEndpoint().map(Endpoint::of);
	}

	/**
	 * The protocol adapter of this endpoint over one transport: the {@link ChatExchange}
	 * that writes its request bodies, posts them over the client and maps its answers and
	 * streams back to chat responses. The router (package {@code routing}) and the image
	 * model use it; an application rarely needs it.
	 * @param http the transport (its base URL, key and classifier are used)
	 * @param imageLimits the limits for input images
	 * @return a new adapter, thread-safe
	 */
	public ChatExchange exchange(RelayHttpClient http, ImageLimits imageLimits) {
		Objects.requireNonNull(http, "http must not be null");
		ImageEncoder images = new ImageEncoder(Objects.requireNonNull(imageLimits, "imageLimits must not be null"));
		JsonMapper json = JsonMapper.builder().build();
		return switch (this) {
			case CHAT -> new ChatCompletionsExchange(http, json, CHAT.path, new ChatRequestFactory(json, images));
			case COMPLETIONS -> new ChatCompletionsExchange(http, json, COMPLETIONS.path,
					new CompletionsRequests(json, new EndpointMessages(http.classifier().locale())));
			case RESPONSES -> new ResponsesExchange(http, json, images);
		};
	}

	/**
	 * The images a chat answer carries in its text as Markdown image links, the way image
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
