package org.scriptorium.core.internal.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;
import org.scriptorium.core.model.PaperKey;

/**
 * RIS (EndNote, Zotero, Mendeley, Scopus, PubMed exports): records from {@code TY  - } to {@code ER  - }, one
 * {@code TAG  - value} per line, tags repeated for lists ({@code AU}, {@code KW}, {@code UR}); a line without a tag
 * continues the value before it. Read line by line, so large files stream.
 */
public final class RisReader implements FormatReader {

	/** {@code TAG  - value}; some writers put one space or none before the dash, or nothing after it. */
	static final Pattern TAG_LINE = Pattern.compile("^([A-Z][A-Z0-9]) {1,2}-(?: (.*)|\\s*)$"); //$NON-NLS-1$
	private static final Pattern ARXIV_PREFIXED = Pattern.compile("(?i)^arxiv:\\s*(\\S+)$"); //$NON-NLS-1$
	private static final Pattern PMID_PREFIXED = Pattern.compile("(?i)^pmid:\\s*(\\d+)$"); //$NON-NLS-1$
	private static final Pattern PMID_BRACKETED = Pattern.compile("(?i)^(\\d+)\\s*\\[pmid\\]$"); //$NON-NLS-1$
	private static final Pattern DOI_URL = Pattern.compile("(?i)^https?://(dx\\.)?doi\\.org/(10\\..+)$"); //$NON-NLS-1$

	/** One record being read: its first line and its tags in order of appearance. */
	private static final class Record {
		final int line;
		final Map<String, List<String>> tags = new LinkedHashMap<>();
		List<String> last;

		Record(int line) {
			this.line = line;
		}

		void add(String tag, String value) {
			last = tags.computeIfAbsent(tag, t -> new ArrayList<>());
			last.add(value);
		}

		String first(String... names) {
			for (String n : names) {
				List<String> v = tags.get(n);
				if (v != null) {
					for (String s : v) {
						if (!s.isBlank()) {
							return s.strip();
						}
					}
				}
			}
			return null;
		}

		List<String> all(String name) {
			List<String> out = new ArrayList<>();
			for (String s : tags.getOrDefault(name, List.of())) {
				if (!s.isBlank()) {
					out.add(s.strip());
				}
			}
			return out;
		}
	}

	@Override
	public void read(Reader in, ImportContext ctx) throws IOException {
		BufferedReader br = new BufferedReader(in, 1 << 16);
		Record record = null;
		int lineNo = 0;
		boolean warnedOutside = false;
		for (String line = br.readLine(); line != null; line = br.readLine()) {
			lineNo++;
			String l = lineNo == 1 ? line.replace("\uFEFF", "") : line; //$NON-NLS-1$ //$NON-NLS-2$
			Matcher m = TAG_LINE.matcher(l);
			if (!m.matches()) {
				if (l.isBlank()) {
					continue;
				}
				if (record != null && record.last != null) {
					int i = record.last.size() - 1;
					record.last.set(i, record.last.get(i) + " " + l.strip()); //$NON-NLS-1$
				} else if (!warnedOutside) {
					ctx.problem(lineNo, 1,
							"this line is not a RIS tag line (\"XY  - value\") and belongs to no record"); //$NON-NLS-1$
					warnedOutside = true;
				}
				continue;
			}
			String tag = m.group(1);
			String value = m.group(2) == null ? "" : m.group(2); //$NON-NLS-1$
			if (tag.equals("TY")) { //$NON-NLS-1$
				if (record != null) {
					ctx.problem(record.line, 0, "the record has no \"ER  - \" line before the next record on line " //$NON-NLS-1$
							+ lineNo + "; it is skipped"); //$NON-NLS-1$
				}
				record = new Record(lineNo);
				record.add(tag, value);
			} else if (tag.equals("ER")) { //$NON-NLS-1$
				if (record == null) {
					ctx.problem(lineNo, 1, "\"ER\" ends a record that no \"TY\" line started"); //$NON-NLS-1$
				} else {
					finish(record, ctx);
					record = null;
				}
			} else if (record == null) {
				if (!warnedOutside) {
					ctx.problem(lineNo, 1, "the tag \"" + tag //$NON-NLS-1$
							+ "\" comes before any \"TY  - \" line (each RIS record starts with TY)"); //$NON-NLS-1$
					warnedOutside = true;
				}
			} else {
				record.add(tag, value);
			}
		}
		if (record != null) {
			ctx.problem(record.line, 0,
					"the file ends inside this record (no \"ER  - \" line; is the file truncated?); it is skipped"); //$NON-NLS-1$
		}
	}

	private static void finish(Record r, ImportContext ctx) {
		try {
			ctx.paper(map(r), r.line);
		} catch (ImportContext.BadRecord bad) {
			ctx.problem(r.line, 0, bad.getMessage());
		}
	}

	private static Paper.Builder map(Record r) throws ImportContext.BadRecord {
		String type = r.first("TY"); //$NON-NLS-1$
		if (type == null) {
			throw new ImportContext.BadRecord("the record's \"TY\" line names no type (e.g. TY  - JOUR)"); //$NON-NLS-1$
		}
		String title = r.first("TI", "T1", "CT"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		if (title == null && type.equals("BOOK")) { //$NON-NLS-1$
			title = r.first("BT"); //$NON-NLS-1$
		}
		if (title == null) {
			throw new ImportContext.BadRecord("the record has no title (TI or T1)"); //$NON-NLS-1$
		}
		title = title.replaceAll("\\s+", " "); //$NON-NLS-1$ //$NON-NLS-2$
		List<Author> authors = new ArrayList<>();
		for (String tag : List.of("AU", "A1")) { //$NON-NLS-1$ //$NON-NLS-2$
			for (String a : r.all(tag)) {
				authors.add(Author.parse(a)); // "Family, Given", "Given Family", or "Organisation,"
			}
		}
		Integer year = null;
		for (String tag : List.of("PY", "Y1", "DA")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			year = Json.yearIn(r.first(tag));
			if (year != null) {
				break;
			}
		}
		String venue = r.first("T2", "JF", "JO", "JA", "J1", "J2"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
		if (venue == null && !type.equals("BOOK")) { //$NON-NLS-1$
			venue = r.first("BT"); //$NON-NLS-1$
		}
		String doi = r.first("DO"); //$NON-NLS-1$
		List<String> urls = r.all("UR"); //$NON-NLS-1$
		for (String link : r.all("L2")) { // a link to the full text (L1 is usually a local file) //$NON-NLS-1$
			if (link.matches("(?i)https?://\\S+") && !urls.contains(link)) { //$NON-NLS-1$
				urls.add(link);
			}
		}
		String arxiv = null;
		String pubmed = null;
		for (String an : r.all("AN")) { //$NON-NLS-1$
			Matcher a = ARXIV_PREFIXED.matcher(an);
			Matcher p = PMID_PREFIXED.matcher(an);
			if (a.matches() && arxiv == null) {
				arxiv = a.group(1);
			} else if (p.matches() && pubmed == null) {
				pubmed = p.group(1);
			}
		}
		for (String tag : List.of("U1", "U2", "C2", "M2")) { // PubMed exports: "26957754[pmid]" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			for (String v : r.all(tag)) {
				Matcher p = PMID_BRACKETED.matcher(v);
				if (pubmed == null && p.matches()) {
					pubmed = p.group(1);
				}
			}
		}
		for (String u : urls) {
			if (arxiv == null) {
				arxiv = CslJsonReader.arxivFrom(u);
			}
			Matcher d = DOI_URL.matcher(u);
			if (doi == null && d.matches()) {
				doi = d.group(2);
			}
		}
		PaperIds ids = new PaperIds(arxiv, doi, null, null, pubmed, r.first("ID")); //$NON-NLS-1$
		List<String> keywords = new ArrayList<>();
		for (String k : r.all("KW")) { //$NON-NLS-1$
			if (!keywords.contains(k)) {
				keywords.add(k);
			}
		}
		String abs = r.first("AB", "N2"); //$NON-NLS-1$ //$NON-NLS-2$
		return Paper.builder(PaperKey.idFor(ids, title), title).authors(authors).year(year)
				.venue(venue == null ? null : venue.replaceAll("\\s+", " ")).ids(ids).abstractText(abs) //$NON-NLS-1$ //$NON-NLS-2$
				.keywords(keywords).urls(urls);
	}
}
