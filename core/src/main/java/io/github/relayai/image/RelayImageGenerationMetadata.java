package io.github.relayai.image;

import org.springframework.ai.image.ImageGenerationMetadata;

/**
 * What Relay knows about one generated image.
 *
 * @param mimeType the image's MIME type, such as {@code image/png}, detected from its bytes
 */
public record RelayImageGenerationMetadata(String mimeType) implements ImageGenerationMetadata {
}
