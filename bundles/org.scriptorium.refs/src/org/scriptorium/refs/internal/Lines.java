package org.scriptorium.refs.internal;

import java.util.Arrays;

/** Line and column (both from 1) of offsets in a text; {@code \n}, {@code \r\n} and {@code \r} end lines. */
public final class Lines {

	private final int[] starts;

	public Lines(CharSequence text) {
		int[] s = new int[16];
		int count = 1;
		int n = text.length();
		for (int i = 0; i < n; i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r' && (i + 1 == n || text.charAt(i + 1) != '\n')) {
				if (count == s.length) {
					s = Arrays.copyOf(s, count * 2);
				}
				s[count++] = i + 1;
			}
		}
		starts = Arrays.copyOf(s, count);
	}

	/** The line (from 1) of an offset. */
	public int line(int offset) {
		int i = Arrays.binarySearch(starts, offset);
		return (i >= 0 ? i : -i - 2) + 1;
	}

	/** The column (from 1, in characters) of an offset. */
	public int column(int offset) {
		return offset - starts[line(offset) - 1] + 1;
	}
}
