package org.scriptorium.core.internal.io;

import java.util.List;
import java.util.regex.Pattern;

import org.scriptorium.core.io.Format;

/** Recognises a format from the beginning of a file's text (not from its name). */
public final class FormatDetector {

	private static final Pattern BIBTEX = Pattern.compile("(?m)^\\s*@\\s*[A-Za-z]+\\s*[{(]"); //$NON-NLS-1$
	private static final Pattern RIS = Pattern.compile("(?m)^TY  - "); //$NON-NLS-1$
	/** The shortest first abstract of a listing detected as one (the seed listing's shortest has 1,389 characters). */
	private static final int MIN_ABSTRACT = 80;

	private FormatDetector() {
	}

	/** The format of a text beginning with {@code head}, or {@code null} when it is none Scriptorium knows. */
	public static Format detect(String head) {
		String h = head.stripLeading();
		if (h.startsWith("<")) { //$NON-NLS-1$
			return detectXml(h);
		}
		if (h.startsWith("{") || h.startsWith("[")) { //$NON-NLS-1$ //$NON-NLS-2$
			return detectJson(h);
		}
		if (RIS.matcher(head).find()) {
			return Format.RIS;
		}
		if (BIBTEX.matcher(head).find()) {
			return Format.BIBTEX;
		}
		if (isHfListing(head)) {
			return Format.HF_LISTING;
		}
		return null;
	}

	/**
	 * A date line ("Mar 17") among the first lines (the end of the page header), then a title line and a longer
	 * abstract line.
	 */
	private static boolean isHfListing(String head) {
		List<String> lines = head.lines().map(String::strip)
				.filter(l -> !l.isEmpty() && !HfListing.ID.matcher(l).matches()).limit(16).toList();
		for (int i = 0; i < Math.min(10, lines.size()); i++) {
			if (HfListing.DATE.matcher(lines.get(i)).matches()) {
				if (i + 2 >= lines.size()) {
					return false;
				}
				String title = lines.get(i + 1);
				String abs = lines.get(i + 2);
				return title.length() <= HfListing.MAX_TITLE && abs.length() >= MIN_ABSTRACT
						&& abs.length() > title.length();
			}
		}
		return false;
	}

	/**
	 * By the root element: {@code OAI-PMH} is an OAI-PMH response; an Atom {@code feed} that names arXiv's Atom
	 * extension or arXiv abstract pages is an arXiv API response.
	 */
	private static Format detectXml(String h) {
		String root = rootElement(h);
		if (root == null) {
			return null;
		}
		String local = root.substring(root.indexOf(':') + 1);
		if (local.equals("OAI-PMH")) { //$NON-NLS-1$
			return Format.ARXIV_OAI;
		}
		if (local.equals("feed") && h.contains(AtomFeedReader.ATOM) //$NON-NLS-1$
				&& (h.contains(AtomFeedReader.ARXIV) || h.contains("arxiv.org/abs/") || h.contains("arxiv.org/api/"))) { //$NON-NLS-1$ //$NON-NLS-2$
			return Format.ARXIV_ATOM;
		}
		return null;
	}

	/** The qualified name of the first element after the XML declaration, comments and a document type. */
	static String rootElement(String h) {
		int i = 0;
		int n = h.length();
		while (i < n) {
			char c = h.charAt(i);
			if (Character.isWhitespace(c) || c == '\uFEFF') {
				i++;
			} else if (h.startsWith("<?", i)) { //$NON-NLS-1$
				i = after(h, "?>", i); //$NON-NLS-1$
			} else if (h.startsWith("<!--", i)) { //$NON-NLS-1$
				i = after(h, "-->", i); //$NON-NLS-1$
			} else if (h.startsWith("<!", i)) { //$NON-NLS-1$
				i = afterDoctype(h, i);
			} else if (c == '<') {
				int end = i + 1;
				while (end < n && !Character.isWhitespace(h.charAt(end)) && "/>".indexOf(h.charAt(end)) < 0) { //$NON-NLS-1$
					end++;
				}
				return end > i + 1 && end < n ? h.substring(i + 1, end) : null;
			} else {
				return null;
			}
			if (i < 0) {
				return null;
			}
		}
		return null;
	}

	private static int after(String h, String end, int from) {
		int at = h.indexOf(end, from);
		return at < 0 ? -1 : at + end.length();
	}

	/** The end of {@code <!DOCTYPE ... [internal subset] >}, or -1. */
	private static int afterDoctype(String h, int from) {
		int depth = 0;
		char quote = 0;
		for (int i = from + 2; i < h.length(); i++) {
			char c = h.charAt(i);
			if (quote != 0) {
				quote = c == quote ? 0 : quote;
			} else if (c == '"' || c == '\'') {
				quote = c;
			} else if (c == '[') {
				depth++;
			} else if (c == ']') {
				depth--;
			} else if (c == '>' && depth <= 0) {
				return i + 1;
			}
		}
		return -1;
	}

	private static Format detectJson(String h) {
		String firstLine = h.lines().findFirst().orElse(""); //$NON-NLS-1$
		if (firstLine.contains("\"" + PaperJson.FORMAT_NAME + "\"")) { //$NON-NLS-1$ //$NON-NLS-2$
			return Format.JSONL;
		}
		if (h.contains("\"abstract_inverted_index\"") || h.contains("\"https://openalex.org/W")) { //$NON-NLS-1$ //$NON-NLS-2$
			return Format.OPENALEX;
		}
		if (h.contains("\"paperId\"")) { //$NON-NLS-1$
			return Format.SEMANTIC_SCHOLAR;
		}
		if (h.contains("\"submitter\"") || h.contains("\"authors_parsed\"") || h.contains("\"journal-ref\"")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			return Format.ARXIV_SNAPSHOT;
		}
		if (h.contains("\"type\"") && (h.contains("\"title\"") || h.contains("\"issued\"") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				|| h.contains("\"author\""))) { //$NON-NLS-1$
			return Format.CSL_JSON;
		}
		return null;
	}
}
