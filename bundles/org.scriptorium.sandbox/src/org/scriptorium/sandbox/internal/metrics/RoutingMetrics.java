package org.scriptorium.sandbox.internal.metrics;

/**
 * Routing metrics of routing-spec §3. Loads are EXECUTED counts l_i over routed experts (shared experts
 * excluded). Entropies are in nats.
 */
public final class RoutingMetrics {

	private RoutingMetrics() {
	}

	/** §3.2 coefficient of variation of load, population std / mean; 0 if the mean is 0. */
	public static double loadCv(double[] load) {
		double mean = mean(load);
		if (mean == 0) {
			return 0;
		}
		double v = 0;
		for (double l : load) {
			v += (l - mean) * (l - mean);
		}
		return Math.sqrt(v / load.length) / mean;
	}

	/** §3.3 max/mean load ({@code MaxVio = this − 1}); 0 if the mean is 0. */
	public static double maxMeanLoad(double[] load) {
		double mean = mean(load);
		if (mean == 0) {
			return 0;
		}
		double max = Double.NEGATIVE_INFINITY;
		for (double l : load) {
			max = Math.max(max, l);
		}
		return max / mean;
	}

	/** §3.4 assignment-level drop rate {@code (|R| − |A|)/|R|}. */
	public static double dropRate(long requested, long executed) {
		return requested == 0 ? 0 : (double) (requested - executed) / requested;
	}

	/** §3.6 entropy of one distribution, nats. */
	public static double entropy(double[] p) {
		double h = 0;
		for (double x : p) {
			if (x > 0) {
				h -= x * Math.log(x);
			}
		}
		return h;
	}

	/** §3.6 marginal (utilisation) entropy {@code −Σ u_i log u_i} with {@code u = l/Σl}. */
	public static double marginalEntropy(double[] load) {
		double s = 0;
		for (double l : load) {
			s += l;
		}
		if (s == 0) {
			return 0;
		}
		double[] u = new double[load.length];
		for (int i = 0; i < u.length; i++) {
			u[i] = load[i] / s;
		}
		return entropy(u);
	}

	/** Result of {@link #mutualInformation(double[][])}. */
	public record Mi(double mi, double nmi, double hDomain, double hExpert) {
	}

	/**
	 * §3.7 mutual information between domain and expert from hard joint counts {@code n[d][i]},
	 * {@code NMI = MI / min(H(D), H(E))} (0 when the minimum entropy is 0).
	 */
	public static Mi mutualInformation(double[][] n) {
		double total = 0;
		for (double[] row : n) {
			for (double v : row) {
				total += v;
			}
		}
		if (total == 0) {
			return new Mi(0, 0, 0, 0);
		}
		int dCount = n.length;
		int eCount = n[0].length;
		double[] pd = new double[dCount];
		double[] pe = new double[eCount];
		for (int d = 0; d < dCount; d++) {
			for (int i = 0; i < eCount; i++) {
				pd[d] += n[d][i] / total;
				pe[i] += n[d][i] / total;
			}
		}
		double mi = 0;
		for (int d = 0; d < dCount; d++) {
			for (int i = 0; i < eCount; i++) {
				double p = n[d][i] / total;
				if (p > 0) {
					mi += p * Math.log(p / (pd[d] * pe[i]));
				}
			}
		}
		double hd = entropy(pd);
		double he = entropy(pe);
		double denom = Math.min(hd, he);
		return new Mi(Math.max(0, mi), denom > 0 ? Math.max(0, mi) / denom : 0, hd, he);
	}

	/** §3.7 selection-frequency matrix {@code F[d][i] = n(d,i) / |tokens of domain d|}. */
	public static double[][] selectionFrequency(double[][] n, long[] tokensPerDomain) {
		double[][] f = new double[n.length][];
		for (int d = 0; d < n.length; d++) {
			f[d] = new double[n[d].length];
			for (int i = 0; i < n[d].length; i++) {
				f[d][i] = tokensPerDomain[d] == 0 ? 0 : n[d][i] / tokensPerDomain[d];
			}
		}
		return f;
	}

	static double mean(double[] x) {
		double s = 0;
		for (double v : x) {
			s += v;
		}
		return x.length == 0 ? 0 : s / x.length;
	}
}
