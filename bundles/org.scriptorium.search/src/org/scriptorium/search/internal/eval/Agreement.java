package org.scriptorium.search.internal.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * How far two judges agree on the same (query, document) pairs: the share of equal grades, Cohen's kappa
 * (unweighted, linearly and quadratically weighted over the ordered grades) and the binary kappa of relevant
 * (grade &gt; 0) against not. Pairs only one judge graded are counted, not compared.
 *
 * @param pairs     pairs both judges graded
 * @param onlyA     pairs only judge A graded
 * @param onlyB     pairs only judge B graded
 * @param grades    the grades seen, ascending (the rows and columns of {@code confusion})
 * @param confusion counts: row = judge A's grade, column = judge B's grade
 * @param exact     share of the pairs with equal grades
 * @param kappa     Cohen's kappa (every disagreement counts fully)
 * @param linear    weighted kappa, weights {@code 1 - |i - j| / (k - 1)}
 * @param quadratic weighted kappa, weights {@code 1 - ((i - j) / (k - 1))²}
 * @param binary    Cohen's kappa of "grade &gt; 0" against "grade ≤ 0"
 */
public record Agreement(int pairs, int onlyA, int onlyB, int[] grades, long[][] confusion, double exact,
		double kappa, double linear, double quadratic, double binary) {

	/** The agreement of judgments {@code a} and {@code b} (query id → document id → grade). */
	public static Agreement of(Map<String, Map<String, Integer>> a, Map<String, Map<String, Integer>> b) {
		TreeSet<Integer> seen = new TreeSet<>();
		int onlyA = 0, onlyB = 0;
		for (var q : a.entrySet()) {
			Map<String, Integer> other = b.getOrDefault(q.getKey(), Map.of());
			for (var d : q.getValue().entrySet()) {
				if (other.containsKey(d.getKey())) {
					seen.add(d.getValue());
					seen.add(other.get(d.getKey()));
				} else {
					onlyA++;
				}
			}
		}
		for (var q : b.entrySet()) {
			Map<String, Integer> other = a.getOrDefault(q.getKey(), Map.of());
			for (String d : q.getValue().keySet()) {
				onlyB += other.containsKey(d) ? 0 : 1;
			}
		}
		int[] grades = seen.stream().mapToInt(Integer::intValue).toArray();
		Map<Integer, Integer> index = new LinkedHashMap<>();
		for (int i = 0; i < grades.length; i++) {
			index.put(grades[i], i);
		}
		long[][] m = new long[grades.length][grades.length];
		long[][] bin = new long[2][2];
		int n = 0;
		for (var q : a.entrySet()) {
			Map<String, Integer> other = b.getOrDefault(q.getKey(), Map.of());
			for (var d : q.getValue().entrySet()) {
				Integer gb = other.get(d.getKey());
				if (gb != null) {
					m[index.get(d.getValue())][index.get(gb)]++;
					bin[d.getValue() > 0 ? 1 : 0][gb > 0 ? 1 : 0]++;
					n++;
				}
			}
		}
		int k = grades.length;
		double exact = 0;
		for (int i = 0; i < k; i++) {
			exact += m[i][i];
		}
		exact = n == 0 ? Double.NaN : exact / n;
		return new Agreement(n, onlyA, onlyB, grades, m, exact, kappa(m, Weight.NONE), kappa(m, Weight.LINEAR),
				kappa(m, Weight.QUADRATIC), kappa(bin, Weight.NONE));
	}

	private enum Weight {
		NONE, LINEAR, QUADRATIC
	}

	/** Cohen's (weighted) kappa of a square confusion matrix: (observed − expected) / (1 − expected) agreement. */
	private static double kappa(long[][] m, Weight weight) {
		int k = m.length;
		double n = 0;
		double[] rows = new double[k], cols = new double[k];
		for (int i = 0; i < k; i++) {
			for (int j = 0; j < k; j++) {
				n += m[i][j];
				rows[i] += m[i][j];
				cols[j] += m[i][j];
			}
		}
		if (n == 0) {
			return Double.NaN;
		}
		double observed = 0, expected = 0;
		for (int i = 0; i < k; i++) {
			for (int j = 0; j < k; j++) {
				double w = weight(i, j, k, weight);
				observed += w * m[i][j] / n;
				expected += w * rows[i] * cols[j] / (n * n);
			}
		}
		// both judges gave one and the same grade to everything: agreement is perfect but kappa undefined
		return expected >= 1 ? Double.NaN : (observed - expected) / (1 - expected);
	}

	private static double weight(int i, int j, int k, Weight weight) {
		if (i == j) {
			return 1;
		}
		double d = Math.abs(i - j) / (double) (k - 1);
		return switch (weight) {
			case NONE -> 0;
			case LINEAR -> 1 - d;
			case QUADRATIC -> 1 - d * d;
		};
	}

	/**
	 * The judgments both judges agree on (pairs graded alike by both); a pair they grade differently, or only one of
	 * them grades, is left out, so rankers can be scored on the agreed judgments alone.
	 */
	public static Map<String, Map<String, Integer>> agreed(Map<String, Map<String, Integer>> a,
			Map<String, Map<String, Integer>> b) {
		Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
		for (var q : a.entrySet()) {
			Map<String, Integer> other = b.getOrDefault(q.getKey(), Map.of());
			for (var d : q.getValue().entrySet()) {
				if (d.getValue().equals(other.get(d.getKey()))) {
					out.computeIfAbsent(q.getKey(), x -> new LinkedHashMap<>()).put(d.getKey(), d.getValue());
				}
			}
		}
		return out;
	}
}
