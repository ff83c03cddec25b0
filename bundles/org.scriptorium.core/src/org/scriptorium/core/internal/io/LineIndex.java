package org.scriptorium.core.internal.io;

import java.util.Arrays;

/** Maps character offsets of a text to 1-based lines and columns. */
public final class LineIndex {

	private final int[] starts;
	private final int count;

	public LineIndex(String text) {
		int[] s = new int[64];
		int n = 1;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				if (n == s.length) {
					s = Arrays.copyOf(s, n * 2);
				}
				s[n++] = i + 1;
			}
		}
		starts = s;
		count = n;
	}

	public int line(int offset) {
		int i = Arrays.binarySearch(starts, 0, count, offset);
		return i >= 0 ? i + 1 : -i - 1;
	}

	public int column(int offset) {
		return offset - starts[line(offset) - 1] + 1;
	}
}
