package io.github.relayai.chat;

import java.time.Duration;
import org.springframework.ai.chat.messages.AssistantMessage;
import io.github.relayai.options.ImageLimits;
import io.github.relayai.testsupport.Gateway;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.content.Media;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.MimeTypeUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Spring AI's {@link ChatClient} on top of Relay: the tool loop, images in and out.
 */
class ChatClientIntegrationTest {

	@RegisterExtension
	static final Gateway gateway = new Gateway();

	private static final String PATH = "/v1/chat/completions";

	/** A 1×1 PNG. */
	private static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

	static class WeatherTools {

		int calls;

		@Tool(description = "Current temperature in a city, in Celsius")
		String temperature(String city) {
			this.calls++;
			return "Paris".equals(city) ? "21" : "unknown";
		}

	}

	private static String completion(String message) {
		return "{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"test-model\",\"choices\":[{\"index\":0,"
				+ "\"message\":" + message + ",\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":5,"
				+ "\"completion_tokens\":2,\"total_tokens\":7}}";
	}

	@Test
	void toolLoopThroughChatClientCall() {
		gateway.stub(post(urlPathEqualTo(PATH)).withRequestBody(notContaining("\"role\":\"tool\"")),
				aResponse().withHeader("Content-Type", "application/json")
					.withBody(completion("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\","
							+ "\"type\":\"function\",\"function\":{\"name\":\"temperature\",\"arguments\":"
							+ "\"{\\\"city\\\":\\\"Paris\\\"}\"}}]}")));
		gateway.stub(post(urlPathEqualTo(PATH)).withRequestBody(containing("\"role\":\"tool\"")),
				aResponse().withHeader("Content-Type", "application/json")
					.withBody(completion("{\"role\":\"assistant\",\"content\":\"It is 21°C in Paris.\"}")));
		WeatherTools tools = new WeatherTools();
		String answer = ChatClient.create(gateway.model()).prompt("How warm is Paris?").tools(tools).call().content();
		assertThat(answer).isEqualTo("It is 21°C in Paris.");
		assertThat(tools.calls).isEqualTo(1);
		JsonNode first = JsonMapper.builder().build().readTree(gateway.requests().get(0).getBodyAsString());
		assertThat(first.at("/tools/0/function/name").stringValue()).isEqualTo("temperature");
		assertThat(first.at("/tools/0/function/parameters/properties/city/type").stringValue()).isEqualTo("string");
		JsonNode second = JsonMapper.builder().build().readTree(gateway.requests().get(1).getBodyAsString());
		assertThat(second.at("/messages/2/role").stringValue()).isEqualTo("tool");
		assertThat(second.at("/messages/2/content").stringValue()).contains("21");
	}

	@Test
	void toolLoopThroughChatClientStream() {
		String toolCallStream = "data: {\"id\":\"s1\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
				+ "\"tool_calls\":[{\"index\":0,\"id\":\"call_9\",\"type\":\"function\",\"function\":{\"name\":\"temperature\","
				+ "\"arguments\":\"\"}}]}}]}\n\n"
				+ "data: {\"id\":\"s1\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":"
				+ "[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}}]}\n\n"
				+ "data: {\"id\":\"s1\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":"
				+ "{\"arguments\":\"\\\"Paris\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}]}\n\ndata: [DONE]\n\n";
		String answerStream = "data: {\"id\":\"s2\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"21°C\"}}]}\n\n"
				+ "data: {\"id\":\"s2\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" in Paris.\"},\"finish_reason\":\"stop\"}]}\n\n"
				+ "data: [DONE]\n\n";
		gateway.stub(post(urlPathEqualTo(PATH)).withRequestBody(notContaining("\"role\":\"tool\"")),
				aResponse().withHeader("Content-Type", "text/event-stream").withBody(toolCallStream));
		gateway.stub(post(urlPathEqualTo(PATH)).withRequestBody(containing("\"role\":\"tool\"")),
				aResponse().withHeader("Content-Type", "text/event-stream").withBody(answerStream));
		WeatherTools tools = new WeatherTools();
		List<String> parts = ChatClient.create(gateway.model())
			.prompt("How warm is Paris?")
			.tools(tools)
			.stream()
			.content()
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(String.join("", parts)).isEqualTo("21°C in Paris.");
		assertThat(tools.calls).isEqualTo(1);
	}

	@Test
	void imagesGoOutAsDataUrlsOrUrlsAndComeBackAsMedia() {
		String dataUrl = "data:image/png;base64," + Base64.getEncoder().encodeToString(PNG);
		gateway.stubJson(PATH, 200, completion("{\"role\":\"assistant\",\"content\":\"Here it is: ![cat](" + dataUrl
				+ ") and ![dog](https://img.example.com/dog.jpg)\"}"));
		UserMessage message = UserMessage.builder()
			.text("Draw this")
			.media(List.of(new Media(MimeTypeUtils.IMAGE_JPEG, new ByteArrayResource(PNG)),
					Media.builder()
						.mimeType(MimeTypeUtils.IMAGE_PNG)
						.data(java.net.URI.create("https://img.example.com/in.png"))
						.build()))
			.build();
		ChatResponse response = gateway.model().call(new Prompt(message));
		JsonNode content = JsonMapper.builder()
			.build()
			.readTree(gateway.requests().get(0).getBodyAsString())
			.at("/messages/0/content");
		assertThat(content.at("/0/text").stringValue()).isEqualTo("Draw this");
		assertThat(content.at("/1/image_url/url").stringValue()).as("type detected from the bytes, not the label")
			.isEqualTo(dataUrl);
		assertThat(content.at("/2/image_url/url").stringValue()).isEqualTo("https://img.example.com/in.png");
		AssistantMessage output = response.getResult().getOutput();
		assertThat(output.getText()).startsWith("Here it is: ![cat](data:image/png;base64,");
		assertThat(output.getMedia()).hasSize(2);
		assertThat(output.getMedia().get(0).getMimeType()).isEqualTo(MimeTypeUtils.IMAGE_PNG);
		assertThat(output.getMedia().get(0).getDataAsByteArray()).isEqualTo(PNG);
		assertThat(output.getMedia().get(1).getData()).isEqualTo("https://img.example.com/dog.jpg");
	}

	@Test
	void nonImagesAndTooManyImagesAreRejectedBeforeSending() {
		UserMessage pdf = UserMessage.builder()
			.text("read this")
			.media(List.of(new Media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource("%PDF-1.7".getBytes()))))
			.build();
		assertThatIllegalArgumentException().isThrownBy(() -> gateway.model().call(new Prompt(pdf)))
			.withMessageContaining("not a PNG, JPEG, GIF or WebP");
		List<Media> six = java.util.Collections.nCopies(6,
				new Media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(PNG)));
		UserMessage many = UserMessage.builder().text("compare").media(six).build();
		assertThatIllegalArgumentException().isThrownBy(() -> gateway.model().call(new Prompt(many)))
			.withMessageContaining("at most 5")
			.withMessageContaining("spring.ai.relay.input-images.max-per-request");
		RelayChatModel small = gateway.modelBuilder()
			.imageLimits(new io.github.relayai.options.ImageLimits(5, 50))
			.build();
		UserMessage big = UserMessage.builder()
			.text("describe")
			.media(List.of(new Media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(PNG))))
			.build();
		assertThatIllegalArgumentException().isThrownBy(() -> small.call(new Prompt(big)))
			.withMessageContaining(PNG.length + " bytes")
			.withMessageContaining("spring.ai.relay.input-images.max-bytes");
		assertThat(gateway.requests()).isEmpty();
	}

}
