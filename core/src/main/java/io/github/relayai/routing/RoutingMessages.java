package io.github.relayai.routing;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import io.github.relayai.error.ProviderError;
import io.github.relayai.error.RelayAiException;

/**
 * The router's hints, in English or Simplified Chinese (the classifier's language), from
 * {@code io/github/relayai/routing/messages*.properties}.
 */
final class RoutingMessages {

	private static final String BUNDLE = "io.github.relayai.routing.messages";

	private final ResourceBundle bundle;

	RoutingMessages(Locale locale) {
		this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
	}

	/**
	 * The {@link io.github.relayai.error.ErrorCategory#NON_CHAT_MODEL} error re-hinted
	 * for a disabled fallback.
	 */
	RelayAiException fallbackDisabled(RelayAiException original) {
		return withHint(original, "fallback.off");
	}

	/**
	 * The failure of a model pinned to chat that the gateway says is not a chat model:
	 * Relay does not override a pin, so the hint says to change it.
	 * @param original the NON_CHAT_MODEL failure
	 * @return the same failure with that hint
	 */
	RelayAiException pinnedToChat(RelayAiException original) {
		return withHint(original, "pinned.chat");
	}

	private RelayAiException withHint(RelayAiException original, String key) {
		ProviderError error = original.error();
		String hint = error.suggestedEndpoint()
			.map(endpoint -> format(key, error.model(), endpoint))
			.orElseGet(() -> format(key + ".unknown", error.model()));
		return RelayAiException.of(error.mutate().hint(hint).build(), original);
	}

	private String format(String key, Object... arguments) {
		return new MessageFormat(this.bundle.getString(key), this.bundle.getLocale()).format(arguments);
	}

}
