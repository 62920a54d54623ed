package io.github.relayai.autoconfigure;

import java.io.InputStream;
import java.util.Map;

import io.github.relayai.chat.RelayChatModel;
import io.github.relayai.http.RelayHttpClient;
import io.github.relayai.image.RelayImageModel;
import io.github.relayai.options.ImageLimits;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RelayConnectionAutoConfiguration}: one transport shared by the chat and image
 * models, the {@code spring.ai.relay} properties, and the renamed properties.
 */
class RelayConnectionAutoConfigurationTest {

	final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(RelayErrorAutoConfiguration.class, RelayConnectionAutoConfiguration.class,
						RelayChatAutoConfiguration.class, RelayImageAutoConfiguration.class))
		.withPropertyValues("spring.ai.relay.base-url=https://gateway.example.com/v1");

	@Test
	void chatAndImageModelsShareOneTransport() {
		this.runner.withPropertyValues("spring.ai.relay.image.options.model=gemini-3-pro-image-preview")
			.run(context -> {
				assertThat(context).hasSingleBean(RelayHttpClient.class)
					.hasSingleBean(RelayChatModel.class)
					.hasSingleBean(RelayImageModel.class);
				RelayHttpClient http = context.getBean(RelayHttpClient.class);
				assertThat(context.getBean(RelayChatModel.class).httpClient()).isSameAs(http);
				assertThat(http.baseUrl().root().getHost()).isEqualTo("gateway.example.com");
			});
	}

	@Test
	void backsOffWhenNoRelayModelIsActive() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(RelayErrorAutoConfiguration.class, RelayConnectionAutoConfiguration.class,
							RelayChatAutoConfiguration.class, RelayImageAutoConfiguration.class))
			.withPropertyValues("spring.ai.model.chat=openai")
			.run(context -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(RelayHttpClient.class)
				.doesNotHaveBean(RelayConnectionProperties.class)
				.doesNotHaveBean(RelayRenamedProperties.class));
	}

	@Test
	void servesTheImageModelAloneWhenAnotherChatModelIsSelected() {
		this.runner
			.withPropertyValues("spring.ai.model.chat=openai",
					"spring.ai.relay.image.options.model=gemini-3-pro-image-preview")
			.run(context -> assertThat(context).hasSingleBean(RelayHttpClient.class)
				.hasSingleBean(RelayImageModel.class)
				.doesNotHaveBean(RelayChatModel.class));
	}

	@Test
	void aTransportOfTheApplicationReplacesTheAutoConfiguredOne() {
		RelayHttpClient own = RelayHttpClient.builder().baseUrl("https://own.example.com/v1").build();
		this.runner.withBean(RelayHttpClient.class, () -> own)
			.run(context -> assertThat(context.getBean(RelayChatModel.class).httpClient()).isSameAs(own));
	}

	@Test
	void inputImageLimitsBindFromTheirNewNames() {
		this.runner
			.withPropertyValues("spring.ai.relay.input-images.max-per-request=2",
					"spring.ai.relay.input-images.max-bytes=1MB")
			.run(context -> assertThat(context.getBean(RelayHttpClients.class).imageLimits())
				.isEqualTo(new ImageLimits(2, 1024 * 1024)));
		this.runner.withPropertyValues("spring.ai.relay.input-images.max-per-request=11")
			.run(context -> assertThat(context).getFailure()
				.hasStackTraceContaining(RelayConfigurationException.class.getSimpleName())
				.hasStackTraceContaining("spring.ai.relay.input-images.max-per-request"));
	}

	@Test
	void aRenamedPropertyStopsTheStartNamingItsNewName() {
		this.runner.withPropertyValues("spring.ai.relay.images.max-per-request=3").run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(RelayConfigurationException.class)
				.hasMessageContaining("spring.ai.relay.images.max-per-request was renamed to "
						+ "spring.ai.relay.input-images.max-per-request")
				.hasMessageContaining("已更名为");
		});
		// any form Spring Boot binds, such as the camel case of an environment variable
		this.runner.withPropertyValues("spring.ai.relay.images.maxBytes=1MB")
			.run(context -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(RelayConfigurationException.class)
				.extracting(failure -> ((RelayConfigurationException) failure).getAction())
				.asString()
				.contains("spring.ai.relay.input-images.max-bytes"));
	}

	@Test
	void everyRenameIsADeprecationWithItsReplacementInTheMetadata() throws Exception {
		JsonNode metadata;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			metadata = JsonMapper.builder().build().readTree(in);
		}
		for (Map.Entry<String, String> rename : RelayRenamedProperties.RENAMED.entrySet()) {
			JsonNode old = property(metadata, rename.getKey());
			assertThat(old).as(rename.getKey()).isNotNull();
			assertThat(old.get("deprecation").get("level").stringValue()).isEqualTo("error");
			assertThat(old.get("deprecation").get("replacement").stringValue()).isEqualTo(rename.getValue());
			assertThat(property(metadata, rename.getValue())).as(rename.getValue()).isNotNull();
		}
	}

	@Test
	void mapValuesAreTypedInTheMetadataSoIdesCompleteTheirProperties() throws Exception {
		JsonNode metadata;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			metadata = JsonMapper.builder().build().readTree(in);
		}
		assertThat(property(metadata, "spring.ai.relay.upstreams").get("type").stringValue()).isEqualTo(
				"java.util.Map<java.lang.String," + RelayConnectionProperties.UpstreamSettings.class.getName() + ">");
		assertThat(property(metadata, "spring.ai.relay.models").get("type").stringValue())
			.isEqualTo("java.util.Map<java.lang.String," + RelayConnectionProperties.Model.class.getName() + ">");
	}

	private static JsonNode property(JsonNode metadata, String name) {
		for (JsonNode property : metadata.get("properties")) {
			if (property.get("name").stringValue().equals(name)) {
				return property;
			}
		}
		return null;
	}

}
