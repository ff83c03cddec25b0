package org.scriptorium.dense.internal.routing;

import java.util.List;

/**
 * Multinomial logistic regression (softmax regression) with an L2 penalty, trained by full-batch gradient descent
 * from zero weights with a fixed step: deterministic, so no seed is needed, and small enough for plain Java (a few
 * hundred queries of 384 features). Minimises {@code mean cross-entropy + l2/2 * |W|²} (the bias is not penalised).
 */
public final class LogisticRegression {

	/** Penalty used by the experiment's classifier router. */
	public static final double DEFAULT_L2 = 1e-3;
	/** Gradient steps used by the experiment's classifier router. */
	public static final int DEFAULT_ITERATIONS = 500;
	/** Step size; the features are unit vectors, so the loss is smooth enough for a step of 1. */
	static final double STEP = 1.0;

	private final double[][] w;
	private final double[] bias;

	private LogisticRegression(double[][] w, double[] bias) {
		this.w = w;
		this.bias = bias;
	}

	/** Trains on examples {@code x} with labels {@code y} in {@code [0, classes)}. */
	public static LogisticRegression train(List<float[]> x, int[] y, int classes, double l2, int iterations) {
		if (x.isEmpty()) {
			throw new IllegalArgumentException("no training examples");
		}
		int n = x.size();
		int dim = x.get(0).length;
		double[][] w = new double[classes][dim];
		double[] bias = new double[classes];
		double[][] gw = new double[classes][dim];
		double[] gb = new double[classes];
		double[] p = new double[classes];
		LogisticRegression model = new LogisticRegression(w, bias);
		for (int it = 0; it < iterations; it++) {
			for (double[] row : gw) {
				java.util.Arrays.fill(row, 0);
			}
			java.util.Arrays.fill(gb, 0);
			for (int i = 0; i < n; i++) {
				float[] xi = x.get(i);
				model.probabilities(xi, p);
				for (int c = 0; c < classes; c++) {
					double g = p[c] - (y[i] == c ? 1 : 0);
					gb[c] += g;
					double[] row = gw[c];
					for (int d = 0; d < dim; d++) {
						row[d] += g * xi[d];
					}
				}
			}
			for (int c = 0; c < classes; c++) {
				bias[c] -= STEP * gb[c] / n;
				for (int d = 0; d < dim; d++) {
					w[c][d] -= STEP * (gw[c][d] / n + l2 * w[c][d]);
				}
			}
		}
		return model;
	}

	/** The class probabilities of {@code x} into {@code out}. */
	void probabilities(float[] x, double[] out) {
		double max = Double.NEGATIVE_INFINITY;
		for (int c = 0; c < w.length; c++) {
			double z = bias[c];
			for (int d = 0; d < x.length; d++) {
				z += w[c][d] * x[d];
			}
			out[c] = z;
			max = Math.max(max, z);
		}
		double sum = 0;
		for (int c = 0; c < w.length; c++) {
			out[c] = Math.exp(out[c] - max);
			sum += out[c];
		}
		for (int c = 0; c < w.length; c++) {
			out[c] /= sum;
		}
	}

	/** The class probabilities of {@code x}. */
	public double[] probabilities(float[] x) {
		double[] p = new double[w.length];
		probabilities(x, p);
		return p;
	}

	/** The most probable class; equal probabilities go to the class listed first in {@code preference}. */
	public int predict(float[] x, int[] preference) {
		double[] p = probabilities(x);
		int best = preference[0];
		for (int c : preference) {
			if (p[c] > p[best]) {
				best = c;
			}
		}
		return best;
	}
}
