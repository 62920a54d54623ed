package io.github.relayai.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.ai.image.ImageModel;
import io.github.relayai.chat.RelayChatModel;
import io.github.relayai.image.RelayImageModel;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class RelayImageAutoConfigurationTest {

	final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(RelayErrorAutoConfiguration.class, RelayConnectionAutoConfiguration.class,
						RelayChatAutoConfiguration.class, RelayImageAutoConfiguration.class))
		.withPropertyValues("spring.ai.relay.base-url=https://gateway.example.com/v1");

	@Test
	void createsImageModelWhenModelSet() {
		this.runner
			.withPropertyValues("spring.ai.relay.image.options.model=gemini-3-pro-image-preview",
					"spring.ai.relay.image.options.extra-body.aspect_ratio=16:9")
			.run(context -> {
				assertThat(context).hasSingleBean(ImageModel.class).hasSingleBean(RelayImageModel.class);
				RelayImageModel model = context.getBean(RelayImageModel.class);
				assertThat(model.getDefaultOptions().getModel()).isEqualTo("gemini-3-pro-image-preview");
				assertThat(model.getDefaultOptions().getStream()).isTrue();
				assertThat(model.getDefaultOptions().getExtraBody()).containsEntry("aspect_ratio", "16:9");
			});
	}

	@Test
	void noImageModelWithoutModel() {
		this.runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RelayImageModel.class));
	}

	@Test
	void backsOffForAnotherSelectedImageModel() {
		this.runner
			.withPropertyValues("spring.ai.model.image=openai",
					"spring.ai.relay.image.options.model=gemini-3-pro-image-preview")
			.run(context -> assertThat(context).doesNotHaveBean(RelayImageModel.class));
	}

	@Test
	void worksWhenAnotherChatModelIsSelected() {
		this.runner
			.withPropertyValues("spring.ai.model.chat=openai",
					"spring.ai.relay.image.options.model=gemini-3-pro-image-preview")
			.run(context -> assertThat(context).doesNotHaveBean(RelayChatModel.class)
				.hasSingleBean(RelayImageModel.class));
	}

}
