package org.scriptorium.sandbox.internal.model;

import java.util.List;

import org.scriptorium.sandbox.internal.math.Kernels;
import org.scriptorium.sandbox.internal.math.Rng;

/** One expert: {@code v = B · gelu(A h + a) + b}, a hidden→eh→hidden MLP. */
final class Expert {

	final Param a;
	final Param ab;
	final Param b;
	final Param bb;

	Expert(String name, int hidden, int eh, Rng rng) {
		a = new Param(name + ".A", rng.gaussianMatrix(eh, hidden, 1.0 / Math.sqrt(hidden)));
		ab = new Param(name + ".a", new double[1][eh]);
		b = new Param(name + ".B", rng.gaussianMatrix(hidden, eh, 1.0 / Math.sqrt(eh)));
		bb = new Param(name + ".b", new double[1][hidden]);
	}

	void addTo(List<Param> ps) {
		ps.add(a);
		ps.add(ab);
		ps.add(b);
		ps.add(bb);
	}

	/** Activations of one expert on the rows it received. */
	static final class Pass {
		int[] rows;
		double[][] in;
		double[][] pre;
		double[][] u;
		/** gelu'(pre), computed with u. */
		double[][] dGelu;
		double[][] out;
	}

	Pass forward(int[] rows, double[][] h) {
		Pass p = new Pass();
		p.rows = rows;
		p.in = new double[rows.length][];
		for (int i = 0; i < rows.length; i++) {
			p.in[i] = h[rows[i]];
		}
		p.pre = Kernels.matmulABt(p.in, a.packed);
		Kernels.addBias(p.pre, ab.w[0]);
		p.dGelu = new double[rows.length][];
		p.u = Kernels.gelu(p.pre, p.dGelu);
		p.out = Kernels.matmulABt(p.u, b.packed);
		Kernels.addBias(p.out, bb.w[0]);
		return p;
	}

	/** Backward given dOut (rows × hidden); returns dIn (rows × hidden) and accumulates weight gradients. */
	double[][] backward(Pass p, double[][] dOut) {
		Kernels.addAtB(dOut, p.u, b.g);
		Kernels.addColumnSums(dOut, bb.g[0]);
		double[][] du = Kernels.matmulAB(dOut, b.packed);
		double[][] dPre = Kernels.hadamard(du, p.dGelu);
		Kernels.addAtB(dPre, p.in, a.g);
		Kernels.addColumnSums(dPre, ab.g[0]);
		return Kernels.matmulAB(dPre, a.packed);
	}
}
