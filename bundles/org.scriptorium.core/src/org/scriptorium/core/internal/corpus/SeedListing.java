package org.scriptorium.core.internal.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Hugging Face "trending papers" listing saved as text: header lines, then a title line and an abstract line
 * alternating, separated by blank lines. The header ends at the first line that looks like a date ("Mar 17").
 */
public final class SeedListing {

	/** One listed paper: its title and abstract, and the 1-based line of its title. */
	public record Entry(String title, String abstractText, int line) {
	}

	private SeedListing() {
	}

	public static List<Entry> read(BufferedReader reader) throws IOException {
		List<String> lines = new ArrayList<>();
		List<Integer> numbers = new ArrayList<>();
		boolean inHeader = true;
		int n = 0;
		for (String line = reader.readLine(); line != null; line = reader.readLine()) {
			n++;
			String s = line.strip();
			if (s.isEmpty()) {
				continue;
			}
			if (inHeader) {
				inHeader = !s.matches("[A-Z][a-z]{2} \\d{1,2}(, \\d{4})?"); //$NON-NLS-1$
				continue;
			}
			lines.add(s);
			numbers.add(n);
		}
		if (lines.size() % 2 != 0) {
			throw new IOException("line " + numbers.get(numbers.size() - 1) //$NON-NLS-1$
					+ ": a title without an abstract (titles and abstracts must alternate)"); //$NON-NLS-1$
		}
		List<Entry> entries = new ArrayList<>(lines.size() / 2);
		for (int i = 0; i < lines.size(); i += 2) {
			entries.add(new Entry(lines.get(i), lines.get(i + 1), numbers.get(i)));
		}
		return entries;
	}
}
