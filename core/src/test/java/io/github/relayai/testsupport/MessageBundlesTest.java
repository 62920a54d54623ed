package io.github.relayai.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message exists in English and Simplified Chinese, and every placeholder is filled
 * in both.
 */
class MessageBundlesTest {

	private static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundlesTest.class.getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	@ParameterizedTest
	@ValueSource(strings = { "/io/github/relayai/endpoint/messages", "/io/github/relayai/routing/messages",
			"/io/github/relayai/image/messages", "/io/github/relayai/resilience/messages",
			"/io/github/relayai/upstream/messages", "/io/github/relayai/error/hints" })
	void bothLanguagesHaveTheSameMessagesAndFillEveryPlaceholder(String base) throws IOException {
		Properties english = load(base + ".properties");
		Properties chinese = load(base + "_zh.properties");
		assertThat(chinese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
		Object[] arguments = { "model-x", "endpoint-y", "z", "w" };
		for (Properties bundle : new Properties[] { english, chinese }) {
			for (String key : bundle.stringPropertyNames()) {
				String formatted = new MessageFormat(bundle.getProperty(key)).format(arguments);
				assertThat(formatted).as("%s %s", base, key).doesNotContain("{0}", "{1}", "{2}");
			}
		}
	}

}
