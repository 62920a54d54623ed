package io.github.relayai.hardening;

import java.net.URI;
import java.util.List;

import io.github.relayai.resilience.ResiliencePolicy;
import io.github.relayai.testsupport.Gateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.content.Media;
import org.springframework.util.MimeTypeUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A remote image URL is handed to the gateway as it is: Relay never fetches it (no
 * request to the image's host, here the same loopback server, other than the chat
 * request).
 */
class RemoteImagesTest {

	@RegisterExtension
	static final Gateway gateway = new Gateway();

	@Test
	void remoteImageUrlIsPassedOnNotFetched() {
		String image = gateway.baseUrl() + "/images/cat.png";
		gateway.stub(post(urlPathEqualTo("/v1/chat/completions")), okJson(FaultSuiteTest.completion("a cat")));
		UserMessage message = UserMessage.builder()
			.text("What is this?")
			.media(List.of(Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(URI.create(image)).build()))
			.build();

		gateway.modelBuilder().resilience(ResiliencePolicy.NONE).build().call(new Prompt(message));

		assertThat(gateway.server().findAll(anyRequestedFor(urlPathEqualTo("/images/cat.png")))).isEmpty();
		assertThat(gateway.requests()).hasSize(1);
		assertThat(gateway.requests().get(0).getBodyAsString()).contains(image);
	}

}
