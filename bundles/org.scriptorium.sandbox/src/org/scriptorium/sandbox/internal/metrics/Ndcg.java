package org.scriptorium.sandbox.internal.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * §3.9 nDCG@k as trec_eval {@code ndcg_cut} (which BEIR uses): linear gain {@code rel / log2(r+1)}, IDCG
 * from all judged documents of the query sorted by relevance. Ties in score are broken by document id in
 * DESCENDING lexicographic order (trec_eval's docno rule). Queries without a relevant judgment are
 * skipped by {@link #mean}.
 */
public final class Ndcg {

    private Ndcg() {
    }

    /** nDCG@k for one query. */
    public static double ndcgAt(int k, Map<String, Double> scores, Map<String, Integer> qrels) {
        List<String> ranked = new ArrayList<>(scores.keySet());
        ranked.sort(Comparator.comparing((String d) -> scores.get(d)).reversed()
                .thenComparing(Comparator.<String>reverseOrder()));
        double dcg = 0;
        for (int r = 0; r < Math.min(k, ranked.size()); r++) {
            int rel = qrels.getOrDefault(ranked.get(r), 0);
            dcg += rel / log2(r + 2);
        }
        List<Integer> ideal = new ArrayList<>(qrels.values());
        ideal.sort(Comparator.reverseOrder());
        double idcg = 0;
        for (int r = 0; r < Math.min(k, ideal.size()); r++) {
            idcg += ideal.get(r) / log2(r + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    /** Mean nDCG@k over queries that have at least one relevant document. */
    public static double mean(int k, Map<String, Map<String, Double>> run, Map<String, Map<String, Integer>> qrels) {
        double s = 0;
        int n = 0;
        for (var e : qrels.entrySet()) {
            boolean anyRelevant = e.getValue().values().stream().anyMatch(v -> v > 0);
            if (!anyRelevant) {
                continue;
            }
            s += ndcgAt(k, run.getOrDefault(e.getKey(), Map.of()), e.getValue());
            n++;
        }
        return n == 0 ? 0 : s / n;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
