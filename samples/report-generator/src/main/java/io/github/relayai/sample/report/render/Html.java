package io.github.relayai.sample.report.render;

/** XML/HTML text escaping. */
final class Html {

	private Html() {
	}

	/** {@code text} with {@code & < > "} escaped. */
	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
