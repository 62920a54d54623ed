package io.github.relayai.sample.report.narrative;

import java.nio.file.Path;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one place where the model is wired: with a {@link ChatModel} bean (the Relay
 * starter provides it when {@code spring.ai.model.chat=relay} and a gateway is
 * configured) the model writes the narrative through the application's auto-configured
 * {@link ChatClient.Builder} (Relay's error advisor, observations and customizers
 * included); without one the offline writer does. {@code report.prompts.dir} points at an
 * edited copy of the prompt files; {@code report.mask=true} keeps client names and IP
 * addresses on this machine.
 */
@Configuration(proxyBeanMethods = false)
public class NarrativeConfig {

	/** The narrative writer for this run. */
	@Bean
	public NarrativeWriter narrativeWriter(ObjectProvider<ChatModel> chatModel,
			ObjectProvider<ChatClient.Builder> chatClientBuilder, @Value("${report.prompts.dir:}") String promptsDir,
			@Value("${report.mask:false}") boolean mask) {
		if (chatModel.getIfAvailable() == null) {
			return new OfflineNarrativeWriter();
		}
		return new ModelNarrativeWriter(chatClientBuilder.getObject(),
				new PromptLibrary(promptsDir.isBlank() ? null : Path.of(promptsDir)), mask);
	}

}
