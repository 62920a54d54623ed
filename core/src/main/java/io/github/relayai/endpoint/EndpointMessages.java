package io.github.relayai.endpoint;

import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.ProviderError;
import io.github.relayai.error.RelayAiException;
import io.github.relayai.i18n.Messages;
import java.util.Locale;

/**
 * The adapters' hints, in English or Simplified Chinese (the classifier's language), from
 * {@code io/github/relayai/endpoint/messages*.properties}.
 */
final class EndpointMessages {

	private static final String BUNDLE = "io.github.relayai.endpoint.messages";

	private final Messages messages;

	EndpointMessages(Locale locale) {
		this.messages = new Messages(BUNDLE, locale);
	}

	/**
	 * An {@link ErrorCategory#INVALID_REQUEST} raised before anything is sent.
	 */
	RelayAiException invalidRequest(String model, Endpoint endpoint, String key) {
		return RelayAiException.of(ProviderError.builder(ErrorCategory.INVALID_REQUEST)
			.model(model)
			.endpoint(endpoint.path())
			.hint(this.messages.format(key, model))
			.build(), null);
	}

}
