package org.scriptorium.core.internal.io;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;
import org.scriptorium.core.model.PaperKey;

/**
 * The fields of one arXiv record as the XML formats give them (API Atom entry, OAI-PMH {@code arXiv} and
 * {@code arXivRaw} metadata), and the paper they make. Every field read is kept: the arXiv id, title, authors, year,
 * journal reference (as venue), DOI, abstract, categories (as keywords, primary first) and links.
 */
final class XmlArxivPaper {

	private static final Pattern YEAR = Pattern.compile("\\b((?:19|20)\\d{2})\\b"); //$NON-NLS-1$
	private static final Pattern ARXIV_ID = Pattern.compile("(\\d{4}\\.\\d{4,5}|[a-z][a-z.\\-]*/\\d{7})(v\\d+)?"); //$NON-NLS-1$

	String arxiv;
	String title;
	final List<Author> authors = new ArrayList<>();
	/** A date or date-time whose year is the paper's (first version), may be {@code null}. */
	String date;
	String journalRef;
	String doi;
	String abstractText;
	final Set<String> categories = new LinkedHashSet<>();
	final List<String> urls = new ArrayList<>();
	/** The first problem met while reading the record, reported instead of a paper. */
	String problem;

	/**
	 * The text of the current element ({@link XmlInput#text}); an element too long to read is noted as this record's
	 * problem (the reader still ends on its end tag, so the next record is read as usual).
	 */
	String text(javax.xml.stream.XMLStreamReader r) throws javax.xml.stream.XMLStreamException {
		try {
			return XmlInput.text(r);
		} catch (ImportContext.BadRecord bad) {
			if (problem == null) {
				problem = bad.getMessage();
			}
			return null;
		}
	}

	/** Notes a problem of this record (the first one counts). */
	void problem(String message) {
		if (problem == null) {
			problem = message;
		}
	}

	/** Whether {@code id} (bare, {@code arXiv:} or an abs URL, with or without version) is an arXiv identifier. */
	static boolean isArxivId(String id) {
		String n = PaperIds.normalizeArxiv(id);
		return n != null && ARXIV_ID.matcher(n).matches();
	}

	/** The year of the first version: from the id's YYMM, else from the first version's date. */
	static Integer yearOf(String arxiv, String date) {
		Integer y = ArxivSnapshotReader.arxivYear(arxiv);
		if (y == null && date != null) {
			Matcher m = YEAR.matcher(date);
			if (m.find()) {
				y = Integer.valueOf(m.group(1));
			}
		}
		return y;
	}

	/** "A, B and C", "A, B, and C" or "A and B" as authors. */
	void authorList(String names) {
		authors.addAll(ArxivSnapshotReader.splitAuthors(names));
	}

	void categoryList(String terms) {
		if (terms != null) {
			for (String t : terms.split("\\s+")) { //$NON-NLS-1$
				if (!t.isBlank()) {
					categories.add(t);
				}
			}
		}
	}

	Paper.Builder toPaper(String what) throws ImportContext.BadRecord {
		if (problem != null) {
			throw new ImportContext.BadRecord(problem);
		}
		if (arxiv == null) {
			throw new ImportContext.BadRecord(what + " has no arXiv identifier"); //$NON-NLS-1$
		}
		if (!isArxivId(arxiv)) {
			throw new ImportContext.BadRecord(what + " has the identifier \"" + abbreviate(arxiv) //$NON-NLS-1$
					+ "\", which is not an arXiv identifier (such as 2101.03961 or hep-th/9901001)"); //$NON-NLS-1$
		}
		if (title == null) {
			throw new ImportContext.BadRecord(what + " has no title"); //$NON-NLS-1$
		}
		// several DOIs (article and erratum) are separated by spaces: the first is the article's
		String firstDoi = doi == null ? null : doi.strip().split("\\s+")[0]; //$NON-NLS-1$
		PaperIds ids = new PaperIds(arxiv, firstDoi, null, null, null, null);
		List<String> links = new ArrayList<>(urls);
		String abs = "https://arxiv.org/abs/" + ids.arxiv(); //$NON-NLS-1$
		if (links.stream().noneMatch(u -> PaperIds.normalizeArxiv(u) != null && u.contains("/abs/"))) { //$NON-NLS-1$
			links.add(0, abs);
		}
		return Paper.builder(PaperKey.idFor(ids, title), title).authors(authors).year(yearOf(ids.arxiv(), date))
				.venue(journalRef).ids(ids).abstractText(abstractText).keywords(List.copyOf(categories)).urls(links);
	}

	private static String abbreviate(String s) {
		return s.length() <= 60 ? s : s.substring(0, 60) + "..."; //$NON-NLS-1$
	}
}
