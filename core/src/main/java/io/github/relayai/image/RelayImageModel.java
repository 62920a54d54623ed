package io.github.relayai.image;

import io.github.relayai.endpoint.Endpoint;
import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.ProviderError;
import io.github.relayai.error.RelayAiException;
import io.github.relayai.chat.RelayChatModel;
import io.github.relayai.exchange.ChatChain;
import io.github.relayai.exchange.ChatExchange;
import io.github.relayai.exchange.ChatRequest;
import io.github.relayai.http.RelayHttpClient;
import io.github.relayai.options.ImageLimits;
import io.github.relayai.routing.Transport;
import io.github.relayai.options.RelayChatOptions;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.content.Media;
import org.springframework.ai.image.Image;
import org.springframework.ai.image.ImageGeneration;
import org.springframework.ai.image.ImageMessage;
import org.springframework.ai.image.ImageModel;
import org.springframework.ai.image.ImagePrompt;
import org.springframework.ai.image.ImageResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import org.springframework.ai.image.ImageGenerationMetadata;

/**
 * A Spring AI {@link ImageModel} for image models that gateways serve through chat
 * completions (such as {@code gemini-3-pro-image-preview}): the prompt, with optional
 * {@link RelayImageOptions#getInputImages() input images} for image-to-image, goes in as
 * a user message, and the images the model writes into its answer as markdown data URLs
 * come back as base64 {@link Image}s with their MIME type in
 * {@link RelayImageGenerationMetadata}. Answers are streamed by default, so long
 * generations are kept alive by the gateway's heartbeats.
 */
public final class RelayImageModel implements ImageModel {

	private static final String MESSAGES = "io.github.relayai.image.messages";

	private final ChatExchange exchange;

	private final RelayImageOptions defaultOptions;

	private final ResourceBundle bundle;

	private RelayImageModel(Builder builder, ChatChain.Builder chain, ImageLimits imageLimits) {
		this.exchange = chain.build(Transport.AUTO.over(Endpoint.CHAT.exchange(builder.http, imageLimits)));
		this.defaultOptions = (builder.defaultOptions != null) ? builder.defaultOptions
				: RelayImageOptions.builder().build();
		this.bundle = ResourceBundle.getBundle(MESSAGES, builder.http.classifier().locale(),
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
	}

	/**
	 * Creates a builder.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The options used when a request sets none.
	 * @return the defaults
	 */
	public RelayImageOptions getDefaultOptions() {
		return this.defaultOptions;
	}

	@Override
	public ImageResponse call(ImagePrompt prompt) {
		RelayImageOptions options = this.defaultOptions.merge(prompt.getOptions());
		if (options.getModel() == null || options.getModel().isBlank()) {
			throw new IllegalArgumentException(
					"No image model is set: set model in the default options (spring.ai.relay.image.options.model), "
							+ "for example gemini-3-pro-image-preview, or pass one in the request options");
		}
		String text = prompt.getInstructions().stream().map(ImageMessage::getText).collect(Collectors.joining("\n"));
		UserMessage user = UserMessage.builder()
			.text(text)
			.media((options.getInputImages() != null) ? options.getInputImages() : List.of())
			.build();
		ChatRequest request = new ChatRequest(List.of(user), chatOptions(options));
		int count = (options.getN() != null) ? Math.max(1, options.getN()) : 1;
		boolean stream = !Boolean.FALSE.equals(options.getStream());
		List<ImageGeneration> generations = Flux.range(0, count)
			.flatMapSequential(i -> answer(request, stream))
			.map(answer -> images(answer, options.getModel()))
			.flatMapIterable(images -> images)
			.collectList()
			.block();
		return new ImageResponse(generations);
	}

	private static RelayChatOptions chatOptions(RelayImageOptions options) {
		Map<String, Object> extra = new LinkedHashMap<>();
		if (options.getWidth() != null && options.getHeight() != null) {
			extra.put("size", options.getWidth() + "x" + options.getHeight());
		}
		if (options.getStyle() != null) {
			extra.put("style", options.getStyle());
		}
		if (options.getExtraBody() != null) {
			extra.putAll(options.getExtraBody());
		}
		return RelayChatOptions.builder().model(options.getModel()).extraBody(extra.isEmpty() ? null : extra).build();
	}

	/** The whole answer text, streamed or not. */
	private Mono<String> answer(ChatRequest request, boolean stream) {
		Flux<ChatResponse> responses = stream ? this.exchange.stream(request) : this.exchange.call(request).flux();
		return responses.map(RelayImageModel::text)
			.reduce(new StringBuilder(), StringBuilder::append)
			.map(StringBuilder::toString);
	}

	private static String text(ChatResponse response) {
		return (response.getResult() != null && response.getResult().getOutput().getText() != null)
				? response.getResult().getOutput().getText() : "";
	}

	private List<ImageGeneration> images(String answer, String model) {
		List<ImageGeneration> images = new ArrayList<>();
		for (Media media : Endpoint.imagesIn(answer)) {
			RelayImageGenerationMetadata metadata = new RelayImageGenerationMetadata(media.getMimeType().toString());
			Image image = (media.getData() instanceof byte[] bytes)
					? new Image(null, Base64.getEncoder().encodeToString(bytes))
					: new Image(media.getData().toString(), null);
			images.add(new ImageGeneration(image, metadata));
		}
		if (images.isEmpty()) {
			throw RelayAiException.of(ProviderError.builder(ErrorCategory.UNKNOWN)
				.message(answer.isBlank() ? null : answer)
				.model(model)
				.endpoint(Endpoint.CHAT.path())
				.hint(new MessageFormat(this.bundle.getString("image.none"), this.bundle.getLocale())
					.format(new Object[] { model }))
				.build(), null);
		}
		return images;
	}

	/**
	 * Builds a {@link RelayImageModel}.
	 */
	public static final class Builder extends ChatChain.ModelBuilder<Builder> {

		private RelayHttpClient http;

		private RelayImageOptions defaultOptions;

		private Builder() {
		}

		@Override
		protected Builder self() {
			return this;
		}

		/**
		 * The transport to the gateway (required).
		 * @param http the transport
		 * @return this builder
		 */
		public Builder httpClient(RelayHttpClient http) {
			this.http = http;
			return this;
		}

		/**
		 * The options used when a request sets none.
		 * @param defaultOptions the defaults
		 * @return this builder
		 */
		public Builder defaultOptions(RelayImageOptions defaultOptions) {
			this.defaultOptions = defaultOptions;
			return this;
		}

		/**
		 * Builds the model.
		 * @return the model
		 */
		public RelayImageModel build() {
			if (this.http == null) {
				throw new IllegalArgumentException("RelayImageModel needs a RelayHttpClient: call httpClient(...)");
			}
			return new RelayImageModel(this, chain(RelayChatModel.PROVIDER).resilience(resilience(this.http)),
					imageLimits());
		}

	}

	/**
	 * What Relay knows about one generated image.
	 *
	 * @param mimeType the image's MIME type, such as {@code image/png}: detected from the
	 * bytes of a data URL, guessed from the file extension of a link
	 */
	public record RelayImageGenerationMetadata(String mimeType) implements ImageGenerationMetadata {
	}

}
