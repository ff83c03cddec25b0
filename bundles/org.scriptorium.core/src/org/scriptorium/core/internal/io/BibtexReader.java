package org.scriptorium.core.internal.io;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXObject;
import org.jbibtex.BibTeXParser;
import org.jbibtex.BibTeXString;
import org.jbibtex.Key;
import org.jbibtex.ParseException;
import org.jbibtex.Token;
import org.jbibtex.TokenMgrException;
import org.jbibtex.Value;
import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;
import org.scriptorium.core.model.PaperKey;

/**
 * BibTeX and BibLaTeX, parsed by jbibtex ({@code @string} macros and {@code crossref} resolved by it). A malformed
 * entry is reported with its line and skipped by jbibtex's error recovery; the other entries are still read.
 */
public final class BibtexReader implements FormatReader {

	private static final Pattern ENTRY_START = Pattern.compile("@\\s*([A-Za-z][\\w:.+-]*)\\s*[{(]\\s*([^,\\s}=]*)"); //$NON-NLS-1$
	private static final Pattern ENTRY_HEADER = Pattern.compile("@\\s*[A-Za-z][\\w:.+-]*\\s*[{(]"); //$NON-NLS-1$
	/** An entry type at the start of a line that no brace or parenthesis follows: BibTeX skips it. */
	private static final Pattern NOT_AN_ENTRY = Pattern
			.compile("(?m)^[ \\t]*@[ \\t]*([A-Za-z][\\w:.+-]*)(?![\\w:.+-]|\\s*[{(])"); //$NON-NLS-1$
	private static final Pattern LEXICAL = Pattern.compile("line (\\d+), column (\\d+)"); //$NON-NLS-1$
	private static final Pattern ARXIV_IN_TEXT = Pattern.compile("(?i)arxiv[:\\s/]*(\\d{4}\\.\\d{4,5}(v\\d+)?)"); //$NON-NLS-1$
	private static final Pattern ARXIV_ID = Pattern
			.compile("(?i)(arxiv:)?(\\d{4}\\.\\d{4,5}|[a-z-]+(\\.[A-Z]{2})?/\\d{7})(v\\d+)?"); //$NON-NLS-1$
	private static final java.util.Set<String> NON_ENTRIES = java.util.Set.of("string", "preamble", "comment"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	/**
	 * Marks a key made unique for jbibtex, which keeps only the first of several entries with one key and names
	 * entries without a key itself.
	 */
	private static final String DUPLICATE_MARK = "__scriptorium_duplicate_"; //$NON-NLS-1$

	/** Where an entry starts in the text, its key as written and the unique key jbibtex sees. */
	private record Start(int offset, int line, String key, String uniqueKey) {
	}

	/**
	 * The longest run of characters without white space that is read. jbibtex's scanner copies its buffer each time
	 * a token grows by 2 KB, so a word of megabytes (binary data, a corrupted file) would take minutes; no real BibTeX
	 * field holds a word of this length.
	 */
	static final int MAX_WORD = 100_000;

	private static void refuseHugeWords(String text, LineIndex lines) throws ImportContext.Fatal {
		int run = 0;
		for (int i = 0; i < text.length(); i++) {
			if (Character.isWhitespace(text.charAt(i))) {
				run = 0;
			} else if (++run > MAX_WORD) {
				int start = i - run + 1;
				throw new ImportContext.Fatal(lines.line(start), lines.column(start), "a word of more than " //$NON-NLS-1$
						+ String.format(Locale.ROOT, "%,d", MAX_WORD) //$NON-NLS-1$
						+ " characters without a space or line break starts here; a BibTeX file holds no such word (is this binary data or a damaged file?)"); //$NON-NLS-1$
			}
		}
	}

	@Override
	public void read(Reader in, ImportContext ctx) throws IOException, ImportContext.Fatal {
		String original = ctx.readAll(in);
		LineIndex lines = new LineIndex(original);
		refuseHugeWords(original, lines);
		TreeMap<Integer, Start> starts = new TreeMap<>();
		Map<String, Start> byKey = new HashMap<>();
		// entries that repeat a key (or have none, as Mendeley writes them) get a unique one so that none is lost
		StringBuilder text = new StringBuilder(original.length());
		int copied = 0;
		int duplicates = 0;
		Matcher m = ENTRY_START.matcher(original);
		while (m.find()) {
			if (NON_ENTRIES.contains(m.group(1).toLowerCase(Locale.ROOT))) {
				continue;
			}
			String key = m.group(2);
			String unique = key;
			if (key.isEmpty() || byKey.containsKey(key)) {
				unique = key + DUPLICATE_MARK + ++duplicates;
				text.append(original, copied, m.start(2)).append(unique);
				copied = m.end(2);
			}
			Start s = new Start(m.start(), lines.line(m.start()), key, unique);
			starts.put(s.offset(), s);
			byKey.put(unique, s);
		}
		text.append(original, copied, original.length());
		List<int[]> unresolved = new ArrayList<>(); // line, column of each undefined @string macro
		List<String> unresolvedNames = new ArrayList<>();
		BibTeXParser parser;
		try {
			parser = new BibTeXParser() {
				@Override
				public void checkStringResolution(Key key, BibTeXString string) {
					if (string == null) {
						unresolved.add(new int[]{token.beginLine, token.beginColumn});
						unresolvedNames.add(key.getValue());
					}
				}

				@Override
				public void checkCrossReferenceResolution(Key key, BibTeXEntry entry) {
					// resolved lazily (the parent may come later in the file); a missing parent adds no fields, as
					// BibTeX warns and goes on
				}
			};
		} catch (ParseException e) {
			throw new IllegalStateException(e);
		}
		Matcher notEntry = NOT_AN_ENTRY.matcher(original);
		while (notEntry.find()) {
			if (!NON_ENTRIES.contains(notEntry.group(1).toLowerCase(Locale.ROOT))) {
				ctx.problem(lines.line(notEntry.start()), lines.column(notEntry.start()), "\"@" + notEntry.group(1) //$NON-NLS-1$
						+ "\" is not followed by \"{\" or \"(\"; this entry cannot be read and is skipped"); //$NON-NLS-1$
			}
		}
		BibTeXDatabase db;
		try {
			db = parser.parseFully(new StringReader(outsideEntriesBlanked(text.toString())));
		} catch (TokenMgrException e) {
			throw lexical(e, starts);
		} catch (RuntimeException e) {
			if (e.getCause() instanceof TokenMgrException t) {
				throw lexical(t, starts);
			}
			if (!(e.getCause() instanceof ParseException pe)) {
				throw e;
			}
			int[] at = position(pe);
			Token t = pe.currentToken == null ? null : pe.currentToken.next;
			if (t != null && t.kind != 0) {
				throw new ImportContext.Fatal(at[0], at[1], describe(pe) + entryLabel(starts, at[0]));
			}
			Start last = starts.isEmpty() ? null : starts.lastEntry().getValue();
			throw new ImportContext.Fatal(lines.line(original.length()), 0,
					"the file ends inside an entry: a brace or quote is not closed" //$NON-NLS-1$
							+ (last == null
									? "" //$NON-NLS-1$
									: " (the last entry, \"" + last.key() + "\", starts on line " //$NON-NLS-1$ //$NON-NLS-2$
											+ last.line() + "; is the file truncated?)")); //$NON-NLS-1$
		}
		java.util.Set<Integer> broken = new java.util.HashSet<>();
		for (Exception e : parser.getExceptions()) {
			int[] at = position(e);
			Map.Entry<Integer, Start> entry = at[0] > 0 ? starts.lowerEntry(offset(original, at[0], at[1])) : null;
			if (entry != null) {
				broken.add(entry.getValue().line());
			}
			ctx.problem(at[0], at[1], describe(e) + (entry == null
					? "" //$NON-NLS-1$
					: " in " + label(entry.getValue().key()) + " (line " + entry.getValue().line() //$NON-NLS-1$ //$NON-NLS-2$
							+ "), which is skipped; is a brace, quote or comma missing?")); //$NON-NLS-1$
		}
		Map<Integer, String> undefinedByEntry = new HashMap<>();
		for (int i = 0; i < unresolved.size(); i++) {
			int[] at = unresolved.get(i);
			Map.Entry<Integer, Start> entry = starts.floorEntry(offset(original, at[0], at[1]));
			undefinedByEntry.putIfAbsent(entry == null ? 0 : entry.getValue().line(), unresolvedNames.get(i));
		}
		for (BibTeXObject o : db.getObjects()) {
			if (!(o instanceof BibTeXEntry entry)) {
				continue;
			}
			Start s = byKey.get(entry.getKey().getValue());
			String key = s == null ? entry.getKey().getValue() : s.key();
			int line = s == null ? 0 : s.line();
			if (broken.contains(line)) {
				continue; // already reported
			}
			if (undefinedByEntry.containsKey(line)) {
				ctx.problem(line, 0, label(key) + " uses the string \"" + undefinedByEntry.get(line) //$NON-NLS-1$
						+ "\", which no @string defines"); //$NON-NLS-1$
				continue;
			}
			try {
				ctx.paper(map(entry, key), line);
			} catch (ImportContext.BadRecord bad) {
				ctx.problem(line, 0, label(key) + " " + bad.getMessage()); //$NON-NLS-1$
			}
		}
	}

	private static ImportContext.Fatal lexical(TokenMgrException e, TreeMap<Integer, Start> starts) {
		Matcher at = LEXICAL.matcher(String.valueOf(e.getMessage()));
		int line = at.find() ? Integer.parseInt(at.group(1)) : 0;
		int column = line > 0 ? Integer.parseInt(at.group(2)) : 0;
		return new ImportContext.Fatal(line, column,
				"a character BibTeX does not allow here" + entryLabel(starts, line)); //$NON-NLS-1$
	}

	/**
	 * The text with everything outside entries replaced by spaces (line breaks kept, so lines and columns stay): BibTeX
	 * ignores such text, but jbibtex stops at free text between entries. Non-breaking spaces become spaces.
	 */
	static String outsideEntriesBlanked(String text) {
		char[] out = text.toCharArray();
		Matcher header = ENTRY_HEADER.matcher(text);
		int i = 0;
		while (i < out.length) {
			char c = out[i];
			if (c == '@' && header.region(i, out.length).lookingAt()) {
				boolean parens = text.charAt(header.end() - 1) == '(';
				int depth = 0;
				int j = header.end();
				for (; j < out.length; j++) {
					char d = out[j];
					if (d == '\u00A0') {
						out[j] = ' ';
					} else if (d == '\\') {
						j++; // \{ and \} do not count, as for jbibtex
					} else if (d == '{') {
						depth++;
					} else if (d == '}') {
						if (depth == 0 && !parens) {
							break;
						}
						depth--;
					} else if (d == ')' && parens && depth == 0) {
						break;
					}
				}
				i = j + 1;
			} else {
				if (c != '\n' && c != '\r') {
					out[i] = ' ';
				}
				i++;
			}
		}
		return new String(out);
	}

	private static String label(String key) {
		return key.isEmpty() ? "the entry without a cite key" : "the entry \"" + key + "\""; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	private static String entryLabel(TreeMap<Integer, Start> starts, int line) {
		for (Start s : starts.descendingMap().values()) {
			if (s.line() <= line) {
				return " in " + label(s.key()) + " (line " + s.line() + ")"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			}
		}
		return ""; //$NON-NLS-1$
	}

	private static int offset(String text, int line, int column) {
		int lo = 0;
		int l = 1;
		while (l < line) {
			int nl = text.indexOf('\n', lo);
			if (nl < 0) {
				break;
			}
			lo = nl + 1;
			l++;
		}
		return Math.min(text.length(), lo + Math.max(0, column - 1));
	}

	private static int[] position(Exception e) {
		if (e instanceof ParseException pe && pe.currentToken != null) {
			Token t = pe.currentToken.next != null ? pe.currentToken.next : pe.currentToken;
			return new int[]{t.beginLine, t.beginColumn};
		}
		Matcher at = LEXICAL.matcher(String.valueOf(e.getMessage()));
		return at.find() ? new int[]{Integer.parseInt(at.group(1)), Integer.parseInt(at.group(2))} : new int[2];
	}

	private static String describe(Exception e) {
		if (e instanceof ParseException pe && pe.currentToken != null && pe.expectedTokenSequences != null) {
			Token t = pe.currentToken.next != null ? pe.currentToken.next : pe.currentToken;
			java.util.LinkedHashSet<String> expected = new java.util.LinkedHashSet<>();
			for (int[] seq : pe.expectedTokenSequences) {
				if (seq.length > 0) {
					expected.add(pe.tokenImage[seq[0]]);
				}
			}
			String found = t.kind == 0 ? "the end of the file" : "\"" + t.image + "\""; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			return "unexpected " + found + " where " + String.join(" or ", expected) + " was expected"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		}
		return "malformed BibTeX (" + e.getMessage() + ")"; //$NON-NLS-1$ //$NON-NLS-2$
	}

	// ------------------------------------------------------------------ mapping

	static Paper.Builder map(BibTeXEntry e, String citeKey) throws ImportContext.BadRecord {
		String type = e.getType().getValue().toLowerCase(Locale.ROOT);
		String title = text(e, "title"); //$NON-NLS-1$
		if (title == null && (type.equals("proceedings") || type.equals("book") || type.equals("collection"))) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			title = text(e, "booktitle"); //$NON-NLS-1$
		}
		if (title == null || title.isBlank()) {
			throw new ImportContext.BadRecord("has no title"); //$NON-NLS-1$
		}
		List<Author> authors = raw(e, "author") != null ? BibtexNames.parse(raw(e, "author")) : List.of(); //$NON-NLS-1$ //$NON-NLS-2$
		if (authors.isEmpty() && raw(e, "editor") != null && !type.startsWith("in")) { //$NON-NLS-1$ //$NON-NLS-2$
			authors = BibtexNames.parse(raw(e, "editor")); //$NON-NLS-1$
		}
		String venue = venue(e, type);
		PaperIds ids = new PaperIds(arxiv(e, venue), verbatim(e, "doi"), null, null, verbatim(e, "pmid"), //$NON-NLS-1$ //$NON-NLS-2$
				citeKey);
		List<String> urls = new ArrayList<>();
		String url = verbatim(e, "url"); //$NON-NLS-1$
		if (url != null) {
			urls.add(url);
		}
		List<String> keywords = new ArrayList<>();
		String kw = text(e, "keywords"); //$NON-NLS-1$
		if (kw != null) {
			for (String k : kw.split("[,;]")) { //$NON-NLS-1$
				if (!k.isBlank() && !keywords.contains(k.strip())) {
					keywords.add(k.strip());
				}
			}
		}
		Integer year = Json.yearIn(verbatim(e, "year")); //$NON-NLS-1$
		if (year == null) {
			year = Json.yearIn(verbatim(e, "date")); //$NON-NLS-1$
		}
		return Paper.builder(PaperKey.idFor(ids, title), title).authors(authors).year(year).venue(venue).ids(ids)
				.abstractText(text(e, "abstract")).keywords(keywords).urls(urls); //$NON-NLS-1$
	}

	private static String venue(BibTeXEntry e, String type) {
		for (String f : List.of("journal", "journaltitle", "booktitle", "eventtitle")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			String v = text(e, f);
			if (v != null && !(f.equals("booktitle") && type.matches("proceedings|book|collection"))) { //$NON-NLS-1$ //$NON-NLS-2$
				return v;
			}
		}
		BibTeXEntry parent = e.getCrossReference();
		if (parent != null && text(e, "booktitle") == null) { //$NON-NLS-1$
			String t = text(parent, "title"); //$NON-NLS-1$
			if (t != null) {
				return t; // BibLaTeX: the parent's title is the child's booktitle
			}
		}
		return switch (type) {
			case "phdthesis", "mastersthesis", "thesis" -> text(e, "school") != null //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$
					? text(e, "school") //$NON-NLS-1$
					: text(e, "institution"); //$NON-NLS-1$
			case "techreport", "report" -> text(e, "institution"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			default -> null;
		};
	}

	private static String arxiv(BibTeXEntry e, String venue) {
		String eprint = verbatim(e, "eprint"); //$NON-NLS-1$
		String prefix = verbatim(e, "archiveprefix"); //$NON-NLS-1$
		if (prefix == null) {
			prefix = verbatim(e, "eprinttype"); //$NON-NLS-1$
		}
		if (eprint != null && (prefix == null
				? ARXIV_ID.matcher(eprint).matches()
				: prefix.equalsIgnoreCase("arxiv"))) { //$NON-NLS-1$
			return eprint;
		}
		for (String f : List.of("arxivid", "arxiv")) { //$NON-NLS-1$ //$NON-NLS-2$
			String v = verbatim(e, f);
			if (v != null && ARXIV_ID.matcher(v).matches()) {
				return v;
			}
		}
		String url = verbatim(e, "url"); //$NON-NLS-1$
		String fromUrl = CslJsonReader.arxivFrom(url);
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

	/** A field's raw LaTeX, following {@code crossref}; {@code null} when absent or empty. */
	private static String raw(BibTeXEntry e, String field) {
		Value v = e.getField(new Key(field));
		if (v == null) {
			return null;
		}
		String s = v.toUserString();
		return s == null || s.isBlank() ? null : s;
	}

	/** A field as text (LaTeX to Unicode). */
	private static String text(BibTeXEntry e, String field) {
		String r = raw(e, field);
		if (r == null) {
			return null;
		}
		String t = LaTeXText.toUnicode(r);
		return t.isEmpty() ? null : t;
	}

	/** A field taken literally (identifiers and URLs): white space, enclosing braces and escapes of _ % # & removed. */
	private static String verbatim(BibTeXEntry e, String field) {
		String r = raw(e, field);
		if (r == null) {
			return null;
		}
		String s = r.strip();
		while (s.startsWith("{") && s.endsWith("}")) { //$NON-NLS-1$ //$NON-NLS-2$
			s = s.substring(1, s.length() - 1).strip();
		}
		s = s.replaceAll("\\\\([_%#&])", "$1"); // 10.1000/a\_b, https://x.org/a\%20b //$NON-NLS-1$ //$NON-NLS-2$
		return s.isEmpty() ? null : s;
	}
}
