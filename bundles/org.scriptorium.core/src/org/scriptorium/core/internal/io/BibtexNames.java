package org.scriptorium.core.internal.io;

import java.util.ArrayList;
import java.util.List;

import org.scriptorium.core.model.Author;

/**
 * BibTeX name lists ({@code author}, {@code editor}): names separated by {@code and} outside braces, each written
 * {@code First von Last}, {@code von Last, First} or {@code von Last, Jr, First}; a name in braces
 * ({@code {Google Research}}) is one family name. The {@code von} part stays with the family name.
 */
public final class BibtexNames {

	private BibtexNames() {
	}

	/** The authors of a raw (LaTeX) name list; {@code and others} is dropped. */
	public static List<Author> parse(String latex) {
		List<Author> authors = new ArrayList<>();
		for (String name : split(latex.strip(), " and ")) { //$NON-NLS-1$
			String n = name.strip();
			if (n.isEmpty() || n.equals("others")) { //$NON-NLS-1$
				continue;
			}
			Author a = parseName(n);
			if (a != null) {
				authors.add(a);
			}
		}
		return authors;
	}

	private static Author parseName(String n) {
		if (isGroup(n)) {
			String literal = LaTeXText.toUnicode(n.substring(1, n.length() - 1));
			return literal.isEmpty() ? null : new Author("", literal); //$NON-NLS-1$
		}
		List<String> parts = split(n, ","); //$NON-NLS-1$
		String family;
		String given;
		if (parts.size() == 1) {
			List<String> words = split(n, " "); //$NON-NLS-1$
			words.removeIf(String::isBlank);
			int last = words.size() - 1;
			int von = last;
			for (int i = 0; i < last; i++) {
				if (startsLowerCase(words.get(i))) {
					von = i;
					break;
				}
			}
			given = String.join(" ", words.subList(0, von)); //$NON-NLS-1$
			family = String.join(" ", words.subList(von, words.size())); //$NON-NLS-1$
		} else if (parts.size() == 2) {
			family = parts.get(0);
			given = parts.get(1);
		} else {
			family = parts.get(0) + " " + parts.get(1).strip(); //$NON-NLS-1$
			given = String.join(",", parts.subList(2, parts.size())); //$NON-NLS-1$
		}
		String f = LaTeXText.toUnicode(family);
		String g = LaTeXText.toUnicode(given);
		if (f.isEmpty()) {
			if (g.isEmpty()) {
				return null;
			}
			return new Author("", g); //$NON-NLS-1$
		}
		return new Author(g, f);
	}

	/** Whether a word starts with a lower-case letter at brace depth 0 (a {@code von} particle). */
	private static boolean startsLowerCase(String word) {
		int depth = 0;
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			if (c == '{') {
				depth++;
			} else if (c == '}') {
				depth--;
			} else if (c == '\\' && depth > 0) {
				return false; // {\"U}ber: a special character keeps the word's case
			} else if (Character.isLetter(c)) {
				return depth == 0 && Character.isLowerCase(c);
			}
		}
		return false;
	}

	private static boolean isGroup(String s) {
		if (!s.startsWith("{") || !s.endsWith("}")) { //$NON-NLS-1$ //$NON-NLS-2$
			return false;
		}
		int depth = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '{') {
				depth++;
			} else if (c == '}') {
				depth--;
				if (depth == 0 && i < s.length() - 1) {
					return false;
				}
			}
		}
		return true;
	}

	/** Splits at {@code separator} (case-insensitive, any whitespace for a space) outside braces. */
	static List<String> split(String s, String separator) {
		List<String> out = new ArrayList<>();
		int depth = 0;
		int start = 0;
		boolean leadingSpace = separator.startsWith(" "); //$NON-NLS-1$
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '{') {
				depth++;
			} else if (c == '}') {
				depth = Math.max(0, depth - 1);
			} else if (depth == 0 && !(leadingSpace && i > 0 && Character.isWhitespace(c)
					&& Character.isWhitespace(s.charAt(i - 1)))) {
				// a separator that starts with white space is only tried at the start of a run of white space:
				// matchAt takes the whole run, so trying again inside it would be quadratic in the run's length
				int end = matchAt(s, i, separator);
				if (end > i) {
					out.add(s.substring(start, i));
					start = end;
					i = end - 1;
				}
			}
		}
		out.add(s.substring(start));
		return out;
	}

	private static int matchAt(String s, int i, String separator) {
		int j = i;
		for (int k = 0; k < separator.length(); k++) {
			char want = separator.charAt(k);
			if (want == ' ') {
				if (j >= s.length() || !Character.isWhitespace(s.charAt(j))) {
					return -1;
				}
				while (j + 1 < s.length() && Character.isWhitespace(s.charAt(j + 1)) && (k + 1 == separator.length()
						|| separator.charAt(k + 1) != ' ')) {
					j++;
				}
				j++;
			} else {
				if (j >= s.length() || Character.toLowerCase(s.charAt(j)) != want) {
					return -1;
				}
				j++;
			}
		}
		return j;
	}

	// ------------------------------------------------------------------ writing

	/** The BibTeX name list of these authors: {@code von Last, First and {Corporate Name}}. */
	/** A name part holding the word "and", which would split the list when read back. */
	private static final String AND_WORD = "(?is)(.*\\s)?and(\\s.*)?"; //$NON-NLS-1$

	public static String format(List<Author> authors) {
		StringBuilder b = new StringBuilder();
		for (Author a : authors) {
			if (b.length() > 0) {
				b.append(" and "); //$NON-NLS-1$
			}
			String family = LaTeXText.toLatex(a.family());
			if (a.given().isEmpty()) {
				b.append('{').append(family).append('}');
				continue;
			}
			boolean protect = family.contains(",") || family.matches(AND_WORD) //$NON-NLS-1$
					|| family.contains(" ") && !startsLowerCase(family); //$NON-NLS-1$
			b.append(protect ? "{" + family + "}" : family).append(", "); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			String given = LaTeXText.toLatex(a.given());
			b.append(given.contains(",") || given.matches(AND_WORD) ? "{" + given + "}" : given); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		return b.toString();
	}
}
