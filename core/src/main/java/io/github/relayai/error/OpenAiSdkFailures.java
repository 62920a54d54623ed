package io.github.relayai.error;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads status, headers and body from the official OpenAI Java SDK's
 * {@code com.openai.errors.OpenAIServiceException} (thrown by Spring AI's
 * {@code spring-ai-openai}) by reflection, so that the core works without the SDK on the
 * classpath.
 */
final class OpenAiSdkFailures {

	private static final String SERVICE_EXCEPTION = "com.openai.errors.OpenAIServiceException";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private OpenAiSdkFailures() {
	}

	/**
	 * An HTTP error answer as the SDK saw it.
	 *
	 * @param status the HTTP status
	 * @param headers the response headers
	 * @param body the error body as JSON text (the SDK keeps only the {@code error}
	 * object), or empty
	 */
	record HttpFailure(int status, Map<String, List<String>> headers, String body) {
	}

	/** The first SDK service exception in the cause chain, read. */
	static Optional<HttpFailure> find(Throwable failure) {
		for (Throwable link = failure; link != null && link != link.getCause(); link = link.getCause()) {
			if (isServiceException(link.getClass())) {
				return read(link);
			}
		}
		return Optional.empty();
	}

	private static boolean isServiceException(Class<?> type) {
		for (Class<?> c = type; c != null; c = c.getSuperclass()) {
			if (SERVICE_EXCEPTION.equals(c.getName())) {
				return true;
			}
		}
		return false;
	}

	private static Optional<HttpFailure> read(Throwable exception) {
		try {
			int status = (Integer) invoke(exception, "statusCode");
			return Optional
				.of(new HttpFailure(status, headers(invoke(exception, "headers")), body(invoke(exception, "body"))));
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static Map<String, List<String>> headers(Object headers) throws ReflectiveOperationException {
		Map<String, List<String>> result = new LinkedHashMap<>();
		Method values = headers.getClass().getMethod("values", String.class);
		for (Object name : (Set<?>) invoke(headers, "names")) {
			List<?> list = (List<?>) values.invoke(headers, name);
			result.put(String.valueOf(name), list.stream().map(String::valueOf).toList());
		}
		return result;
	}

	private static String body(Object jsonValue) {
		try {
			Object plain = jsonValue.getClass().getMethod("convert", Class.class).invoke(jsonValue, Object.class);
			if (plain == null) {
				return "";
			}
			return (plain instanceof String text) ? text : JSON.writeValueAsString(plain);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return "";
		}
	}

	private static Object invoke(Object target, String method) throws ReflectiveOperationException {
		return target.getClass().getMethod(method).invoke(target);
	}

}
