package io.github.relayai.error;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a failed gateway answer (status, headers, body) or a transport failure into a
 * {@link ProviderError}.
 * <p>
 * SKELETON: the complete rule set arrives with the error-advisor issue.
 */
public class ProviderErrorClassifier {

	private final Locale locale;

	public ProviderErrorClassifier() {
		this(Locale.getDefault());
	}

	public ProviderErrorClassifier(Locale locale) {
		this.locale = locale;
	}

	/**
	 * Classifies an HTTP error answer.
	 * @param status the HTTP status
	 * @param headers the response headers (any letter case)
	 * @param body the response body, may be empty or {@code null}
	 * @return the classified error
	 */
	public ProviderError classify(int status, Map<String, List<String>> headers, String body) {
		return classify(status, headers, body, null, null);
	}

	/**
	 * Classifies an HTTP error answer to a request for the given model and endpoint.
	 * @param status the HTTP status
	 * @param headers the response headers (any letter case)
	 * @param body the response body, may be empty or {@code null}
	 * @param model the model of the request, may be {@code null}
	 * @param endpoint the endpoint path of the request, may be {@code null}
	 * @return the classified error
	 */
	public ProviderError classify(int status, Map<String, List<String>> headers, String body, String model,
			String endpoint) {
		ErrorCategory category = switch (status) {
			case 401 -> ErrorCategory.AUTHENTICATION;
			case 403 -> ErrorCategory.PERMISSION_DENIED;
			case 404 -> ErrorCategory.MODEL_NOT_FOUND;
			case 408 -> ErrorCategory.TIMEOUT;
			case 429 -> ErrorCategory.RATE_LIMITED;
			case 502, 503 -> ErrorCategory.UNAVAILABLE;
			case 504 -> ErrorCategory.TIMEOUT;
			default -> (status >= 500) ? ErrorCategory.SERVER_ERROR
					: (status >= 400) ? ErrorCategory.INVALID_REQUEST : ErrorCategory.UNKNOWN;
		};
		return new ProviderError(category, category.retryableByDefault(), status, null, null, null, body, null,
				Optional.empty(), model, endpoint, category.name());
	}

	/**
	 * Classifies an error that arrived inside a stream ({@code data: {"error":...}} or
	 * {@code event: error}).
	 * @param data the event's data
	 * @param model the model of the request, may be {@code null}
	 * @param endpoint the endpoint path of the request, may be {@code null}
	 * @return the classified error
	 */
	public ProviderError classifyStreamError(String data, String model, String endpoint) {
		return classify(0, Map.of(), data, model, endpoint);
	}

	/**
	 * Classifies a failure to connect, send or receive.
	 * @param failure the exception raised by the transport
	 * @param model the model of the request, may be {@code null}
	 * @param endpoint the endpoint path of the request, may be {@code null}
	 * @return the classified error
	 */
	public ProviderError classifyTransport(Throwable failure, String model, String endpoint) {
		ErrorCategory category = (failure instanceof HttpTimeoutException) ? ErrorCategory.TIMEOUT
				: (failure instanceof ConnectException) ? ErrorCategory.UNAVAILABLE : ErrorCategory.UNAVAILABLE;
		return new ProviderError(category, true, 0, null, null, null, String.valueOf(failure.getMessage()), null,
				Optional.empty(), model, endpoint, category.name());
	}

	Locale locale() {
		return this.locale;
	}

}
