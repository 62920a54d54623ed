package io.github.relayai.sample.report.input;

import io.github.relayai.sample.report.i18n.Lang;
import io.github.relayai.sample.report.i18n.Message;
import io.github.relayai.sample.report.i18n.Texts;

/**
 * One problem in an input file, located by 1-based line and column (column 0 when the
 * whole line or file is meant); the message is put into a language when shown.
 */
public record InputError(String file, int line, int column, Message message) {

	/** {@code file:line:column: message} in the language of {@code texts}. */
	public String in(Texts texts) {
		return (column > 0 ? file + ":" + line + ":" + column : file + ":" + line) + ": " + message.in(texts);
	}

	/** {@code file:line:column: message} in English. */
	@Override
	public String toString() {
		return in(new Texts(Lang.EN));
	}

}
