package io.github.relayai.endpoint;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.ProviderError;
import io.github.relayai.error.RelayAiException;

/**
 * The adapters' hints, in English or Simplified Chinese (the classifier's language), from
 * {@code io/github/relayai/endpoint/messages*.properties}.
 */
final class EndpointMessages {

	private static final String BUNDLE = "io.github.relayai.endpoint.messages";

	private final ResourceBundle bundle;

	EndpointMessages(Locale locale) {
		this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
	}

	/**
	 * An {@link ErrorCategory#INVALID_REQUEST} raised before anything is sent.
	 */
	RelayAiException invalidRequest(String model, Endpoint endpoint, String key) {
		return RelayAiException.of(ProviderError.builder(ErrorCategory.INVALID_REQUEST)
			.model(model)
			.endpoint(endpoint.path())
			.hint(format(key, model))
			.build(), null);
	}

	private String format(String key, Object... arguments) {
		return new MessageFormat(this.bundle.getString(key), this.bundle.getLocale()).format(arguments);
	}

}
