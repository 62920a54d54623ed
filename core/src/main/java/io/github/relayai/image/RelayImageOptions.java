package io.github.relayai.image;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.ai.content.Media;
import org.springframework.ai.image.ImageOptions;

/**
 * Options of a {@link RelayImageModel} request. Immutable; {@link #builder()} creates one
 * and {@link #mutate()} copies one. Values the gateway understands beyond these (aspect
 * ratio, image config, quality...) go into {@link #getExtraBody() extra body fields}.
 */
public final class RelayImageOptions implements ImageOptions {

	private final String model;

	private final Integer n;

	private final Integer width;

	private final Integer height;

	private final String style;

	private final Boolean stream;

	private final List<Media> inputImages;

	private final Map<String, Object> extraBody;

	private RelayImageOptions(Builder builder) {
		this.model = builder.model;
		this.n = builder.n;
		this.width = builder.width;
		this.height = builder.height;
		this.style = builder.style;
		this.stream = builder.stream;
		this.inputImages = (builder.inputImages != null) ? List.copyOf(builder.inputImages) : null;
		this.extraBody = (builder.extraBody != null)
				? java.util.Collections.unmodifiableMap(new LinkedHashMap<>(builder.extraBody)) : null;
	}

	/**
	 * Creates an empty builder.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A builder holding these options.
	 * @return a new builder
	 */
	public Builder mutate() {
		return new Builder().model(this.model)
			.n(this.n)
			.width(this.width)
			.height(this.height)
			.style(this.style)
			.stream(this.stream)
			.inputImages(this.inputImages)
			.extraBody(this.extraBody);
	}

	/**
	 * These options with the set values of others on top.
	 * @param other the other options, may be {@code null}
	 * @return the combined options
	 */
	public RelayImageOptions merge(ImageOptions other) {
		if (other == null) {
			return this;
		}
		Builder merged = mutate();
		if (other.getModel() != null) {
			merged.model(other.getModel());
		}
		if (other.getN() != null) {
			merged.n(other.getN());
		}
		if (other.getWidth() != null) {
			merged.width(other.getWidth());
		}
		if (other.getHeight() != null) {
			merged.height(other.getHeight());
		}
		if (other.getStyle() != null) {
			merged.style(other.getStyle());
		}
		if (other instanceof RelayImageOptions relay) {
			if (relay.stream != null) {
				merged.stream(relay.stream);
			}
			if (relay.inputImages != null) {
				merged.inputImages(relay.inputImages);
			}
			if (relay.extraBody != null) {
				Map<String, Object> extra = new LinkedHashMap<>((this.extraBody != null) ? this.extraBody : Map.of());
				extra.putAll(relay.extraBody);
				merged.extraBody(extra);
			}
		}
		return merged.build();
	}

	@Override
	public String getModel() {
		return this.model;
	}

	/**
	 * @return how many images to generate; one request is sent per image (default 1)
	 */
	@Override
	public Integer getN() {
		return this.n;
	}

	/**
	 * @return the width in pixels; with the height it is sent as {@code size: WxH}
	 */
	@Override
	public Integer getWidth() {
		return this.width;
	}

	/**
	 * @return the height in pixels; with the width it is sent as {@code size: WxH}
	 */
	@Override
	public Integer getHeight() {
		return this.height;
	}

	/**
	 * @return always {@code b64_json}: images come back base64-encoded in the answer
	 */
	@Override
	public String getResponseFormat() {
		return "b64_json";
	}

	/**
	 * @return the style, sent as {@code style} when set
	 */
	@Override
	public String getStyle() {
		return this.style;
	}

	/**
	 * @return whether the answer is streamed (default {@code true}: generations are long)
	 */
	public Boolean getStream() {
		return this.stream;
	}

	/**
	 * @return input images for image-to-image requests (PNG, JPEG, GIF or WebP)
	 */
	public List<Media> getInputImages() {
		return this.inputImages;
	}

	/**
	 * @return extra fields merged into the request body, such as an aspect ratio
	 */
	public Map<String, Object> getExtraBody() {
		return this.extraBody;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof RelayImageOptions that && Objects.equals(this.model, that.model)
				&& Objects.equals(this.n, that.n) && Objects.equals(this.width, that.width)
				&& Objects.equals(this.height, that.height) && Objects.equals(this.style, that.style)
				&& Objects.equals(this.stream, that.stream) && Objects.equals(this.inputImages, that.inputImages)
				&& Objects.equals(this.extraBody, that.extraBody);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.model, this.n, this.width, this.height, this.style, this.stream, this.inputImages,
				this.extraBody);
	}

	@Override
	public String toString() {
		return "RelayImageOptions{model=" + this.model + ", n=" + this.n + ", width=" + this.width + ", height="
				+ this.height + ", stream=" + this.stream + ", inputImages="
				+ ((this.inputImages != null) ? this.inputImages.size() : 0) + ", extraBody="
				+ ((this.extraBody != null) ? this.extraBody.keySet() : "[]") + "}";
	}

	/**
	 * Builds {@link RelayImageOptions}.
	 */
	public static final class Builder {

		private String model;

		private Integer n;

		private Integer width;

		private Integer height;

		private String style;

		private Boolean stream;

		private List<Media> inputImages;

		private Map<String, Object> extraBody;

		private Builder() {
		}

		/**
		 * Sets the model, such as {@code gemini-3-pro-image-preview}.
		 * @param model the model id
		 * @return this builder
		 */
		public Builder model(String model) {
			this.model = model;
			return this;
		}

		/**
		 * Sets how many images to generate.
		 * @param n the number of images
		 * @return this builder
		 */
		public Builder n(Integer n) {
			this.n = n;
			return this;
		}

		/**
		 * Sets the width in pixels.
		 * @param width the width
		 * @return this builder
		 */
		public Builder width(Integer width) {
			this.width = width;
			return this;
		}

		/**
		 * Sets the height in pixels.
		 * @param height the height
		 * @return this builder
		 */
		public Builder height(Integer height) {
			this.height = height;
			return this;
		}

		/**
		 * Sets the style.
		 * @param style the style
		 * @return this builder
		 */
		public Builder style(String style) {
			this.style = style;
			return this;
		}

		/**
		 * Sets whether the answer is streamed.
		 * @param stream whether to stream
		 * @return this builder
		 */
		public Builder stream(Boolean stream) {
			this.stream = stream;
			return this;
		}

		/**
		 * Sets input images for image-to-image requests.
		 * @param inputImages the images
		 * @return this builder
		 */
		public Builder inputImages(List<Media> inputImages) {
			this.inputImages = inputImages;
			return this;
		}

		/**
		 * Sets extra fields merged into the request body.
		 * @param extraBody the fields
		 * @return this builder
		 */
		public Builder extraBody(Map<String, Object> extraBody) {
			this.extraBody = extraBody;
			return this;
		}

		/**
		 * Builds the options.
		 * @return the options
		 */
		public RelayImageOptions build() {
			return new RelayImageOptions(this);
		}

	}

}
