package io.github.relayai.error;

/**
 * The model is not served by the chat-completions endpoint
 * ({@link ErrorCategory#NON_CHAT_MODEL}); see {@link ProviderError#suggestedEndpoint()}.
 */
public class NonChatModelException extends NonTransientRelayException {

	public NonChatModelException(ProviderError error, Throwable cause) {
		super(error, cause);
	}

}
