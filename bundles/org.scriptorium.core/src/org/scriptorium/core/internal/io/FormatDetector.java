package org.scriptorium.core.internal.io;

import java.util.regex.Pattern;

import org.scriptorium.core.io.Format;

/** Recognises a format from the beginning of a file's text (not from its name). */
public final class FormatDetector {

	private static final Pattern BIBTEX = Pattern.compile("(?m)^\\s*@\\s*[A-Za-z]+\\s*[{(]"); //$NON-NLS-1$
	private static final Pattern RIS = Pattern.compile("(?m)^TY  - "); //$NON-NLS-1$
	private static final Pattern HF_DATE = Pattern.compile("(?m)^[A-Z][a-z]{2} \\d{1,2}(, \\d{4})?\\s*$"); //$NON-NLS-1$

	private FormatDetector() {
	}

	/** The format of a text beginning with {@code head}, or {@code null} when it is none Scriptorium knows. */
	public static Format detect(String head) {
		String h = head.stripLeading();
		if (h.startsWith("<")) { //$NON-NLS-1$
			if (h.contains("<OAI-PMH")) { //$NON-NLS-1$
				return Format.ARXIV_OAI;
			}
			if (h.contains("http://www.w3.org/2005/Atom") && h.contains("<feed")) { //$NON-NLS-1$ //$NON-NLS-2$
				return Format.ARXIV_ATOM;
			}
			return null;
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
		if (HF_DATE.matcher(head).find()) {
			return Format.HF_LISTING;
		}
		return null;
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
