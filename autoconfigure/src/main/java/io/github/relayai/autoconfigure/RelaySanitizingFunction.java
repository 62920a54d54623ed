package io.github.relayai.autoconfigure;

import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks Relay's secrets in actuator's {@code configprops} and {@code env} endpoints, even
 * when they are set to show values: {@code spring.ai.relay.api-key} and every
 * {@code spring.ai.relay.headers.*} entry whose name looks like a credential
 * (authorization, key, token, secret, cookie, password), and under
 * {@code spring.ai.relay.upstreams.*} every entry whose key looks like a credential (each
 * upstream's {@code api-key} and credential headers; an upstream whose name looks like
 * one is masked whole). Keys are compared without letter case or separators, so
 * {@code apiKey}, {@code api-key} and {@code SPRING_AI_RELAY_API_KEY} all match.
 */
final class RelaySanitizingFunction implements SanitizingFunction {

	private static final String API_KEY = "springairelayapikey";

	private static final String HEADERS = "springairelayheaders";

	private static final String UPSTREAMS = "springairelayupstreams";

	private static final Pattern CREDENTIAL = Pattern.compile("auth|key|token|secret|cookie|passw|credential");

	@Override
	public SanitizableData apply(SanitizableData data) {
		String key = normalize(data.getKey());
		if (key.equals(API_KEY) || credentialUnder(key, HEADERS) || credentialUnder(key, UPSTREAMS)) {
			return data.withSanitizedValue();
		}
		return data;
	}

	private static boolean credentialUnder(String key, String prefix) {
		return key.startsWith(prefix) && CREDENTIAL.matcher(key.substring(prefix.length())).find();
	}

	private static String normalize(String key) {
		StringBuilder normalized = new StringBuilder(key.length());
		for (char c : key.toLowerCase(Locale.ROOT).toCharArray()) {
			if (Character.isLetterOrDigit(c)) {
				normalized.append(c);
			}
		}
		return normalized.toString();
	}

}
