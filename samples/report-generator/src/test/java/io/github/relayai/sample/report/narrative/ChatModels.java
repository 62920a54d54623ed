package io.github.relayai.sample.report.narrative;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * TEMPORARY: the ChatModel the LLM-path tests talk to WireMock through. When the Relay starter lands, replace
 * {@link #openAiCompatible(String)} with Relay's ChatModel pointed at the same base URL (the stubs speak the OpenAI
 * chat-completions shape, which is what Relay sends and expects).
 */
final class ChatModels {

    private ChatModels() {
    }

    /** A ChatModel for an OpenAI-compatible gateway at {@code baseUrl} (ending in {@code /v1}). */
    static ChatModel openAiCompatible(String baseUrl) {
        return OpenAiChatModel.builder()
                .options(OpenAiChatOptions.builder().baseUrl(baseUrl).apiKey("test-key").model("test-model").build())
                .build();
    }
}
