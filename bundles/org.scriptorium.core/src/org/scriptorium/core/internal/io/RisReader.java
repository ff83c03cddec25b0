package org.scriptorium.core.internal.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.EntryTypes;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;

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

	private static final Pattern WHITE = Pattern.compile("\\s+"); //$NON-NLS-1$

	/** One record being read: its first line and its tags in order of appearance (values joined in linear time). */
	private static final class Record {
		final int line;
		final Map<String, List<StringBuilder>> tags = new LinkedHashMap<>();
		StringBuilder last;
		String tooLong;

		Record(int line) {
			this.line = line;
		}

		void add(String tag, String value) {
			last = new StringBuilder(value);
			tags.computeIfAbsent(tag, t -> new ArrayList<>()).add(last);
			check(tag);
		}

		void continueLast(String tag, String more) {
			if (last.length() <= ImportContext.MAX_FIELD_CHARS) {
				last.append(' ').append(more);
			}
			check(tag);
		}

		private void check(String tag) {
			if (tooLong == null && last.length() > ImportContext.MAX_FIELD_CHARS) {
				tooLong = tag;
			}
		}

		String first(String... names) {
			for (String n : names) {
				List<StringBuilder> v = tags.get(n);
				if (v != null) {
					for (StringBuilder s : v) {
						if (!s.toString().isBlank()) {
							return WHITE.matcher(s).replaceAll(" ").strip(); //$NON-NLS-1$
						}
					}
				}
			}
			return null;
		}

		/** The first tag of these that has a value. */
		String firstTag(String... names) {
			for (String n : names) {
				if (first(n) != null) {
					return n;
				}
			}
			return null;
		}

		List<String> all(String name) {
			List<String> out = new ArrayList<>();
			for (StringBuilder s : tags.getOrDefault(name, List.of())) {
				if (!s.toString().isBlank()) {
					out.add(WHITE.matcher(s).replaceAll(" ").strip()); //$NON-NLS-1$
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
		String lastTag = null;
		for (String line = br.readLine(); line != null; line = br.readLine()) {
			lineNo++;
			String l = lineNo == 1 ? line.replace("\uFEFF", "") : line; //$NON-NLS-1$ //$NON-NLS-2$
			Matcher m = TAG_LINE.matcher(l);
			if (!m.matches()) {
				if (l.isBlank()) {
					continue;
				}
				if (record != null && record.last != null) {
					record.continueLast(lastTag, l.strip());
				} else if (!warnedOutside) {
					ctx.problem(lineNo, 1,
							"this line is not a RIS tag line (\"XY  - value\") and belongs to no record"); //$NON-NLS-1$
					warnedOutside = true;
				}
				continue;
			}
			String tag = m.group(1);
			lastTag = tag;
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
		if (r.tooLong != null) {
			ctx.problem(r.line, 0, "the tag \"" + r.tooLong + "\" holds a value longer than " //$NON-NLS-1$ //$NON-NLS-2$
					+ ImportContext.MAX_FIELD_LIMIT + "; the record is skipped"); //$NON-NLS-1$
			return;
		}
		try {
			ctx.paper(map(r, ctx), r.line);
		} catch (ImportContext.BadRecord bad) {
			ctx.problem(r.line, 0, bad.getMessage());
		}
	}

	/** RIS tags kept under a BibTeX field name (the others keep their tag). */
	static final Map<String, String> TAG_FIELDS = Map.ofEntries(Map.entry("VL", "volume"), //$NON-NLS-1$ //$NON-NLS-2$
			Map.entry("IS", "number"), Map.entry("PB", "publisher"), Map.entry("CY", "address"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			Map.entry("ET", "edition"), Map.entry("T3", "series"), Map.entry("N1", "note"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			Map.entry("LA", "language"), Map.entry("ST", "shorttitle"), Map.entry("Y2", "urldate"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			Map.entry("L1", "file"), Map.entry("DA", "date")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
	/** RIS name tags other than the authors, and the role each is kept as. */
	static final Map<String, String> NAME_TAGS = Map.of("A2", "editor", "ED", "editor", "A3", "editora", "A4", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$
			"translator"); //$NON-NLS-1$
	private static final Pattern TEX_FIELD = Pattern.compile("^tex\\.([^:\\s]+):\\s?(.*)$", Pattern.DOTALL); //$NON-NLS-1$
	private static final Set<String> BOOKISH = Set.of("BOOK", "CHAP", "EDBOOK", "EBOOK", "ECHAP", "CONF"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$

	private static Paper.Builder map(Record r, ImportContext ctx) throws ImportContext.BadRecord {
		Set<String> used = new java.util.HashSet<>();
		String type = r.first("TY"); //$NON-NLS-1$
		if (type == null) {
			throw new ImportContext.BadRecord("the record's \"TY\" line names no type (e.g. TY  - JOUR)"); //$NON-NLS-1$
		}
		used.add("TY"); //$NON-NLS-1$
		String titleTag = r.firstTag("TI", "T1", "CT"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		if (titleTag == null && type.equals("BOOK") && r.first("BT") != null) { //$NON-NLS-1$ //$NON-NLS-2$
			titleTag = "BT"; //$NON-NLS-1$
		}
		String title = titleTag == null ? null : r.first(titleTag);
		if (title == null || title.isBlank()) {
			// imported and marked incomplete, as a BibTeX entry without a title; the problem is still listed
			ctx.warning(r.line, 0, "the record has no title (TI or T1); it is imported, marked incomplete"); //$NON-NLS-1$
			title = ""; //$NON-NLS-1$
		} else {
			used.add(titleTag);
		}
		title = title.replaceAll("\\s+", " ").strip(); //$NON-NLS-1$ //$NON-NLS-2$
		List<Author> authors = new ArrayList<>();
		for (String tag : List.of("AU", "A1")) { //$NON-NLS-1$ //$NON-NLS-2$
			for (String a : r.all(tag)) {
				authors.add(Author.parse(a)); // "Family, Given", "Given Family", or "Organisation,"
			}
			used.add(tag);
		}
		Map<String, List<Author>> names = new LinkedHashMap<>();
		for (Map.Entry<String, String> n : NAME_TAGS.entrySet()) {
			for (String a : r.all(n.getKey())) {
				names.computeIfAbsent(n.getValue(), k -> new ArrayList<>()).add(Author.parse(a));
			}
			used.add(n.getKey());
		}
		Map<String, List<String>> left = new LinkedHashMap<>();
		for (String tag : r.tags.keySet()) {
			left.put(tag, new ArrayList<>(r.all(tag)));
		}
		Integer year = null;
		for (String tag : List.of("PY", "Y1", "DA")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			year = Json.yearIn(r.first(tag));
			if (year != null) {
				if (String.valueOf(year).equals(r.first(tag))) {
					left.get(tag).remove(0); // the plain year; other values of the tag stay
				}
				break;
			}
		}
		String venueTag = r.firstTag("T2", "JF", "JO", "JA", "J1", "J2"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
		if (venueTag == null && !type.equals("BOOK") && r.first("BT") != null) { //$NON-NLS-1$ //$NON-NLS-2$
			venueTag = "BT"; //$NON-NLS-1$
		}
		String venue = venueTag == null ? null : r.first(venueTag);
		if (venueTag != null && r.all(venueTag).size() == 1) {
			used.add(venueTag);
		}
		String doi = r.first("DO"); //$NON-NLS-1$
		used.add("DO"); //$NON-NLS-1$
		List<String> urls = r.all("UR"); //$NON-NLS-1$
		used.add("UR"); //$NON-NLS-1$
		boolean allL2 = true;
		for (String link : r.all("L2")) { // a link to the full text (L1 is usually a local file) //$NON-NLS-1$
			if (link.matches("(?i)https?://\\S+")) { //$NON-NLS-1$
				if (!urls.contains(link)) {
					urls.add(link);
				}
			} else {
				allL2 = false;
			}
		}
		if (allL2) {
			used.add("L2"); //$NON-NLS-1$
		}
		String arxiv = null;
		String pubmed = null;
		for (String an : r.all("AN")) { //$NON-NLS-1$
			Matcher a = ARXIV_PREFIXED.matcher(an);
			Matcher p = PMID_PREFIXED.matcher(an);
			if (a.matches() && arxiv == null) {
				arxiv = a.group(1);
				left.get("AN").remove(an); //$NON-NLS-1$
			} else if (p.matches() && pubmed == null) {
				pubmed = p.group(1);
				left.get("AN").remove(an); //$NON-NLS-1$
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
		used.add("ID"); //$NON-NLS-1$
		List<String> keywords = new ArrayList<>();
		for (String k : r.all("KW")) { //$NON-NLS-1$
			if (!keywords.contains(k)) {
				keywords.add(k);
			}
		}
		used.add("KW"); //$NON-NLS-1$
		String absTag = r.firstTag("AB", "N2"); //$NON-NLS-1$ //$NON-NLS-2$
		String abs = absTag == null ? null : r.first(absTag);
		if (absTag != null && r.all(absTag).size() == 1) {
			used.add(absTag);
		}
		Paper.Builder b = Paper.builder(ImportContext.idFor(ids, title, String.valueOf(r.line)), title)
				.type(EntryTypes.fromRis(type))
				.authors(authors).year(year).venue(venue == null ? null : venue.replaceAll("\\s+", " ")).ids(ids) //$NON-NLS-1$ //$NON-NLS-2$
				.abstractText(abs).keywords(keywords).urls(urls).names(names);
		if (!EntryTypes.risRoundTrips(type)) {
			b.field("ristype", type); //$NON-NLS-1$
		}
		// pages from SP and EP
		String sp = r.first("SP"); //$NON-NLS-1$
		String ep = r.first("EP"); //$NON-NLS-1$
		if (sp != null && r.all("SP").size() == 1 && r.all("EP").size() <= 1 //$NON-NLS-1$//$NON-NLS-2$
				&& (ep == null || !sp.contains("\u2013"))) { //$NON-NLS-1$
			b.field("pages", ep == null ? sp : sp + "\u2013" + ep); //$NON-NLS-1$ //$NON-NLS-2$
			used.add("SP"); //$NON-NLS-1$
			used.add("EP"); //$NON-NLS-1$
		}
		// every other tag, in record order: under its BibTeX name, or its tag
		for (Map.Entry<String, List<StringBuilder>> t : r.tags.entrySet()) {
			String tag = t.getKey();
			if (used.contains(tag)) {
				continue;
			}
			List<String> values = left.get(tag);
			if (values.isEmpty()) {
				continue;
			}
			if (tag.equals("N1")) { //$NON-NLS-1$
				List<String> notes = new ArrayList<>();
				for (String v : values) {
					Matcher tex = TEX_FIELD.matcher(v);
					if (tex.matches()) {
						b.field(tex.group(1), tex.group(2));
					} else {
						notes.add(v);
					}
				}
				values = notes;
				if (values.isEmpty()) {
					continue;
				}
			}
			String name = tag.equals("SN") //$NON-NLS-1$
					? (BOOKISH.contains(type) ? "isbn" : "issn") //$NON-NLS-1$ //$NON-NLS-2$
					: TAG_FIELDS.getOrDefault(tag, tag);
			if (b.fields().containsKey(name)) {
				name = tag;
			}
			b.field(name, String.join("\n", values)); //$NON-NLS-1$
		}
		return b;
	}
}
