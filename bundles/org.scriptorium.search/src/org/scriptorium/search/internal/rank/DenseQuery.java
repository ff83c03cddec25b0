package org.scriptorium.search.internal.rank;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a query of the Scriptorium query language for dense retrieval: the free text is embedded, the fielded
 * clauses ({@code year:2022..2024}, {@code author:shazeer}, {@code cites:...}) filter the nearest neighbours.
 * Boolean operators and negated terms only make sense lexically and are left out of both.
 *
 * @param text   the words to embed (quotes removed), empty when the query is only fielded clauses
 * @param filter the fielded clauses joined by AND, empty when there are none
 */
public record DenseQuery(String text, String filter) {

	private static final Pattern TOKEN = Pattern.compile("([+-]?)(?:([A-Za-z][\\w.]*):)?(\"[^\"]*\"?|\\S+)"); //$NON-NLS-1$

	public static DenseQuery split(String query) {
		List<String> words = new ArrayList<>();
		List<String> fielded = new ArrayList<>();
		Matcher m = TOKEN.matcher(query);
		boolean negateNext = false;
		while (m.find()) {
			String sign = m.group(1), field = m.group(2), value = m.group(3);
			if (field == null && (value.equals("AND") || value.equals("OR") || value.equals("&&") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					|| value.equals("||"))) { //$NON-NLS-1$
				continue;
			}
			if (field == null && value.equals("NOT")) { //$NON-NLS-1$
				negateNext = true;
				continue;
			}
			boolean negated = negateNext || sign.equals("-"); //$NON-NLS-1$
			negateNext = false;
			if (negated) {
				continue;
			}
			if (field != null) {
				fielded.add(field + ':' + value);
			} else {
				String w = value.replace("\"", "").replaceAll("^[()]+|[()]+$", "").strip(); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				if (!w.isEmpty()) {
					words.add(w);
				}
			}
		}
		return new DenseQuery(String.join(" ", words), String.join(" AND ", fielded)); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
