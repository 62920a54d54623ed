package io.github.relayai.sample.report.i18n;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A user-facing text not yet put into a language: a bundle key and its arguments, which
 * may be messages themselves (e.g. what a value was expected to be).
 *
 * @param key the key in {@code i18n/messages_*.properties}
 * @param args the placeholder values {@code {0}}, {@code {1}}...
 */
public record Message(String key, List<Object> args) {

	/** Copies {@code args}, which may hold nulls. */
	public Message {
		args = Collections.unmodifiableList(new ArrayList<>(args));
	}

	/** The message {@code key} with {@code args}. */
	public static Message of(String key, Object... args) {
		return new Message(key, Arrays.asList(args));
	}

	/** The text in the language of {@code texts}, nested messages included. */
	public String in(Texts texts) {
		return texts.t(key, args.stream().map(a -> (a instanceof Message m) ? m.in(texts) : a).toArray());
	}

	/** The English text, for logs and exception messages. */
	public String english() {
		return in(new Texts(Lang.EN));
	}

}
