package io.github.relayai.sample.report.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Messages in a language, nested ones included, and error texts in both bundles. */
class MessageTest {

	@Test
	void fillsNestedMessagesInTheSameLanguage() {
		Message m = Message.of("error.value.notA", "12x", Message.of("expected.wholeNumber"));
		assertThat(m.in(new Texts(Lang.ZH))).isEqualTo("“12x”不是整数");
		assertThat(m.in(new Texts(Lang.EN))).isEqualTo("\"12x\" is not a whole number");
		assertThat(new LocalizedException(m)).hasMessage("\"12x\" is not a whole number");
	}

	@Test
	void everyErrorTextIsInBothLanguages() {
		Set<String> en = errorKeys(Lang.EN);
		assertThat(en).contains("error.cli.lang", "error.file.missing", "expected.DAYS", "cli.usage");
		assertThat(errorKeys(Lang.ZH)).isEqualTo(en);
	}

	private static Set<String> errorKeys(Lang lang) {
		return ResourceBundle
			.getBundle("i18n/messages", lang.locale(),
					ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
			.keySet()
			.stream()
			.filter(k -> k.startsWith("error.") || k.startsWith("expected.") || k.startsWith("cli."))
			.collect(Collectors.toSet());
	}

}
