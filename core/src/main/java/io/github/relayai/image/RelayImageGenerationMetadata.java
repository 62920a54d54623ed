package io.github.relayai.image;

import org.springframework.ai.image.ImageGenerationMetadata;

/**
 * What Relay knows about one generated image.
 *
 * @param mimeType the image's MIME type, such as {@code image/png}: detected from the
 * bytes of a data URL, guessed from the file extension of a link
 */
public record RelayImageGenerationMetadata(String mimeType) implements ImageGenerationMetadata {
}
