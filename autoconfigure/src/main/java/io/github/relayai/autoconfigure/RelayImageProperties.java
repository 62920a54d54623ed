package io.github.relayai.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.relayai.image.RelayImageOptions;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Relay image model: image models served through chat completions, such as
 * gemini-3-pro-image-preview. Created when {@code spring.ai.relay.image.options.model} is
 * set.
 */
@ConfigurationProperties(RelayImageProperties.PREFIX)
public class RelayImageProperties {

	/** The prefix of these properties. */
	public static final String PREFIX = "spring.ai.relay.image";

	/**
	 * Default options of every image request; a request's own options win.
	 */
	private final Options options = new Options();

	public Options getOptions() {
		return this.options;
	}

	/**
	 * Default image request options.
	 */
	public static class Options {

		/**
		 * Image model id as the gateway names it, for example gemini-3-pro-image-preview.
		 */
		private String model;

		/**
		 * Number of images per request; one chat request is sent per image.
		 */
		private Integer n;

		/**
		 * Width in pixels; with the height it is sent as size WxH.
		 */
		private Integer width;

		/**
		 * Height in pixels; with the width it is sent as size WxH.
		 */
		private Integer height;

		/**
		 * Whether answers are streamed; long generations stay alive through the gateway's
		 * heartbeats.
		 */
		private boolean stream = true;

		/**
		 * Extra fields merged into every request body, for example an aspect ratio or
		 * image config the gateway understands.
		 */
		private Map<String, Object> extraBody = new LinkedHashMap<>();

		/**
		 * Converts these properties to options.
		 * @return the options
		 */
		public RelayImageOptions toOptions() {
			return RelayImageOptions.builder()
				.model(this.model)
				.n(this.n)
				.width(this.width)
				.height(this.height)
				.stream(this.stream)
				.extraBody(ExtraBodyValues.typed(this.extraBody))
				.build();
		}

		public String getModel() {
			return this.model;
		}

		public void setModel(String model) {
			this.model = model;
		}

		public Integer getN() {
			return this.n;
		}

		public void setN(Integer n) {
			this.n = n;
		}

		public Integer getWidth() {
			return this.width;
		}

		public void setWidth(Integer width) {
			this.width = width;
		}

		public Integer getHeight() {
			return this.height;
		}

		public void setHeight(Integer height) {
			this.height = height;
		}

		public boolean isStream() {
			return this.stream;
		}

		public void setStream(boolean stream) {
			this.stream = stream;
		}

		public Map<String, Object> getExtraBody() {
			return this.extraBody;
		}

		public void setExtraBody(Map<String, Object> extraBody) {
			this.extraBody = extraBody;
		}

	}

}
