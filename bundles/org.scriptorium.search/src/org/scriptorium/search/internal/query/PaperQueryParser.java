package org.scriptorium.search.internal.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.scriptorium.core.model.PaperIds;
import org.scriptorium.search.QueryError;
import org.scriptorium.search.internal.index.PaperFields;

/**
 * The query language: Lucene's classic syntax (terms, {@code "phrases"}, {@code AND OR NOT + -}, parentheses,
 * {@code *} and {@code ~}, {@code ^} boosts) with readable fields and graph operators:
 * <ul>
 * <li>{@code title:}, {@code abstract:}, {@code author:}, {@code venue:}; unfielded words search title and
 * abstract;</li>
 * <li>{@code year:2023}, {@code year:2022..2024}, {@code year:2022..}, {@code year:>=2023}, {@code year:<2020},
 * {@code year:[2020 TO 2023]};</li>
 * <li>{@code id:}, {@code arxiv:}, {@code doi:}, {@code citekey:} exact identifiers;</li>
 * <li>{@code cites:<paper>} (papers citing it), {@code citedby:<paper>} (papers it cites), {@code related:<paper>},
 * where {@code <paper>} is an id, arXiv id, DOI, cite key or a quoted citation string such as
 * {@code "Dai et al., 2024"};</li>
 * <li>{@code citedin:<file or folder>}: the papers referenced (arXiv ids, DOIs, cite keys) by that file or the files
 * under that folder (a workspace path in the workbench, a file-system path on the command line; quote a path with
 * spaces).</li>
 * </ul>
 * Identifiers may contain colons and slashes without quoting ({@code cites:arxiv:2401.06066},
 * {@code doi:10.18653/v1/2024.acl-long.70}). Graph operators and year conditions match without scoring (constant
 * 1). A syntax error becomes a {@link QueryError} with the character position; nothing is thrown.
 */
public final class PaperQueryParser {

	/** The outcome: a query or an error. */
	public record Parsed(Query query, QueryError error) {
		public boolean ok() {
			return error == null;
		}
	}

	private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("title", PaperFields.TITLE), //$NON-NLS-1$
			Map.entry("abstract", PaperFields.ABSTRACT), Map.entry("author", PaperFields.AUTHOR), //$NON-NLS-1$ //$NON-NLS-2$
			Map.entry("authors", PaperFields.AUTHOR), Map.entry("venue", PaperFields.VENUE), //$NON-NLS-1$ //$NON-NLS-2$
			Map.entry("year", PaperFields.YEAR), Map.entry("id", PaperFields.ID), //$NON-NLS-1$ //$NON-NLS-2$
			Map.entry("arxiv", PaperFields.ARXIV), Map.entry("doi", PaperFields.DOI), //$NON-NLS-1$ //$NON-NLS-2$
			Map.entry("citekey", PaperFields.CITE_KEY), Map.entry("contents", PaperFields.CONTENTS), //$NON-NLS-1$ //$NON-NLS-2$
			Map.entry("text", PaperFields.CONTENTS), Map.entry("cites", "cites"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			Map.entry("citedby", "citedby"), Map.entry("related", "related"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			Map.entry("citedin", "citedin")); //$NON-NLS-1$ //$NON-NLS-2$

	/** Operators whose value is an identifier that may hold {@code :} or {@code /}: quoted before parsing. */
	private static final Pattern ID_VALUE = Pattern.compile(
			"(?i)(?<![\\w.])(cites|citedby|citedin|related|id|arxiv|doi|citekey):(?![\"(\\[{\\s])([^\\s()\"]+)"); //$NON-NLS-1$
	/** The deepest nesting of parentheses a query may have. */
	public static final int MAX_DEPTH = 100;
	private static final Pattern COLUMN = Pattern.compile("column (\\d+)"); //$NON-NLS-1$

	private final Analyzer analyzer;
	private final String[] defaultFields;
	private final Map<String, Float> boosts;
	private final GraphOperators graph;

	/**
	 * @param defaultFields the fields of unfielded words, e.g. {@code contents}, or {@code title, abstract}
	 * @param boosts        weights of the default fields (multifield BM25), may be empty
	 */
	public PaperQueryParser(Analyzer analyzer, String[] defaultFields, Map<String, Float> boosts,
			GraphOperators graph) {
		this.analyzer = analyzer;
		this.defaultFields = defaultFields.clone();
		this.boosts = Map.copyOf(boosts);
		this.graph = graph;
	}

	/** Parses a query; never throws for bad input. */
	public Parsed parse(String text) {
		if (text == null || text.isBlank()) {
			return new Parsed(null, new QueryError("The query is empty.", 0)); //$NON-NLS-1$
		}
		QueryError tooDeep = tooDeep(text);
		if (tooDeep != null) {
			return new Parsed(null, tooDeep);
		}
		List<Integer> inserted = new ArrayList<>();
		String rewritten = quoteIdentifiers(text, inserted);
		Parser p = new Parser(defaultFields, analyzer, boosts);
		try {
			return new Parsed(p.parse(rewritten), null);
		} catch (ParseException e) {
			if (p.fieldError != null) {
				return new Parsed(null,
						new QueryError(p.fieldError.getMessage(), fieldPosition(text, p.fieldError.field)));
			}
			return new Parsed(null, toError(e, text, inserted));
		} catch (RuntimeException e) {
			// e.g. TooManyClauses while expanding
			return new Parsed(null, new QueryError("The query cannot be run: " + e.getMessage(), -1)); //$NON-NLS-1$
		}
	}

	/**
	 * The parser (and the query's tree) recurse once per nested group: a query nesting deeper than
	 * {@value #MAX_DEPTH} levels is refused before parsing, with the position of the first parenthesis too deep
	 * (parentheses inside quotes and after {@code \\} do not count).
	 */
	static QueryError tooDeep(String text) {
		int depth = 0;
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\') {
				i++;
			} else if (c == '"') {
				quoted = !quoted;
			} else if (!quoted && c == '(' && ++depth > MAX_DEPTH) {
				return new QueryError("The query nests parentheses more than " + MAX_DEPTH //$NON-NLS-1$
						+ " levels deep: remove some of them.", i); //$NON-NLS-1$
			} else if (!quoted && c == ')') {
				depth = Math.max(0, depth - 1);
			}
		}
		return null;
	}

	private static String quoteIdentifiers(String text, List<Integer> inserted) {
		Matcher m = ID_VALUE.matcher(text);
		StringBuilder sb = new StringBuilder();
		int last = 0;
		while (m.find()) {
			sb.append(text, last, m.start(2));
			inserted.add(sb.length());
			sb.append('"').append(m.group(2)).append('"');
			inserted.add(sb.length() - 1);
			last = m.end(2);
		}
		return sb.append(text.substring(last)).toString();
	}

	private static QueryError toError(ParseException e, String original, List<Integer> inserted) {
		String message = e.getMessage() == null ? "" : e.getMessage(); //$NON-NLS-1$
		int position = -1;
		Matcher m = COLUMN.matcher(message);
		if (m.find()) {
			position = Integer.parseInt(m.group(1)); // the classic parser counts columns from 0
			int shift = 0;
			for (int at : inserted) {
				if (at < position) {
					shift++;
				}
			}
			position = Math.min(original.length(), Math.max(0, position - shift));
		}
		String detail = message.replaceFirst("(?s)^Cannot parse '.*?': ", "") //$NON-NLS-1$ //$NON-NLS-2$
				.replaceFirst("(?s)\\s*Was expecting.*$", "") //$NON-NLS-1$ //$NON-NLS-2$
				.replaceFirst("\\s*at line \\d+, column \\d+\\.?", "").strip(); //$NON-NLS-1$ //$NON-NLS-2$
		if (detail.contains("<EOF>")) { //$NON-NLS-1$
			detail = "the query ends too early (an unclosed quote or parenthesis, or a dangling operator?)"; //$NON-NLS-1$
			position = original.length();
		} else if (detail.startsWith("Encountered") && unexpected(e) != null) { //$NON-NLS-1$
			// the parser's own wording lists token kinds ("Encountered \" \")\" \") \"\""); say it plainly
			detail = "unexpected '" + unexpected(e) + "' here (quote it to search for it as a word)"; //$NON-NLS-1$ //$NON-NLS-2$
		}
		return new QueryError("Syntax error: " + detail, position); //$NON-NLS-1$
	}

	/** The text of the token the parser did not expect, from the exception or the one it wraps; null if unknown. */
	private static String unexpected(ParseException e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof ParseException p && p.currentToken != null && p.currentToken.next != null
					&& p.currentToken.next.image != null && !p.currentToken.next.image.isEmpty()) {
				return p.currentToken.next.image;
			}
		}
		return null;
	}

	static int fieldPosition(String original, String field) {
		int i = original.toLowerCase(Locale.ROOT).indexOf(field.toLowerCase(Locale.ROOT) + ":"); //$NON-NLS-1$
		return Math.max(i, 0);
	}

	/** A problem with one field's value, located at that field in the query. */
	private static final class FieldException extends ParseException {
		private static final long serialVersionUID = 1L;
		final String field;

		FieldException(String field, String message) {
			super(message);
			this.field = field;
		}
	}

	private final class Parser extends MultiFieldQueryParser {

		/** The first field problem, kept because the classic parser re-wraps exceptions. */
		FieldException fieldError;

		private FieldException fail(String rawField, String message) {
			FieldException e = new FieldException(rawField, message);
			if (fieldError == null) {
				fieldError = e;
			}
			return e;
		}

		Parser(String[] fields, Analyzer analyzer, Map<String, Float> boosts) {
			super(fields, analyzer, boosts.isEmpty() ? null : boosts);
			setDefaultOperator(QueryParser.OR_OPERATOR);
			setSplitOnWhitespace(true);
		}

		private String field(String raw) throws ParseException {
			if (raw == null) {
				return null;
			}
			String f = FIELDS.get(raw.toLowerCase(Locale.ROOT));
			if (f == null) {
				throw fail(raw, "Unknown field '" + raw //$NON-NLS-1$
						+ ":'. Use title, abstract, author, venue, year, id, arxiv, doi, citekey, cites, citedby, citedin or related."); //$NON-NLS-1$
			}
			return f;
		}

		@Override
		protected Query getFieldQuery(String rawField, String queryText, boolean quoted) throws ParseException {
			String f = field(rawField);
			if (f == null) {
				return super.getFieldQuery(null, queryText, quoted);
			}
			switch (f) {
				case PaperFields.YEAR : {
					Query q = YearRange.parse(PaperFields.YEAR, queryText);
					if (q == null) {
						throw fail(rawField, "'" + queryText //$NON-NLS-1$
								+ "' is not a year condition: write year:2023, year:2022..2024, year:>=2023 or year:<2020."); //$NON-NLS-1$
					}
					return q;
				}
				case PaperFields.ID :
					return new TermQuery(new Term(f, queryText.strip()));
				case PaperFields.ARXIV :
					return exact(f, PaperIds.normalizeArxiv(queryText));
				case PaperFields.DOI :
					return exact(f, PaperIds.normalizeDoi(queryText));
				case PaperFields.CITE_KEY :
					return exact(f, queryText.strip().toLowerCase(Locale.ROOT));
				case "cites" : //$NON-NLS-1$
				case "citedby" : //$NON-NLS-1$
				case "related" : //$NON-NLS-1$
				case "citedin" : //$NON-NLS-1$
					return graphQuery(rawField, f, queryText);
				default :
					return super.getFieldQuery(f, queryText, quoted);
			}
		}

		private Query exact(String field, String value) {
			return value == null ? new MatchNoDocsQuery() : new TermQuery(new Term(field, value));
		}

		private Query graphQuery(String rawField, String op, String paper) throws ParseException {
			Collection<String> ids;
			try {
				ids = switch (op) {
					case "cites" -> graph.citing(paper); //$NON-NLS-1$
					case "citedby" -> graph.citedBy(paper); //$NON-NLS-1$
					case "citedin" -> graph.citedIn(paper); //$NON-NLS-1$
					default -> graph.related(paper);
				};
			} catch (GraphOperators.UnresolvedPaperException e) {
				throw fail(rawField, e.getMessage());
			}
			if (ids.isEmpty()) {
				return new MatchNoDocsQuery(op + ":" + paper + " matches no paper"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			List<BytesRef> terms = ids.stream().map(BytesRef::new).toList();
			return new ConstantScoreQuery(new TermInSetQuery(PaperFields.ID, terms));
		}

		@Override
		protected Query getFieldQuery(String rawField, String queryText, int slop) throws ParseException {
			String f = field(rawField);
			if (f != null && !isText(f)) {
				return getFieldQuery(rawField, queryText, true);
			}
			return super.getFieldQuery(f, queryText, slop);
		}

		@Override
		protected Query getRangeQuery(String rawField, String part1, String part2, boolean startInclusive,
				boolean endInclusive) throws ParseException {
			String f = field(rawField);
			if (PaperFields.YEAR.equals(f)) {
				Integer lo = YearRange.bound(part1);
				Integer hi = YearRange.bound(part2);
				if (lo != null && lo < 0 || hi != null && hi < 0) {
					throw fail(rawField, "A year range needs years: year:[2020 TO 2023]."); //$NON-NLS-1$
				}
				int a = lo == null ? Integer.MIN_VALUE : startInclusive ? lo : lo + 1;
				int b = hi == null ? Integer.MAX_VALUE : endInclusive ? hi : hi - 1;
				return IntPoint.newRangeQuery(PaperFields.YEAR, a, b);
			}
			return super.getRangeQuery(f, part1, part2, startInclusive, endInclusive);
		}

		@Override
		protected Query getPrefixQuery(String rawField, String termStr) throws ParseException {
			return super.getPrefixQuery(textField(rawField), termStr);
		}

		@Override
		protected Query getWildcardQuery(String rawField, String termStr) throws ParseException {
			if ("*".equals(rawField) && "*".equals(termStr)) { //$NON-NLS-1$ //$NON-NLS-2$
				return new MatchAllDocsQuery();
			}
			return super.getWildcardQuery(textField(rawField), termStr);
		}

		@Override
		protected Query getFuzzyQuery(String rawField, String termStr, float minSimilarity) throws ParseException {
			return super.getFuzzyQuery(textField(rawField), termStr, minSimilarity);
		}

		@Override
		protected Query getRegexpQuery(String rawField, String termStr) throws ParseException {
			return super.getRegexpQuery(textField(rawField), termStr);
		}

		private String textField(String rawField) throws ParseException {
			String f = field(rawField);
			if (f != null && !isText(f)) {
				throw fail(rawField, "Wildcards, fuzzy and regular expressions work on text fields only."); //$NON-NLS-1$
			}
			return f;
		}

		/** The conjunction before each clause of the lists being parsed (see {@link ClauseComposition}). */
		private final Map<List<BooleanClause>, List<Integer>> conjunctions = new IdentityHashMap<>();

		@Override
		protected void addClause(List<BooleanClause> clauses, int conj, int mods, Query q) {
			int before = clauses.size();
			super.addClause(clauses, conj, mods, q);
			if (clauses.size() > before) {
				conjunctions.computeIfAbsent(clauses, k -> new ArrayList<>()).add(conj);
			}
		}

		@Override
		protected Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
			List<Integer> conj = conjunctions.remove(clauses);
			return super.getBooleanQuery(
					conj == null ? clauses : ClauseComposition.compose(clauses, conj, Set.of(defaultFields)));
		}

		private boolean isText(String f) {
			return switch (f) {
				case PaperFields.TITLE, PaperFields.ABSTRACT, PaperFields.CONTENTS, PaperFields.AUTHOR,
						PaperFields.VENUE ->
					true;
				default -> false;
			};
		}
	}
}
