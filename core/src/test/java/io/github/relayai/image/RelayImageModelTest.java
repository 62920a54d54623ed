package io.github.relayai.image;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.relayai.error.RelayAiException;
import io.github.relayai.http.RelayHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.content.Media;
import org.springframework.ai.image.ImagePrompt;
import org.springframework.ai.image.ImageResponse;
import org.springframework.util.MimeTypeUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.github.relayai.image.RelayImageModel.RelayImageGenerationMetadata;

class RelayImageModelTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	WireMockServer server;

	RelayImageModel model;

	@BeforeEach
	void start() {
		this.server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		this.server.start();
		this.model = RelayImageModel.builder()
			.httpClient(RelayHttpClient.builder().baseUrl(this.server.baseUrl()).apiKey("sk-test").build())
			.defaultOptions(RelayImageOptions.builder().model("gemini-3-pro-image-preview").build())
			.build();
	}

	@AfterEach
	void stop() {
		this.server.stop();
	}

	static byte[] png() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}

	static String chunk(String content) {
		return "data: " + JSON.createObjectNode()
			.put("id", "chatcmpl-img")
			.put("model", "gemini-3-pro-image-preview")
			.set("choices",
					JSON.createArrayNode()
						.add(JSON.createObjectNode()
							.put("index", 0)
							.set("delta", JSON.createObjectNode().put("content", content))))
				+ "\n\n";
	}

	@Test
	void streamsByDefaultAndReturnsTheMarkdownImageAsBase64() throws Exception {
		String b64 = Base64.getEncoder().encodeToString(png());
		String markdown = "Here is your cat.\n\n![image](data:image/png;base64," + b64 + ")";
		int cut = markdown.length() / 2;
		String sse = ": keep-alive\n\n" + chunk(markdown.substring(0, cut)) + ": keep-alive\n\n"
				+ chunk(markdown.substring(cut))
				+ "data: {\"id\":\"chatcmpl-img\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
				+ "data: [DONE]\n\n";
		this.server
			.stubFor(post("/v1/chat/completions").willReturn(ok(sse).withHeader("Content-Type", "text/event-stream")));

		ImageResponse response = this.model.call(new ImagePrompt("A cat",
				RelayImageOptions.builder().width(1024).height(1024).extraBody(Map.of("aspect_ratio", "1:1")).build()));

		assertThat(response.getResults()).hasSize(1);
		assertThat(response.getResult().getOutput().getB64Json()).isEqualTo(b64);
		assertThat(response.getResult().getMetadata()).isEqualTo(new RelayImageGenerationMetadata("image/png"));
		JsonNode body = JSON.readTree(
				this.server.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).get(0).getBodyAsString());
		assertThat(body.get("stream").asBoolean()).isTrue();
		assertThat(body.get("model").stringValue()).isEqualTo("gemini-3-pro-image-preview");
		assertThat(body.get("messages").get(0).get("content").stringValue()).isEqualTo("A cat");
		assertThat(body.get("size").stringValue()).isEqualTo("1024x1024");
		assertThat(body.get("aspect_ratio").stringValue()).isEqualTo("1:1");
	}

	@Test
	void imageToImageSendsInputImagesAsDataUrlsWithoutStreaming() throws Exception {
		byte[] input = png();
		String b64 = Base64.getEncoder().encodeToString(input);
		this.server.stubFor(post("/v1/chat/completions").willReturn(okJson("{\"id\":\"c1\",\"model\":\"m\",\"choices\":"
				+ "[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"![edited](data:image/png;base64,"
				+ b64 + ")\"},\"finish_reason\":\"stop\"}]}")));
		Media media = Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(input).name("cat").build();

		ImageResponse response = this.model.call(new ImagePrompt("Make it blue",
				RelayImageOptions.builder().stream(false).n(2).inputImages(List.of(media)).build()));

		assertThat(response.getResults()).hasSize(2);
		var requests = this.server.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")));
		assertThat(requests).hasSize(2);
		JsonNode content = JSON.readTree(requests.get(0).getBodyAsString()).get("messages").get(0).get("content");
		assertThat(content.get(0).get("text").stringValue()).isEqualTo("Make it blue");
		assertThat(content.get(1).get("image_url").get("url").stringValue()).isEqualTo("data:image/png;base64," + b64);
		assertThat(JSON.readTree(requests.get(0).getBodyAsString()).has("stream")).isFalse();
	}

	@Test
	void answerWithoutImageFailsWithHint() {
		this.server.stubFor(post("/v1/chat/completions").willReturn(okJson("{\"id\":\"c1\",\"model\":\"m\",\"choices\":"
				+ "[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"I cannot draw that.\"},"
				+ "\"finish_reason\":\"stop\"}]}")));

		assertThatThrownBy(
				() -> this.model.call(new ImagePrompt("A cat", RelayImageOptions.builder().stream(false).build())))
			.isInstanceOf(RelayAiException.class)
			.hasMessageContaining("without an image")
			.hasMessageContaining("I cannot draw that.");
	}

	@Test
	void tooManyInputImagesFailBeforeSending() throws Exception {
		Media media = Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(png()).build();

		assertThatThrownBy(() -> this.model.call(new ImagePrompt("Merge",
				RelayImageOptions.builder().inputImages(List.of(media, media, media, media, media, media)).build())))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("at most 5");
		assertThat(this.server.getAllServeEvents()).isEmpty();
	}

}
