package org.scriptorium.search.internal.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.scriptorium.search.internal.index.PaperFields;

/**
 * How the clauses of one list (the query, or a parenthesised group) combine when no operator joins them: a fielded
 * clause next to plain words narrows them. {@code year:>=2024 routing} is {@code year:>=2024 AND routing},
 * {@code author:shazeer expert routing} is {@code author:shazeer AND (expert OR routing)}: the plain words keep
 * their own combination (ranked, at least one must match; the Papers filter asks for all of them, see
 * {@link FilterQueries}). A condition ({@code year:}, {@code id:}, {@code arxiv:}, {@code doi:}, {@code citekey:},
 * {@code cites:}, {@code citedby:}, {@code related:}) narrows its neighbours even when they are words of one field
 * ({@code title:(year:>=2024 routing)}, as the search page writes a query restricted to the title). Clauses joined by
 * an explicit {@code OR}, {@code AND}, {@code NOT}, {@code +} or {@code -} keep Lucene's meaning.
 */
final class ClauseComposition {

	/** The classic parser's code of a conjunction introduced by OR ({@code QueryParserBase.CONJ_OR}). */
	static final int CONJ_OR = 2;

	/** Fields whose clauses are conditions rather than text to rank. */
	private static final Set<String> CONDITION_FIELDS = Set.of(PaperFields.YEAR, PaperFields.ID, PaperFields.ARXIV,
			PaperFields.DOI, PaperFields.CITE_KEY);

	private ClauseComposition() {
	}

	/**
	 * @param clauses       the clauses as the classic parser made them (implicit conjunctions as SHOULD)
	 * @param conjunctions  for each clause, the parser's code of the conjunction before it
	 * @param defaultFields the fields plain words search
	 * @return the clauses to build the boolean query of; {@code clauses} itself if nothing changes
	 */
	static List<BooleanClause> compose(List<BooleanClause> clauses, List<Integer> conjunctions,
			Set<String> defaultFields) {
		int n = clauses.size();
		if (n < 2 || conjunctions.size() != n) {
			return clauses;
		}
		boolean[] implicit = new boolean[n];
		boolean[] plain = new boolean[n];
		boolean[] condition = new boolean[n];
		boolean anyPlain = false;
		for (int i = 0; i < n; i++) {
			BooleanClause c = clauses.get(i);
			implicit[i] = c.occur() == Occur.SHOULD && conjunctions.get(i) != CONJ_OR
					&& (i + 1 == n || conjunctions.get(i + 1) != CONJ_OR);
			Set<String> fields = fields(c.query());
			plain[i] = fields.containsAll(defaultFields);
			condition[i] = CONDITION_FIELDS.containsAll(fields);
			anyPlain |= implicit[i] && plain[i];
		}
		List<Integer> narrowing = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			if (implicit[i] && !plain[i] && (condition[i] || anyPlain)) {
				narrowing.add(i);
			}
		}
		if (narrowing.isEmpty()) {
			return clauses;
		}
		List<BooleanClause> out = new ArrayList<>(n);
		List<Query> rest = new ArrayList<>();
		int restAt = -1;
		for (int i = 0; i < n; i++) {
			BooleanClause c = clauses.get(i);
			if (narrowing.contains(i)) {
				out.add(new BooleanClause(c.query(), Occur.MUST));
			} else if (c.occur() == Occur.SHOULD) {
				restAt = restAt < 0 ? out.size() : restAt;
				rest.add(c.query());
			} else {
				out.add(c);
			}
		}
		if (rest.size() == 1) {
			out.add(restAt, new BooleanClause(rest.get(0), Occur.MUST));
		} else if (!rest.isEmpty()) {
			BooleanQuery.Builder any = new BooleanQuery.Builder();
			rest.forEach(q -> any.add(q, Occur.SHOULD));
			out.add(restAt, new BooleanClause(any.build(), Occur.MUST));
		}
		return out;
	}

	/** The fields a query reads (empty for match-all or match-none). */
	private static Set<String> fields(Query query) {
		Set<String> fields = new HashSet<>();
		query.visit(new QueryVisitor() {
			@Override
			public boolean acceptField(String field) {
				fields.add(field);
				return false;
			}

			@Override
			public QueryVisitor getSubVisitor(Occur occur, Query parent) {
				return this;
			}
		});
		return fields;
	}
}
