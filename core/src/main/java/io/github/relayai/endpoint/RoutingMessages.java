package io.github.relayai.endpoint;

import java.util.Locale;
import java.util.Optional;

import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.ProviderError;
import io.github.relayai.error.RelayAiException;
import io.github.relayai.error.RelayExceptions;
import io.github.relayai.i18n.Messages;

/**
 * Relay's routing and image hints, in English or Simplified Chinese (the classifier's
 * language), from {@code io/github/relayai/endpoint/messages*.properties}. Internal to
 * Relay.
 */
public final class RoutingMessages {

	private static final String BUNDLE = "io.github.relayai.endpoint.messages";

	private final Messages messages;

	/**
	 * Loads the hints.
	 * @param locale {@code zh*} for Simplified Chinese, anything else for English
	 */
	public RoutingMessages(Locale locale) {
		this.messages = new Messages(BUNDLE, locale);
	}

	/**
	 * Formats one hint.
	 * @param key the key
	 * @param arguments its arguments
	 * @return the text
	 */
	public String format(String key, Object... arguments) {
		return this.messages.format(key, arguments);
	}

	/**
	 * An {@link ErrorCategory#INVALID_REQUEST} raised before anything is sent.
	 */
	public RelayAiException invalidRequest(String model, Endpoint endpoint, String key) {
		String hint = format(key, model);
		return RelayExceptions.create(ProviderError.builder(ErrorCategory.INVALID_REQUEST)
			.model(model)
			.endpoint(endpoint.path())
			.hint(hint)
			.build(), null);
	}

	/**
	 * The {@link ErrorCategory#NON_CHAT_MODEL} error re-hinted for a disabled fallback.
	 */
	public RelayAiException fallbackDisabled(RelayAiException original) {
		return withHint(original, "fallback.off");
	}

	/**
	 * The failure of a model pinned to chat that the gateway says is not a chat model:
	 * Relay does not override a pin, so the hint says to change it.
	 * @param original the NON_CHAT_MODEL failure
	 * @return the same failure with that hint
	 */
	public RelayAiException pinnedToChat(RelayAiException original) {
		return withHint(original, "pinned.chat");
	}

	private RelayAiException withHint(RelayAiException original, String key) {
		ProviderError error = original.error();
		String hint = error.suggestedEndpoint()
			.map(endpoint -> format(key, error.model(), endpoint))
			.orElseGet(() -> format(key + ".unknown", error.model()));
		return RelayExceptions.create(error.mutate().hint(hint).build(), original);
	}

}
