package org.scriptorium.sandbox.internal.metrics;

import org.scriptorium.sandbox.internal.math.Rng;

/** §3.8 accuracy, macro-F1 and a percentile bootstrap confidence interval over test examples. */
public final class Accuracy {

	private Accuracy() {
	}

	/** A point estimate with a confidence interval. */
	public record Interval(double value, double low, double high) {
	}

	public static double accuracy(int[] predicted, int[] label) {
		int ok = 0;
		for (int i = 0; i < label.length; i++) {
			if (predicted[i] == label[i]) {
				ok++;
			}
		}
		return label.length == 0 ? 0 : (double) ok / label.length;
	}

	/** Mean over classes of {@code 2PR/(P+R)}; a class with P+R = 0 contributes 0. */
	public static double macroF1(int[] predicted, int[] label, int classes) {
		double sum = 0;
		for (int c = 0; c < classes; c++) {
			int tp = 0;
			int fp = 0;
			int fn = 0;
			for (int i = 0; i < label.length; i++) {
				boolean p = predicted[i] == c;
				boolean y = label[i] == c;
				if (p && y) {
					tp++;
				} else if (p) {
					fp++;
				} else if (y) {
					fn++;
				}
			}
			double prec = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
			double rec = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
			sum += prec + rec == 0 ? 0 : 2 * prec * rec / (prec + rec);
		}
		return sum / classes;
	}

	/** The sum of one resample with replacement (a method of its own, so that the JIT compiles it early). */
	private static double resampleSum(double[] values, Rng rng) {
		int n = values.length;
		double s = 0;
		for (int i = 0; i < n; i++) {
			s += values[rng.nextInt(n)];
		}
		return s;
	}

	/** Percentile bootstrap of the mean of {@code values} (e.g. 0/1 correctness), 95% by default. */
	public static Interval bootstrapMean(double[] values, int resamples, double level, Rng rng) {
		int n = values.length;
		double mean = RoutingMetrics.mean(values);
		if (n == 0 || resamples <= 0) {
			return new Interval(mean, mean, mean);
		}
		double[] stats = new double[resamples];
		for (int b = 0; b < resamples; b++) {
			stats[b] = resampleSum(values, rng) / n;
		}
		java.util.Arrays.sort(stats);
		double alpha = (1 - level) / 2;
		int lo = (int) Math.floor(alpha * (resamples - 1));
		int hi = (int) Math.ceil((1 - alpha) * (resamples - 1));
		return new Interval(mean, stats[lo], stats[hi]);
	}
}
