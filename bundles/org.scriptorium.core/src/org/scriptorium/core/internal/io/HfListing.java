package org.scriptorium.core.internal.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grammar of a Hugging Face papers listing saved as text (the project's seed file): header lines ("new", "Get
 * trending papers in your email inbox!", "Subscribe", "byAK and the research community") up to a date line such as
 * {@code Mar 17}; then, separated by blank lines, a title line and an abstract line for each paper. A line holding
 * only an arXiv id or a paper's address ({@code arXiv:2401.06066}, {@code https://arxiv.org/abs/2401.06066},
 * {@code https://huggingface.co/papers/2401.06066}) belongs to the paper before it; a later date line starts another
 * day. Used for imports and for the built-in default corpus.
 */
public final class HfListing {

	/** One listed paper; {@code arxiv} and {@code url} are {@code null} when the listing gives none. */
	public record Entry(String title, String abstractText, String arxiv, String url, int line) {
	}

	/** A line that does not fit the grammar. */
	public record Problem(int line, String message) {
	}

	/** What a listing holds; {@code headerEnded} is false when no date line was found at all. */
	public record Listing(List<Entry> entries, List<Problem> problems, boolean headerEnded) {
	}

	/** The longest line taken as a title; a longer one is an abstract whose title is missing. */
	static final int MAX_TITLE = 600;

	static final Pattern DATE = Pattern.compile("[A-Z][a-z]{2} \\d{1,2}(, \\d{4})?"); //$NON-NLS-1$
	static final Pattern ID = Pattern.compile("(?i)(?:arxiv:\\s*|https?://(?:www\\.)?(?:arxiv\\.org/(?:abs|pdf)" //$NON-NLS-1$
			+ "|huggingface\\.co/papers)/)?(\\d{4}\\.\\d{4,5})(?:v\\d+)?(?:\\.pdf)?/?"); //$NON-NLS-1$

	private HfListing() {
	}

	public static Listing parse(BufferedReader reader) throws IOException {
		List<Entry> entries = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		boolean inHeader = true;
		String title = null, abs = null, arxiv = null, url = null;
		int titleLine = 0;
		int n = 0;
		for (String line = reader.readLine(); line != null; line = reader.readLine()) {
			n++;
			String s = line.strip();
			if (s.isEmpty()) {
				continue;
			}
			if (inHeader) {
				inHeader = !DATE.matcher(s).matches();
				continue;
			}
			Matcher id = ID.matcher(s);
			if (id.matches()) {
				if (title == null) {
					problems.add(new Problem(n, "the arXiv id " + id.group(1) + " does not follow a paper's title")); //$NON-NLS-1$ //$NON-NLS-2$
				} else if (arxiv != null && !arxiv.equals(id.group(1))) {
					problems.add(new Problem(n, "a second arXiv id (" + id.group(1) + ") for the paper of line " //$NON-NLS-1$ //$NON-NLS-2$
							+ titleLine + ", which has " + arxiv)); //$NON-NLS-1$
				} else {
					arxiv = id.group(1);
					url = s.contains("://") ? s : url; //$NON-NLS-1$
				}
				continue;
			}
			if (title != null && abs != null) {
				entries.add(new Entry(title, abs, arxiv, url, titleLine));
				title = abs = arxiv = url = null;
			}
			if (title == null) {
				if (DATE.matcher(s).matches()) {
					continue; // the next day of the listing
				}
				if (s.length() > MAX_TITLE) {
					problems.add(
							new Problem(n, "this line is " + s.length() + " characters long, too long for a title: " //$NON-NLS-1$ //$NON-NLS-2$
									+ "is the title of this abstract missing? (titles and abstracts alternate)")); //$NON-NLS-1$
					continue;
				}
				title = s;
				titleLine = n;
			} else {
				abs = s;
			}
		}
		if (title != null && abs != null) {
			entries.add(new Entry(title, abs, arxiv, url, titleLine));
		} else if (title != null) {
			problems.add(new Problem(titleLine, "the title \"" + abbreviate(title) //$NON-NLS-1$
					+ "\" has no abstract after it (titles and abstracts alternate; is the file truncated?)")); //$NON-NLS-1$
		}
		return new Listing(entries, problems, !inHeader);
	}

	private static String abbreviate(String s) {
		return s.length() <= 60 ? s : s.substring(0, 60) + "..."; //$NON-NLS-1$
	}
}
