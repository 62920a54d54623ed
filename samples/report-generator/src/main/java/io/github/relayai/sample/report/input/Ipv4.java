package io.github.relayai.sample.report.input;

import java.util.regex.Pattern;

/**
 * IPv4 text helpers: validation and the RFC 1918 "internal" test the alert analysis uses.
 */
public final class Ipv4 {

	private static final Pattern DOTTED = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

	private Ipv4() {
	}

	/** Whether {@code text} is a dotted-quad IPv4 address. */
	public static boolean isValid(String text) {
		var m = DOTTED.matcher(text);
		if (!m.matches()) {
			return false;
		}
		for (int i = 1; i <= 4; i++) {
			if (Integer.parseInt(m.group(i)) > 255) {
				return false;
			}
		}
		return true;
	}

	/** Whether {@code ip} lies in 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16. */
	public static boolean isInternal(String ip) {
		if (!isValid(ip)) {
			return false;
		}
		String[] p = ip.split("\\.");
		int a = Integer.parseInt(p[0]);
		int b = Integer.parseInt(p[1]);
		return a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168);
	}

}
