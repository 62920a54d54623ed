package io.github.relayai.routing;

import java.util.regex.Pattern;

import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.RelayAiException;

/**
 * Whether an endpoint refused a model because it does not serve it there: the model is
 * not found, is not a chat model, or, the reverse, is a chat model that belongs on
 * {@code /v1/chat/completions} ("This is a chat model and not supported in the
 * v1/completions endpoint. Did you mean to use v1/chat/completions?"). For an endpoint
 * remembered for the model, this means the gateway was reconfigured.
 */
final class ModelRefusal {

	private static final Pattern CHAT_MODEL = Pattern
		.compile("(?i)\\bis a chat model\\b|did you mean to use /?v1/chat/completions");

	private ModelRefusal() {
	}

	static boolean isRefusal(Throwable failure) {
		if (!(failure instanceof RelayAiException relay)) {
			return false;
		}
		ErrorCategory category = relay.error().category();
		String message = relay.error().message();
		return category == ErrorCategory.MODEL_NOT_FOUND || category == ErrorCategory.NON_CHAT_MODEL
				|| (category == ErrorCategory.INVALID_REQUEST && message != null && CHAT_MODEL.matcher(message).find());
	}

}
