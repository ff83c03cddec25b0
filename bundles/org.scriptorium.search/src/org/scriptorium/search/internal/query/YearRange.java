package org.scriptorium.search.internal.query;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.document.IntPoint;
import org.apache.lucene.search.Query;

/** Year conditions: {@code 2023}, {@code 2022..2024}, {@code 2022..}, {@code ..2024}, {@code >=2023}, {@code <2020}. */
final class YearRange {

	private static final Pattern RANGE = Pattern.compile("(\\d{1,4})?\\.\\.(\\d{1,4})?"); //$NON-NLS-1$
	private static final Pattern COMPARE = Pattern.compile("(>=|<=|>|<|=)?(\\d{1,4})"); //$NON-NLS-1$

	private YearRange() {
	}

	/** The query, or {@code null} when the text is not a year condition. */
	static Query parse(String field, String text) {
		String t = text.strip();
		Matcher m = RANGE.matcher(t);
		if (m.matches() && (m.group(1) != null || m.group(2) != null)) {
			int lo = m.group(1) == null ? Integer.MIN_VALUE : Integer.parseInt(m.group(1));
			int hi = m.group(2) == null ? Integer.MAX_VALUE : Integer.parseInt(m.group(2));
			return IntPoint.newRangeQuery(field, lo, hi);
		}
		m = COMPARE.matcher(t);
		if (m.matches()) {
			int y = Integer.parseInt(m.group(2));
			String op = m.group(1) == null ? "=" : m.group(1); //$NON-NLS-1$
			return switch (op) {
				case ">=" -> IntPoint.newRangeQuery(field, y, Integer.MAX_VALUE); //$NON-NLS-1$
				case ">" -> IntPoint.newRangeQuery(field, y + 1, Integer.MAX_VALUE); //$NON-NLS-1$
				case "<=" -> IntPoint.newRangeQuery(field, Integer.MIN_VALUE, y); //$NON-NLS-1$
				case "<" -> IntPoint.newRangeQuery(field, Integer.MIN_VALUE, y - 1); //$NON-NLS-1$
				default -> IntPoint.newExactQuery(field, y);
			};
		}
		return null;
	}

	/** A bound of a Lucene range {@code [2020 TO 2023]}; {@code *} is open. */
	static Integer bound(String s) {
		if (s == null || s.equals("*")) { //$NON-NLS-1$
			return null;
		}
		return s.matches("\\d{1,4}") ? Integer.valueOf(s) : Integer.valueOf(-1); //$NON-NLS-1$
	}
}
