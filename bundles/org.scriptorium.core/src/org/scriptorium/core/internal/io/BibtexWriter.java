package org.scriptorium.core.internal.io;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.regex.Pattern;

import org.scriptorium.core.model.Paper;

/**
 * Writes BibTeX in UTF-8 with a stable entry shape: {@code @inproceedings} for a conference venue,
 * {@code @article} for another venue, {@code @misc} (with the arXiv eprint) without one; fields always in the order
 * author, title, journal/booktitle, year, doi, eprint, archivePrefix, pmid, url, keywords, abstract.
 */
public final class BibtexWriter {

	private static final Pattern CONFERENCE = Pattern.compile(
			"(?i).*(proceedings|conference|workshop|symposium|\\b(neurips|nips|icml|iclr|acl|emnlp|naacl|eacl|coling|cvpr|iccv|eccv|aaai|ijcai|kdd|sigir|www|wsdm|cikm|mlsys|ppopp|osdi|sosp|nsdi|interspeech|icassp|aistats|uai|colt|conll|findings|lrec|sigmod|vldb)\\b).*"); //$NON-NLS-1$

	private BibtexWriter() {
	}

	/** Writes the papers with unique cite keys ({@link CiteKeys#assign}). */
	public static void write(List<Paper> papers, Writer out) throws IOException {
		List<String> keys = CiteKeys.assign(papers);
		for (int i = 0; i < papers.size(); i++) {
			if (i > 0) {
				out.write('\n');
			}
			out.write(entry(papers.get(i), keys.get(i)));
		}
	}

	/** One entry, ending with a line break. */
	public static String entry(Paper p, String key) {
		String venue = p.venue().orElse(null);
		boolean conference = venue != null && isConference(venue);
		String type = venue == null ? "misc" : conference ? "inproceedings" : "article"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		StringBuilder b = new StringBuilder();
		b.append('@').append(type).append('{').append(key).append(",\n"); //$NON-NLS-1$
		if (!p.authors().isEmpty()) {
			field(b, "author", BibtexNames.format(p.authors())); //$NON-NLS-1$
		}
		field(b, "title", title(p.title())); //$NON-NLS-1$
		if (venue != null) {
			field(b, conference ? "booktitle" : "journal", LaTeXText.toLatex(venue)); //$NON-NLS-1$ //$NON-NLS-2$
		}
		p.year().ifPresent(y -> field(b, "year", String.valueOf(y))); //$NON-NLS-1$
		if (p.ids().doi() != null) {
			field(b, "doi", verbatim(p.ids().doi())); //$NON-NLS-1$
		}
		if (p.ids().arxiv() != null) {
			field(b, "eprint", verbatim(p.ids().arxiv())); //$NON-NLS-1$
			field(b, "archivePrefix", "arXiv"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (p.ids().pubmed() != null) {
			field(b, "pmid", verbatim(p.ids().pubmed())); //$NON-NLS-1$
		}
		if (!p.urls().isEmpty()) {
			field(b, "url", verbatim(p.urls().get(0))); //$NON-NLS-1$
		}
		if (!p.keywords().isEmpty()) {
			field(b, "keywords", String.join(", ", p.keywords().stream().map(LaTeXText::toLatex).toList())); //$NON-NLS-1$ //$NON-NLS-2$
		}
		p.abstractText().ifPresent(a -> field(b, "abstract", LaTeXText.toLatex(a))); //$NON-NLS-1$
		b.setLength(b.length() - 2);
		b.append("\n}\n"); //$NON-NLS-1$
		return b.toString();
	}

	/** Whether a venue names a conference, workshop or proceedings (else it is taken for a journal). */
	static boolean isConference(String venue) {
		return CONFERENCE.matcher(venue).matches();
	}

	private static void field(StringBuilder b, String name, String value) {
		b.append("  ").append(name).append(" = {").append(value).append("},\n"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	/**
	 * The title in LaTeX, each word with a capital after its first letter ("MoE", "GPT-4") in braces so that
	 * bibliography styles do not lower-case it.
	 */
	static String title(String title) {
		StringBuilder b = new StringBuilder();
		for (String word : title.split(" ", -1)) { //$NON-NLS-1$
			if (b.length() > 0) {
				b.append(' ');
			}
			int from = 0;
			int to = word.length();
			while (from < to && !Character.isLetterOrDigit(word.charAt(from))) {
				from++;
			}
			while (to > from && !Character.isLetterOrDigit(word.charAt(to - 1))) {
				to--;
			}
			boolean protect = false;
			for (int i = from + 1; i < to; i++) {
				if (Character.isUpperCase(word.charAt(i))) {
					protect = true;
					break;
				}
			}
			if (protect) {
				b.append(LaTeXText.toLatex(word.substring(0, from))).append('{')
						.append(LaTeXText.toLatex(word.substring(from, to))).append('}')
						.append(LaTeXText.toLatex(word.substring(to)));
			} else {
				b.append(LaTeXText.toLatex(word));
			}
		}
		return b.toString();
	}

	/** Identifiers and URLs go out literally; braces that would unbalance the value are percent-encoded. */
	private static String verbatim(String s) {
		return s.replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
	}
}
