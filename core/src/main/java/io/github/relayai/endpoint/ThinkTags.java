package io.github.relayai.endpoint;

/**
 * Moves a model's reasoning that a host leaves in the answer text, between
 * {@code <think>} and {@code </think>}, to the reasoning: fed the text of one choice in
 * order (a whole answer at once, or a stream's deltas one by one), it splits it into
 * answer and reasoning, holding back the end of a delta that may be the start of a tag
 * split across chunks.
 * <p>
 * Only a block at the start of the answer is reasoning: an opening tag after answer text
 * (in a code sample, say) stays text. Whitespace right after a tag is dropped. One per
 * choice; not thread-safe.
 */
final class ThinkTags {

	private static final String OPEN = "<think>";

	private static final String CLOSE = "</think>";

	/** The end of the text so far that may start a tag. */
	private String held = "";

	private boolean inside;

	/** Whether no answer text was given yet: an opening tag is still recognised. */
	private boolean atStart = true;

	/** Whether whitespace is dropped until other text comes (right after a tag). */
	private boolean afterTag;

	/**
	 * Splits a whole answer's text.
	 * @param text the text
	 * @param reasoning receives the reasoning text
	 * @return the answer text
	 */
	static String split(String text, StringBuilder reasoning) {
		ThinkTags tags = new ThinkTags();
		StringBuilder answer = new StringBuilder(text.length());
		tags.accept(text, answer, reasoning);
		tags.finish(answer, reasoning);
		return answer.toString();
	}

	/**
	 * Splits the next text of the choice.
	 * @param text the text, in order
	 * @param answer receives the answer text
	 * @param reasoning receives the reasoning text
	 */
	void accept(String text, StringBuilder answer, StringBuilder reasoning) {
		String rest = this.held + text;
		this.held = "";
		while (!rest.isEmpty()) {
			if (this.inside) {
				int at = rest.indexOf(CLOSE);
				if (at < 0) {
					int kept = partialTag(rest, CLOSE);
					emit(rest.substring(0, rest.length() - kept), answer, reasoning);
					this.held = rest.substring(rest.length() - kept);
					return;
				}
				emit(rest.substring(0, at), answer, reasoning);
				this.inside = false;
				this.afterTag = true;
				rest = rest.substring(at + CLOSE.length());
			}
			else if (this.atStart) {
				String start = rest.stripLeading();
				if (start.startsWith(OPEN)) {
					this.inside = true;
					this.afterTag = true;
					rest = start.substring(OPEN.length());
				}
				else if (OPEN.startsWith(start)) {
					// blank so far, or the start of an opening tag: wait for more
					this.held = rest;
					return;
				}
				else {
					emit(rest, answer, reasoning);
					return;
				}
			}
			else {
				emit(rest, answer, reasoning);
				return;
			}
		}
	}

	/**
	 * Gives what was held back, at the end of the choice: a tag that never completed is
	 * text.
	 * @param answer receives the answer text
	 * @param reasoning receives the reasoning text
	 */
	void finish(StringBuilder answer, StringBuilder reasoning) {
		String rest = this.held;
		this.held = "";
		this.afterTag = false;
		emit(rest, answer, reasoning);
	}

	private void emit(String text, StringBuilder answer, StringBuilder reasoning) {
		String kept = this.afterTag ? text.stripLeading() : text;
		if (kept.isEmpty()) {
			return;
		}
		this.afterTag = false;
		if (this.inside) {
			reasoning.append(kept);
		}
		else {
			if (!kept.isBlank()) {
				this.atStart = false;
			}
			answer.append(kept);
		}
	}

	/** The length of the longest end of the text that begins the tag. */
	private static int partialTag(String text, String tag) {
		for (int length = Math.min(tag.length() - 1, text.length()); length > 0; length--) {
			if (text.endsWith(tag.substring(0, length))) {
				return length;
			}
		}
		return 0;
	}

}
