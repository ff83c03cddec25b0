package org.scriptorium.dense.internal.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.scriptorium.search.internal.SearchCore.ScoredId;
import org.scriptorium.search.internal.eval.Metrics;

/**
 * Uniform fusion of all experts by reciprocal rank fusion (Cormack et al. 2009): a document's score is
 * {@code Σ_e 1 / (k + rank_e)} over the experts that retrieved it (rank from 1 in the expert's trec_eval order);
 * the fused ranking keeps the top {@link #DEPTH}.
 */
public final class Fusion {

	/** Depth of the fused ranking (as every expert run). */
	public static final int DEPTH = 1000;

	private Fusion() {
	}

	/** The RRF ranking of query {@code q} over all experts of {@code table}, in trec_eval order. */
	public static List<ScoredId> rrf(ExpertTable table, int q, int k) {
		Map<String, Double> score = new HashMap<>();
		for (int e = 0; e < table.expertCount(); e++) {
			List<ScoredId> run = table.runs().get(e).get(q);
			for (int r = 0; r < run.size(); r++) {
				score.merge(run.get(r).id(), 1.0 / (k + r + 1), Double::sum);
			}
		}
		List<ScoredId> fused = new ArrayList<>(score.size());
		score.forEach((id, s) -> fused.add(new ScoredId(id, s)));
		List<ScoredId> sorted = Metrics.trecOrder(fused);
		return sorted.size() > DEPTH ? List.copyOf(sorted.subList(0, DEPTH)) : sorted;
	}
}
