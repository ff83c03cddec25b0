package org.scriptorium.sandbox.internal.math;

import java.util.SplittableRandom;

/**
 * Deterministic random source. {@link SplittableRandom} has a specified algorithm, so a seed gives the
 * same stream on every JVM; normal deviates come from Box-Muller over it (no cached state surprises).
 */
public final class Rng {

	private final SplittableRandom random;

	public Rng(long seed) {
		this.random = new SplittableRandom(seed);
	}

	private Rng(SplittableRandom random) {
		this.random = random;
	}

	/** An independent child stream; calling order fixes the streams. */
	public Rng split() {
		return new Rng(random.split());
	}

	/** A stream derived from a seed and a label, independent of call order. */
	public static Rng derive(long seed, String label) {
		long h = seed * 0x9E3779B97F4A7C15L;
		for (int i = 0; i < label.length(); i++) {
			h = (h ^ label.charAt(i)) * 0x100000001B3L;
		}
		return new Rng(h ^ (h >>> 29));
	}

	public double uniform() {
		return random.nextDouble();
	}

	public int nextInt(int bound) {
		return random.nextInt(bound);
	}

	public double gaussian() {
		double u1 = random.nextDouble();
		double u2 = random.nextDouble();
		if (u1 < 1e-300) {
			u1 = 1e-300;
		}
		return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
	}

	public double[][] gaussianMatrix(int rows, int cols, double std) {
		double[][] m = new double[rows][cols];
		for (int i = 0; i < rows; i++) {
			for (int j = 0; j < cols; j++) {
				m[i][j] = std * gaussian();
			}
		}
		return m;
	}

	/** Fisher-Yates shuffle of a permutation 0..n-1. */
	public int[] permutation(int n) {
		int[] p = new int[n];
		for (int i = 0; i < n; i++) {
			p[i] = i;
		}
		shuffle(p);
		return p;
	}

	public void shuffle(int[] p) {
		for (int i = p.length - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int tmp = p[i];
			p[i] = p[j];
			p[j] = tmp;
		}
	}
}
