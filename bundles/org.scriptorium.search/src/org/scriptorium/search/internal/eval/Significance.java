package org.scriptorium.search.internal.eval;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Statistics over per-query figures as IR papers report them: the paired randomization (permutation) test and the
 * paired t-test for two rankers on the same queries (Smucker, Allan and Carterette, CIKM 2007, recommend the
 * former), and percentile bootstrap confidence intervals of a mean. Every random draw comes from a seeded
 * {@link SplittableRandom}, so a figure is the same on every run.
 */
public final class Significance {

	/** The seed of every draw unless one is given. */
	public static final long SEED = 17;
	/** Random sign assignments of the randomization test. */
	public static final int TRIALS = 100_000;
	/** Bootstrap resamples. */
	public static final int RESAMPLES = 10_000;

	private Significance() {
	}

	/**
	 * Two-sided p-value of the paired randomization test of {@code a} against {@code b} (same queries, same order):
	 * under the null hypothesis each query's difference is as likely to have either sign, so each of {@code trials}
	 * random sign assignments gives a mean difference, and p is the share (with the observed assignment counted,
	 * {@code (hits + 1) / (trials + 1)}) at least as far from 0 as the observed mean difference.
	 */
	public static double randomizationP(double[] a, double[] b, int trials, long seed) {
		double[] d = differences(a, b);
		if (d.length == 0) {
			return 1;
		}
		double observed = Math.abs(sum(d));
		double eps = 1e-12 * Math.max(1, observed);
		SplittableRandom random = new SplittableRandom(seed);
		long hits = 0;
		for (int t = 0; t < trials; t++) {
			double s = 0;
			for (double x : d) {
				s += random.nextBoolean() ? x : -x;
			}
			if (Math.abs(s) >= observed - eps) {
				hits++;
			}
		}
		return (hits + 1) / (double) (trials + 1);
	}

	/** {@link #randomizationP(double[], double[], int, long)} with {@link #TRIALS} and {@link #SEED}. */
	public static double randomizationP(double[] a, double[] b) {
		return randomizationP(a, b, TRIALS, SEED);
	}

	/**
	 * Two-sided p-value of the paired t-test: {@code t = mean(d) / (sd(d) / sqrt(n))} with {@code n - 1} degrees of
	 * freedom. Differences that are all equal give 1 if they are 0 and 0 otherwise; fewer than two queries give 1.
	 */
	public static double pairedTTestP(double[] a, double[] b) {
		double[] d = differences(a, b);
		int n = d.length;
		if (n < 2) {
			return 1;
		}
		double mean = sum(d) / n;
		double ss = 0;
		for (double x : d) {
			ss += (x - mean) * (x - mean);
		}
		double sd = Math.sqrt(ss / (n - 1));
		if (sd == 0) {
			return mean == 0 ? 1 : 0;
		}
		double t = mean / (sd / Math.sqrt(n));
		double df = n - 1;
		return regularizedBeta(df / (df + t * t), df / 2, 0.5);
	}

	/**
	 * The percentile bootstrap interval of the mean of {@code values}: {@code resamples} resamples of the queries
	 * with replacement, the {@code (1 - level) / 2} and {@code (1 + level) / 2} quantiles of their means.
	 *
	 * @return {@code {low, high}}
	 */
	public static double[] bootstrapCi(double[] values, double level, int resamples, long seed) {
		int n = values.length;
		if (n == 0) {
			return new double[]{0, 0};
		}
		SplittableRandom random = new SplittableRandom(seed);
		double[] means = new double[resamples];
		for (int r = 0; r < resamples; r++) {
			double s = 0;
			for (int i = 0; i < n; i++) {
				s += values[random.nextInt(n)];
			}
			means[r] = s / n;
		}
		Arrays.sort(means);
		return new double[]{quantile(means, (1 - level) / 2), quantile(means, (1 + level) / 2)};
	}

	/** The 95 % interval with {@link #RESAMPLES} and {@link #SEED}. */
	public static double[] bootstrapCi95(double[] values) {
		return bootstrapCi(values, 0.95, RESAMPLES, SEED);
	}

	/** Linear interpolation between the order statistics of sorted {@code x} (type 7, as R and NumPy default). */
	static double quantile(double[] sorted, double p) {
		double h = (sorted.length - 1) * p;
		int lo = (int) Math.floor(h);
		int hi = Math.min(lo + 1, sorted.length - 1);
		return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
	}

	private static double[] differences(double[] a, double[] b) {
		if (a.length != b.length) {
			throw new IllegalArgumentException("paired tests need the same queries on both sides"); //$NON-NLS-1$
		}
		double[] d = new double[a.length];
		for (int i = 0; i < d.length; i++) {
			d[i] = a[i] - b[i];
		}
		return d;
	}

	private static double sum(double[] d) {
		double s = 0;
		for (double x : d) {
			s += x;
		}
		return s;
	}

	/**
	 * The regularized incomplete beta function {@code I_x(a, b)}, evaluated by its continued fraction (modified
	 * Lentz), using the symmetry {@code I_x(a, b) = 1 - I_(1-x)(b, a)} where the fraction converges slowly.
	 */
	static double regularizedBeta(double x, double a, double b) {
		if (x <= 0) {
			return 0;
		}
		if (x >= 1) {
			return 1;
		}
		if (x > (a + 1) / (a + b + 2)) {
			return 1 - regularizedBeta(1 - x, b, a);
		}
		double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x))
				/ a;
		double tiny = 1e-300;
		double f = 1, c = 1, d = 0;
		for (int i = 0; i <= 400; i++) {
			int m = i / 2;
			double numerator;
			if (i == 0) {
				numerator = 1;
			} else if (i % 2 == 0) {
				numerator = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
			} else {
				numerator = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
			}
			d = 1 + numerator * d;
			d = Math.abs(d) < tiny ? tiny : d;
			d = 1 / d;
			c = 1 + numerator / c;
			c = Math.abs(c) < tiny ? tiny : c;
			double cd = c * d;
			f *= cd;
			if (Math.abs(1 - cd) < 1e-15) {
				break;
			}
		}
		return front * (f - 1);
	}

	/** {@code ln Γ(x)} for {@code x > 0} (Lanczos, g = 7, nine coefficients; about 15 significant digits). */
	static double logGamma(double x) {
		if (x < 0.5) {
			return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
		}
		double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
				-176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
				1.5056327351493116e-7};
		double y = x - 1;
		double s = g[0];
		for (int i = 1; i < g.length; i++) {
			s += g[i] / (y + i);
		}
		double t = y + 7.5;
		return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(s);
	}
}
