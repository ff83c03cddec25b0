package org.scriptorium.core.internal.io;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.EntryTypes;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;

/**
 * BibTeX and BibLaTeX, read by the lenient {@link BibtexParser}, then mapped to papers: the entry type, the fields the
 * model names (title, authors, year, venue, identifiers, URLs, keywords, abstract), the other name lists (editors,
 * translators, ...) and every other field, verbatim in name and order (LaTeX turned into Unicode). {@code crossref}
 * and {@code xdata} parents give the fields a child lacks (cycles are reported and cut); a key used before is renamed.
 */
public final class BibtexReader implements FormatReader {

	private static final Pattern ARXIV_IN_TEXT = Pattern.compile("(?i)arxiv[:\\s/]*(\\d{4}\\.\\d{4,5}(v\\d+)?)"); //$NON-NLS-1$
	private static final Pattern ARXIV_ID = Pattern
			.compile("(?i)(arxiv:)?(\\d{4}\\.\\d{4,5}|[a-z-]+(\\.[A-Z]{2})?/\\d{7})(v\\d+)?"); //$NON-NLS-1$
	private static final Pattern URL_N = Pattern.compile("url\\d+"); //$NON-NLS-1$
	private static final Pattern AND_OTHERS = Pattern.compile("(?i)\\sand\\s+others\\s*$"); //$NON-NLS-1$
	/** The field that says a name list ended with {@code and others} ({@code author:others}). */
	static final String OTHERS_SUFFIX = ":others"; //$NON-NLS-1$

	/** Name lists other than {@code author}. */
	static final Set<String> NAME_FIELDS = Set.of("editor", "editora", "editorb", "editorc", "translator", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			"annotator", "commentator", "introduction", "foreword", "afterword", "bookauthor", "holder", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$
			"redactor", "reviser", "shortauthor", "shorteditor"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$

	/** Fields taken literally: identifiers, addresses, paths and keys (no LaTeX conversion). */
	static final Set<String> VERBATIM_FIELDS = Set.of("doi", "url", "eprint", "file", "pdf", "crossref", "xdata", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$
			"xref", "ids", "related", "entryset", "isbn", "issn", "pmid", "pmcid", "arxivid", "verba", "verbb", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$ //$NON-NLS-9$ //$NON-NLS-10$ //$NON-NLS-11$
			"verbc", "urldate", "date", "langid", "bdsk-url-1", "bdsk-url-2", "bdsk-file-1", "bdsk-file-2", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$
			"local-url", "mendeley-groups", "timestamp", "owner", "groups"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$

	/** Fields a child never takes from its {@code crossref} or {@code xdata} parent. */
	private static final Set<String> NOT_INHERITED = Set.of("crossref", "xdata", "ids", "entryset", "related", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			"key", "sortkey", "label", "shorthand"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$

	/**
	 * The field that keeps a file's {@code @preamble} (its LaTeX verbatim; a second one as {@code @preamble-2}, ...):
	 * on the first paper read from the file, so that the BibTeX writer can write it back.
	 */
	public static final String PREAMBLE = "@preamble"; //$NON-NLS-1$

	/** How many crossref/xdata ancestors an entry may have. */
	static final int MAX_PARENTS = 64;

	@Override
	public void read(Reader in, ImportContext ctx) throws IOException, ImportContext.Fatal {
		String text = ctx.readAll(in);
		BibtexParser.Result parsed = BibtexParser.parse(text, ctx);
		List<BibtexParser.Entry> entries = parsed.entries();
		Map<String, BibtexParser.Entry> byKey = new HashMap<>();
		for (BibtexParser.Entry e : entries) {
			byKey.putIfAbsent(e.key().toLowerCase(Locale.ROOT), e);
		}
		Set<String> usedKeys = new HashSet<>();
		for (BibtexParser.Entry e : entries) {
			if (!e.key().isEmpty()) {
				usedKeys.add(e.key().toLowerCase(Locale.ROOT));
			}
		}
		Map<String, Integer> firstLine = new HashMap<>();
		boolean preamblesKept = parsed.preambles().isEmpty();
		for (BibtexParser.Entry e : entries) {
			String key = e.key();
			if (!key.isEmpty()) {
				Integer before = firstLine.putIfAbsent(key.toLowerCase(Locale.ROOT), e.line());
				BibtexParser.Entry first = byKey.get(key.toLowerCase(Locale.ROOT));
				if (before != null && first != null && sameContent(first, e)) {
					before = null; // the same entry twice: read both, the importer merges them
				}
				if (before != null) {
					String renamed = rename(key, usedKeys);
					ctx.warning(e.line(), 0, "the cite key \"" + key + "\" is already used on line " + before //$NON-NLS-1$ //$NON-NLS-2$
							+ "; this entry is imported as \"" + renamed + "\""); //$NON-NLS-1$ //$NON-NLS-2$
					key = renamed;
				}
			}
			Map<String, BibtexParser.Field> fields = withParents(e, byKey, ctx);
			try {
				Paper.Builder b = map(e.type(), key, fields, e, ctx);
				if (!preamblesKept) {
					for (int i = 0; i < parsed.preambles().size(); i++) {
						b.field(i == 0 ? PREAMBLE : PREAMBLE + "-" + (i + 1), parsed.preambles().get(i)); //$NON-NLS-1$
					}
				}
				int before = ctx.papers().size();
				ctx.paper(b, e.line());
				preamblesKept |= ctx.papers().size() > before;
			} catch (ImportContext.BadRecord bad) {
				ctx.problem(e.line(), 0, label(e.key()) + " " + bad.getMessage()); //$NON-NLS-1$
			}
		}
		if (!preamblesKept && !parsed.preambles().isEmpty()) {
			ctx.problem(0, 0,
					"the @preamble is not kept: the file has no entry that could be imported to keep it with"); //$NON-NLS-1$
		}
	}

	private static boolean sameContent(BibtexParser.Entry a, BibtexParser.Entry b) {
		if (!a.type().equals(b.type()) || a.fields().size() != b.fields().size()) {
			return false;
		}
		for (int i = 0; i < a.fields().size(); i++) {
			BibtexParser.Field x = a.fields().get(i);
			BibtexParser.Field y = b.fields().get(i);
			if (!x.name().equals(y.name()) || !x.value().equals(y.value())) {
				return false;
			}
		}
		return true;
	}

	private static String rename(String key, Set<String> used) {
		for (int i = 2;; i++) {
			String k = key + "-" + i; //$NON-NLS-1$
			if (used.add(k.toLowerCase(Locale.ROOT))) {
				return k;
			}
		}
	}

	/**
	 * The entry's fields, then those its {@code crossref} and {@code xdata} parents (and theirs) add, each chain
	 * followed without recursion and cut at a cycle (reported once per entry).
	 */
	private static Map<String, BibtexParser.Field> withParents(BibtexParser.Entry e,
			Map<String, BibtexParser.Entry> byKey, ImportContext ctx) {
		Map<String, BibtexParser.Field> out = new LinkedHashMap<>();
		List<BibtexParser.Field> duplicates = new ArrayList<>();
		for (BibtexParser.Field f : e.fields()) {
			if (out.putIfAbsent(f.name(), f) != null) {
				duplicates.add(f);
			}
		}
		for (BibtexParser.Field f : duplicates) {
			String name = f.name();
			int i = 2;
			while (out.containsKey(name + "-" + i)) { //$NON-NLS-1$
				i++;
			}
			String kept = name + "-" + i; //$NON-NLS-1$
			out.put(kept, new BibtexParser.Field(kept, f.value(), f.line(), f.macroOnly()));
			ctx.warning(f.line(), 0,
					label(e.key()) + " has the field \"" + name + "\" twice; the second value is kept as \"" //$NON-NLS-1$ //$NON-NLS-2$
							+ kept + "\""); //$NON-NLS-1$
		}
		// breadth-first over the parents, each entry visited once: a cycle ends where it closes
		LinkedHashSet<BibtexParser.Entry> visited = new LinkedHashSet<>();
		visited.add(e);
		List<BibtexParser.Entry> queue = new ArrayList<>();
		queue.add(e);
		boolean child = true;
		for (int qi = 0; qi < queue.size(); qi++) {
			BibtexParser.Entry cur = queue.get(qi);
			for (String ref : parents(cur)) {
				BibtexParser.Entry parent = byKey.get(ref.toLowerCase(Locale.ROOT));
				if (parent == null) {
					continue; // BibTeX warns and goes on; the crossref field is kept
				}
				if (!visited.add(parent)) {
					if (parent == e || queue.contains(parent)) {
						ctx.warning(e.line(), 0, label(e.key()) + " is part of a crossref/xdata cycle (through \"" //$NON-NLS-1$
								+ parent.key() + "\"); each entry's fields are taken once"); //$NON-NLS-1$
					}
					continue;
				}
				if (queue.size() > MAX_PARENTS) {
					ctx.warning(e.line(), 0, label(e.key()) + " has more than " + MAX_PARENTS //$NON-NLS-1$
							+ " crossref/xdata ancestors; the chain is cut there"); //$NON-NLS-1$
					break;
				}
				queue.add(parent);
				BibtexParser.Field parentTitle = null;
				for (BibtexParser.Field f : parent.fields()) {
					if (NOT_INHERITED.contains(f.name())) {
						continue;
					}
					if (f.name().equals("title") && child && EntryTypes.hasBooktitle(e.type())) { //$NON-NLS-1$
						parentTitle = f;
						continue;
					}
					out.putIfAbsent(f.name(), f);
				}
				if (parentTitle != null) { // BibLaTeX: the parent's title is the child's booktitle
					out.putIfAbsent("booktitle", //$NON-NLS-1$
							new BibtexParser.Field("booktitle", parentTitle.value(), parentTitle.line(), false)); //$NON-NLS-1$
				}
			}
			child = false;
		}
		return out;
	}

	private static List<String> parents(BibtexParser.Entry e) {
		List<String> out = new ArrayList<>();
		for (BibtexParser.Field f : e.fields()) {
			if (f.name().equals("crossref") || f.name().equals("xdata")) { //$NON-NLS-1$ //$NON-NLS-2$
				for (String k : f.value().split(",")) { //$NON-NLS-1$
					if (!k.isBlank()) {
						out.add(k.strip());
					}
				}
			}
		}
		return out;
	}

	static String label(String key) {
		return key.isEmpty() ? "the entry without a cite key" : "the entry \"" + key + "\""; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	// ------------------------------------------------------------------ mapping

	static Paper.Builder map(String type, String citeKey, Map<String, BibtexParser.Field> f,
			BibtexParser.Entry entry, ImportContext ctx) throws ImportContext.BadRecord {
		Map<String, BibtexParser.Field> rest = new LinkedHashMap<>(f);
		String title = text(rest.remove("title")); //$NON-NLS-1$
		if (title == null && (type.equals("proceedings") || type.equals("book") || type.equals("collection")) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				&& rest.containsKey("booktitle")) { //$NON-NLS-1$
			title = text(rest.get("booktitle")); // the booktitle field stays //$NON-NLS-1$
		}
		if (title == null || title.isBlank()) {
			// imported and marked incomplete (as JabRef and Better BibTeX do); the problem is still listed
			ctx.warning(entry.line(), 0, label(entry.key()) + " has no title"); //$NON-NLS-1$
			title = ""; //$NON-NLS-1$
		}
		BibtexParser.Field author = rest.remove("author"); //$NON-NLS-1$
		List<Author> authors = author == null ? List.of() : BibtexNames.parse(author.value());
		Map<String, List<Author>> names = new LinkedHashMap<>();
		List<String> etAl = new ArrayList<>();
		if (author != null && AND_OTHERS.matcher(author.value()).find()) {
			etAl.add("author"); //$NON-NLS-1$
		}
		for (String role : List.copyOf(rest.keySet())) {
			if (NAME_FIELDS.contains(role)) {
				List<Author> list = BibtexNames.parse(rest.get(role).value());
				if (!list.isEmpty()) {
					if (AND_OTHERS.matcher(rest.get(role).value()).find()) {
						etAl.add(role);
					}
					names.put(role, list);
					rest.remove(role);
				}
			}
		}
		// the year: consumed when it is a plain number, else kept as written
		Integer year = Json.yearIn(verbatim(rest.get("year"))); //$NON-NLS-1$
		if (year != null && String.valueOf(year).equals(verbatim(rest.get("year")))) { //$NON-NLS-1$
			rest.remove("year"); //$NON-NLS-1$
		}
		if (year == null) {
			year = Json.yearIn(verbatim(rest.get("date"))); //$NON-NLS-1$
		}
		// the venue: journal (or booktitle for parts of a book) is consumed; other sources stay fields
		String venueField = EntryTypes.hasBooktitle(type) ? "booktitle" : "journal"; //$NON-NLS-1$ //$NON-NLS-2$
		String venue = text(rest.get(venueField));
		if (venue != null) {
			Map<String, String> others = new HashMap<>();
			for (String other : List.of("journal", "journaltitle", "booktitle", "eventtitle", "school", //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$//$NON-NLS-5$
					"institution")) { //$NON-NLS-1$
				if (rest.containsKey(other) && !other.equals(venueField)) {
					others.put(other, text(rest.get(other)));
				}
			}
			if (!BibtexWriter.venueKept(venue, others)) {
				rest.remove(venueField); // else another venue field has the same text: both stay as written
			}
		} else {
			venue = derivedVenue(type, rest);
		}
		// identifiers
		String eprint = verbatim(rest.get("eprint")); //$NON-NLS-1$
		String prefix = verbatim(rest.get("archiveprefix")); //$NON-NLS-1$
		String eprinttype = verbatim(rest.get("eprinttype")); //$NON-NLS-1$
		String arxiv = null;
		if (eprint != null && (prefix == null && eprinttype == null
				? ARXIV_ID.matcher(eprint).matches()
				: "arxiv".equalsIgnoreCase(prefix != null ? prefix : eprinttype))) { //$NON-NLS-1$
			arxiv = eprint;
			rest.remove("eprint"); //$NON-NLS-1$
			if (prefix != null && prefix.equalsIgnoreCase("arxiv")) { //$NON-NLS-1$
				rest.remove("archiveprefix"); //$NON-NLS-1$
			}
		}
		if (arxiv == null) {
			arxiv = arxivElsewhere(rest, venue);
		}
		String doiRaw = verbatim(rest.remove("doi")); //$NON-NLS-1$
		String pmid = verbatim(rest.remove("pmid")); //$NON-NLS-1$
		PaperIds ids = new PaperIds(arxiv, doiRaw, null, null, pmid, citeKey.isEmpty() ? null : citeKey);
		if (doiRaw != null && ids.doi() == null) {
			rest.put("doi", new BibtexParser.Field("doi", doiRaw, 0, false)); // not a DOI: kept as written //$NON-NLS-1$ //$NON-NLS-2$
		}
		List<String> urls = new ArrayList<>();
		String url = verbatim(rest.remove("url")); //$NON-NLS-1$
		if (url != null) {
			urls.add(url);
		}
		for (String k : List.copyOf(rest.keySet())) {
			if (URL_N.matcher(k).matches()) {
				String u = verbatim(rest.remove(k));
				if (u != null && !urls.contains(u)) {
					urls.add(u);
				}
			}
		}
		List<String> keywords = new ArrayList<>();
		String kw = text(rest.remove("keywords")); //$NON-NLS-1$
		if (kw != null) {
			for (String k : kw.split("[,;]")) { //$NON-NLS-1$
				if (!k.isBlank() && !keywords.contains(k.strip())) {
					keywords.add(k.strip());
				}
			}
		}
		String abs = text(rest.remove("abstract")); //$NON-NLS-1$
		String id = ImportContext.idFor(ids, title, String.valueOf(entry.line()));
		Paper.Builder b = Paper.builder(id, title).type(type).authors(authors).year(year)
				.venue(venue).ids(ids).abstractText(abs).keywords(keywords).urls(urls).names(names);
		for (BibtexParser.Field field : rest.values()) {
			b.field(field.name(), fieldValue(field));
		}
		for (String role : etAl) {
			b.field(role + OTHERS_SUFFIX, "true"); // "and others" ends the list: written back so //$NON-NLS-1$
		}
		return b;
	}

	private static String derivedVenue(String type, Map<String, BibtexParser.Field> rest) {
		for (String f : List.of("journal", "journaltitle", "booktitle", "eventtitle")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			String v = text(rest.get(f));
			if (v != null && !(f.equals("booktitle") && type.matches("proceedings|book|collection"))) { //$NON-NLS-1$ //$NON-NLS-2$
				return v;
			}
		}
		return switch (type) {
			case "phdthesis", "mastersthesis", "thesis" -> text(rest.get("school")) != null //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					? text(rest.get("school")) //$NON-NLS-1$
					: text(rest.get("institution")); //$NON-NLS-1$
			case "techreport", "report" -> text(rest.get("institution")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			default -> null;
		};
	}

	private static String arxivElsewhere(Map<String, BibtexParser.Field> rest, String venue) {
		for (String f : List.of("arxivid", "arxiv")) { //$NON-NLS-1$ //$NON-NLS-2$
			String v = verbatim(rest.get(f));
			if (v != null && ARXIV_ID.matcher(v).matches()) {
				return v;
			}
		}
		String fromUrl = CslJsonReader.arxivFrom(verbatim(rest.get("url"))); //$NON-NLS-1$
		if (fromUrl != null) {
			return fromUrl;
		}
		if (venue != null) {
			Matcher m = ARXIV_IN_TEXT.matcher(venue);
			if (m.find()) {
				return m.group(1);
			}
		}
		return null;
	}

	/** The value a field is kept with: verbatim for identifiers and paths, else Unicode text. */
	static String fieldValue(BibtexParser.Field f) {
		if (f.name().equals("month") && f.macroOnly()) { //$NON-NLS-1$
			return f.value();
		}
		return VERBATIM_FIELDS.contains(f.name()) || URL_N.matcher(f.name()).matches() ? verbatim(f) : text(f);
	}

	/** A field as text (LaTeX to Unicode); {@code null} when absent or empty. */
	static String text(BibtexParser.Field f) {
		if (f == null || f.value().isBlank()) {
			return null;
		}
		String t = LaTeXText.toUnicode(f.value());
		return t.isEmpty() ? null : t;
	}

	/** A field taken literally: white space, enclosing braces and escapes of _ % # & removed. */
	static String verbatim(BibtexParser.Field f) {
		if (f == null) {
			return null;
		}
		String s = f.value().strip();
		while (s.startsWith("{") && s.endsWith("}")) { //$NON-NLS-1$ //$NON-NLS-2$
			s = s.substring(1, s.length() - 1).strip();
		}
		s = s.replaceAll("\\\\([_%#&])", "$1"); // 10.1000/a\_b, https://x.org/a\%20b //$NON-NLS-1$ //$NON-NLS-2$
		return s.isEmpty() ? null : s;
	}
}
