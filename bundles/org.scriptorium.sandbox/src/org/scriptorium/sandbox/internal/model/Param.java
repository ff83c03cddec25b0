package org.scriptorium.sandbox.internal.model;

import org.scriptorium.sandbox.internal.math.PackedMatrix;

/** A trainable matrix with its gradient and Adam moments (biases are 1×n matrices). */
public final class Param {

	public final String name;
	public final double[][] w;
	public final double[][] g;
	final double[][] m;
	final double[][] v;
	/** w's packed copies for the products, rebuilt after {@link #changed()}. */
	public final PackedMatrix packed;

	public Param(String name, double[][] w) {
		this.name = name;
		this.w = w;
		int rows = w.length;
		int cols = rows == 0 ? 0 : w[0].length;
		this.g = new double[rows][cols];
		this.m = new double[rows][cols];
		this.v = new double[rows][cols];
		this.packed = new PackedMatrix(w);
	}

	/** To be called after writing {@link #w} (the optimizer does): the products' packed copies are rebuilt. */
	public void changed() {
		packed.changed();
	}

	public void zeroGrad() {
		for (double[] row : g) {
			java.util.Arrays.fill(row, 0.0);
		}
	}

	public int size() {
		return w.length == 0 ? 0 : w.length * w[0].length;
	}
}
