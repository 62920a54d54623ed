package io.github.relayai.media;

/**
 * How many input images a request may carry and how large each may be; checked before
 * anything is sent.
 *
 * @param maxImages images per request (1 to {@value #HARD_MAX_IMAGES}, default
 * {@value #DEFAULT_MAX_IMAGES})
 * @param maxImageBytes bytes per inline image (default 20 MB)
 */
public record ImageLimits(int maxImages, int maxImageBytes) {

	/** The default number of images per request. */
	public static final int DEFAULT_MAX_IMAGES = 5;

	/** The largest number of images per request that can be configured. */
	public static final int HARD_MAX_IMAGES = 10;

	/** The defaults: 5 images of at most 20 MB each. */
	public static final ImageLimits DEFAULTS = new ImageLimits(DEFAULT_MAX_IMAGES, 20 * 1024 * 1024);

	public ImageLimits {
		if (maxImages < 1 || maxImages > HARD_MAX_IMAGES) {
			throw new IllegalArgumentException("spring.ai.relay.input-images.max-per-request must be between 1 and "
					+ HARD_MAX_IMAGES + ", but was " + maxImages);
		}
		if (maxImageBytes < 1) {
			throw new IllegalArgumentException(
					"spring.ai.relay.input-images.max-bytes must be positive, but was " + maxImageBytes);
		}
	}

}
