package org.scriptorium.sandbox.internal.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Reads lines but never holds more than {@code maxChars} of one line: a child that prints megabytes
 * without a newline cannot exhaust the parent's memory. Longer lines are cut and flagged.
 */
final class BoundedLineReader {

	/** A line and whether it was cut. */
	record Line(String text, boolean truncated) {
	}

	private final Reader in;
	private final int maxChars;
	private final char[] buf = new char[8192];
	private int pos;
	private int len;

	BoundedLineReader(InputStream in, int maxChars) {
		this.in = new InputStreamReader(in, StandardCharsets.UTF_8);
		this.maxChars = maxChars;
	}

	/** The next line without its terminator, or null at end of stream. */
	Line readLine() throws IOException {
		StringBuilder sb = new StringBuilder();
		boolean truncated = false;
		boolean any = false;
		while (true) {
			if (pos == len) {
				len = in.read(buf);
				pos = 0;
				if (len <= 0) {
					len = 0;
					return any ? new Line(sb.toString(), truncated) : null;
				}
			}
			any = true;
			char c = buf[pos++];
			if (c == '\n') {
				int n = sb.length();
				if (n > 0 && sb.charAt(n - 1) == '\r') {
					sb.setLength(n - 1);
				}
				return new Line(sb.toString(), truncated);
			}
			if (sb.length() < maxChars) {
				sb.append(c);
			} else {
				truncated = true;
			}
		}
	}
}
