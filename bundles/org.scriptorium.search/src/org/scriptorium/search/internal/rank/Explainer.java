package org.scriptorium.search.internal.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.scriptorium.search.HitExplanation;

/** Builds "why this rank" from Lucene's own {@link Explanation} of the BM25 part plus the citation parts. */
public final class Explainer {

	private Explainer() {
	}

	public static HitExplanation explain(IndexSearcher s, Query q, RankedDoc d, boolean citationAware)
			throws IOException {
		return explain(s, q, d, citationAware, null);
	}

	/**
	 * @param firstStage where a dense or fused first-stage score came from ({@link FirstStage.Hits#notes()}), or
	 *                   null for BM25
	 */
	public static HitExplanation explain(IndexSearcher s, Query q, RankedDoc d, boolean citationAware,
			String firstStage) throws IOException {
		Explanation e = s.explain(q, d.doc());
		Map<String, Double> fields = new LinkedHashMap<>();
		collect(e, fields);
		List<String> lines = new ArrayList<>();
		if (firstStage != null) {
			lines.add("first stage: " + firstStage); //$NON-NLS-1$
		}
		fields.forEach((f, v) -> lines.add(String.format(Locale.ROOT, "BM25 %s: %.4f", f, v))); //$NON-NLS-1$
		if (citationAware) {
			lines.add(String.format(Locale.ROOT, "citation prior (PageRank, cited-by): +%.4f", d.prior())); //$NON-NLS-1$
			lines.add(String.format(Locale.ROOT, "propagated from top text hits: +%.4f", d.graph())); //$NON-NLS-1$
			d.reasons().forEach(r -> lines.add("  " + r)); //$NON-NLS-1$
			lines.add(String.format(Locale.ROOT,
					"score = %.4f (first-stage score normalised by the best hit) + prior + propagated = %.4f", //$NON-NLS-1$
					d.score() - d.prior() - d.graph(), d.score()));
		}
		return new HitExplanation(d.text(), Map.copyOf(fields), d.prior(), d.graph(), d.score(), List.copyOf(lines));
	}

	private static void collect(Explanation e, Map<String, Double> fields) {
		String desc = e.getDescription();
		if (desc.startsWith("weight(")) { //$NON-NLS-1$
			int colon = desc.indexOf(':');
			String field = colon > 7 ? desc.substring(7, colon) : "text"; //$NON-NLS-1$
			fields.merge(field, (double) e.getValue().floatValue(), Double::sum);
			return;
		}
		if (desc.startsWith("ConstantScore") || desc.startsWith("IndexOrDocValuesQuery") //$NON-NLS-1$ //$NON-NLS-2$
				|| desc.startsWith("year:") || desc.startsWith("id:")) { //$NON-NLS-1$ //$NON-NLS-2$
			fields.merge("filters (constant)", (double) e.getValue().floatValue(), Double::sum); //$NON-NLS-1$
			return;
		}
		Explanation[] details = e.getDetails();
		if (details.length == 0) {
			if (e.isMatch() && e.getValue().doubleValue() != 0) {
				fields.merge("other", e.getValue().doubleValue(), Double::sum); //$NON-NLS-1$
			}
			return;
		}
		for (Explanation d : details) {
			if (d.isMatch()) {
				collect(d, fields);
			}
		}
	}
}
