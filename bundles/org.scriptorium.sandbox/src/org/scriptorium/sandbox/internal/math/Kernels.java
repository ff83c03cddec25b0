package org.scriptorium.sandbox.internal.math;

/**
 * Small dense kernels in double precision. Matrices are {@code double[rows][cols]}, row-major.
 * Every kernel is deterministic: loops run in a fixed order, so the same inputs give bit-identical
 * outputs on the same machine. The matrix products go to a {@link KernelBackend} chosen once per JVM.
 */
public final class Kernels {

	private static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);
	private static final double GELU_C = 0.044715;

	private Kernels() {
	}

	/**
	 * The products' implementation: system property {@code scriptorium.kernels} = {@code plain}, {@code vector} or
	 * {@code auto} (the default: the Vector API when the module {@code jdk.incubator.vector} is readable, else plain).
	 */
	/** The system property that chooses the kernels. */
	public static final String PROPERTY = "scriptorium.kernels";

	private static final KernelBackend BACKEND = select(System.getProperty(PROPERTY, "auto"));

	/** The kernels in use. */
	public static KernelBackend backend() {
		return BACKEND;
	}

	/** The Vector API kernels, or null when the module {@code jdk.incubator.vector} is not readable. */
	public static KernelBackend vector() {
		return VectorHolder.VECTOR;
	}

	private static final class VectorHolder {
		static final KernelBackend VECTOR = loadVector();
	}

	private static KernelBackend loadVector() {
		if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
			return null;
		}
		try {
			return (KernelBackend) Class.forName("org.scriptorium.sandbox.internal.math.vector.VectorKernels")
					.getConstructor().newInstance();
		} catch (ReflectiveOperationException | LinkageError e) {
			System.getLogger(Kernels.class.getName()).log(System.Logger.Level.WARNING,
					"the Vector API kernels cannot be loaded; plain kernels are used", e);
			return null;
		}
	}

	static KernelBackend select(String choice) {
		return switch (choice) {
			case "plain" -> PlainKernels.INSTANCE;
			case "vector" -> {
				KernelBackend v = vector();
				if (v == null) {
					throw new IllegalStateException("-D" + PROPERTY
							+ "=vector needs the Vector API: run the JVM with --add-modules jdk.incubator.vector");
				}
				yield v;
			}
			default -> vector() != null ? vector() : PlainKernels.INSTANCE;
		};
	}

	/** {@code C = A · Bᵀ}; A is T×d, B is n×d, C is T×n (a linear layer with weights {@code B[out][in]}). */
	public static double[][] matmulABt(double[][] a, double[][] b) {
		double[][] c = zeros(a.length, b.length);
		BACKEND.matmulABt(a, b, c);
		return c;
	}

	/** {@code C = A · B}; A is T×n, B is n×d, C is T×d. */
	public static double[][] matmulAB(double[][] a, double[][] b) {
		double[][] c = zeros(a.length, b.length == 0 ? 0 : b[0].length);
		BACKEND.matmulAB(a, b, c);
		return c;
	}

	/** {@code C = A · Bᵀ} for a weight matrix B with packed copies kept between calls. */
	public static double[][] matmulABt(double[][] a, PackedMatrix b) {
		double[][] c = zeros(a.length, b.matrix().length);
		BACKEND.matmulABt(a, b, c);
		return c;
	}

	/** {@code C = A · B} for a weight matrix B with packed copies kept between calls. */
	public static double[][] matmulAB(double[][] a, PackedMatrix b) {
		double[][] w = b.matrix();
		double[][] c = zeros(a.length, w.length == 0 ? 0 : w[0].length);
		BACKEND.matmulAB(a, b, c);
		return c;
	}

	/** One Adam step on a row of parameters, the gradient then zeroed ({@link KernelBackend#adam}). */
	public static void adam(double[] w, double[] g, double[] m, double[] v, double scale, double beta1, double beta2,
			double lr, double c1, double c2, double eps) {
		BACKEND.adam(w, g, m, v, scale, beta1, beta2, lr, c1, c2, eps);
	}

	/** {@code acc += Aᵀ · B}; A is T×n, B is T×d, acc is n×d (the weight gradient of a linear layer). */
	public static void addAtB(double[][] a, double[][] b, double[][] acc) {
		BACKEND.addAtB(a, b, acc);
	}

	public static double dot(double[] x, double[] y) {
		double s = 0.0;
		for (int k = 0; k < x.length; k++) {
			s += x[k] * y[k];
		}
		return s;
	}

	/** Adds {@code bias} to every row of {@code m} in place. */
	public static void addBias(double[][] m, double[] bias) {
		for (double[] row : m) {
			for (int j = 0; j < row.length; j++) {
				row[j] += bias[j];
			}
		}
	}

	/** {@code acc[j] += Σ_t m[t][j]} (bias gradient). */
	public static void addColumnSums(double[][] m, double[] acc) {
		for (double[] row : m) {
			for (int j = 0; j < row.length; j++) {
				acc[j] += row[j];
			}
		}
	}

	/** Numerically stable softmax of one row (subtracts the maximum). */
	public static double[] softmax(double[] z) {
		double max = Double.NEGATIVE_INFINITY;
		for (double v : z) {
			max = Math.max(max, v);
		}
		double[] p = new double[z.length];
		double sum = 0.0;
		for (int i = 0; i < z.length; i++) {
			p[i] = z[i] == Double.NEGATIVE_INFINITY ? 0.0 : Math.exp(z[i] - max);
			sum += p[i];
		}
		for (int i = 0; i < z.length; i++) {
			p[i] /= sum;
		}
		return p;
	}

	/** Numerically stable {@code log Σ exp(z)}. */
	public static double logSumExp(double[] z) {
		double max = Double.NEGATIVE_INFINITY;
		for (double v : z) {
			max = Math.max(max, v);
		}
		double sum = 0.0;
		for (double v : z) {
			sum += Math.exp(v - max);
		}
		return max + Math.log(sum);
	}

	/**
	 * Backward pass of softmax: given {@code p = softmax(z)} and {@code dL/dp}, returns
	 * {@code dL/dz_j = p_j (dp_j − Σ_i p_i dp_i)}.
	 */
	public static double[] softmaxBackward(double[] p, double[] dp) {
		double s = dot(p, dp);
		double[] dz = new double[p.length];
		for (int j = 0; j < p.length; j++) {
			dz[j] = p[j] * (dp[j] - s);
		}
		return dz;
	}

	/**
	 * Indices of the k largest values in descending order of value. Ties are broken by the lower
	 * index, so the result is deterministic.
	 */
	public static int[] topK(double[] v, int k) {
		int n = v.length;
		k = Math.min(k, n);
		int[] idx = new int[k];
		boolean[] used = new boolean[n];
		for (int r = 0; r < k; r++) {
			int best = -1;
			for (int i = 0; i < n; i++) {
				if (!used[i] && (best < 0 || v[i] > v[best])) {
					best = i;
				}
			}
			used[best] = true;
			idx[r] = best;
		}
		return idx;
	}

	/** All indices sorted by descending value, ties by lower index (a stable argsort). */
	public static int[] argsortDescending(double[] v) {
		// insertion sort: the vectors are a token's experts (a few to a few dozen); the order is total
		// (Double.compare, then the index), so the result is that of any correct sort
		int[] out = new int[v.length];
		for (int i = 0; i < v.length; i++) {
			int j = i;
			while (j > 0 && Double.compare(v[i], v[out[j - 1]]) > 0) {
				out[j] = out[j - 1];
				j--;
			}
			out[j] = i;
		}
		return out;
	}

	/**
	 * GELU, tanh approximation {@code 0.5 x (1 + tanh(√(2/π)(x + 0.044715 x³)))} (the JDK has no erf;
	 * this is the approximation used by GPT-2/BERT code).
	 */
	public static double gelu(double x) {
		double u = SQRT_2_OVER_PI * (x + GELU_C * x * x * x);
		return 0.5 * x * (1.0 + Math.tanh(u));
	}

	/** Derivative of {@link #gelu(double)}. */
	public static double geluGrad(double x) {
		double u = SQRT_2_OVER_PI * (x + GELU_C * x * x * x);
		double th = Math.tanh(u);
		double du = SQRT_2_OVER_PI * (1.0 + 3.0 * GELU_C * x * x);
		return 0.5 * (1.0 + th) + 0.5 * x * (1.0 - th * th) * du;
	}

	public static double[][] gelu(double[][] m) {
		double[][] out = new double[m.length][];
		for (int i = 0; i < m.length; i++) {
			out[i] = new double[m[i].length];
			for (int j = 0; j < m[i].length; j++) {
				out[i][j] = gelu(m[i][j]);
			}
		}
		return out;
	}

	/**
	 * GELU of every element, and its derivative at every element into {@code grad} (same shape as {@code m}): one
	 * {@code tanh} for both, the same values as {@link #gelu(double)} and {@link #geluGrad(double)}.
	 */
	public static double[][] gelu(double[][] m, double[][] grad) {
		double[][] out = new double[m.length][];
		for (int i = 0; i < m.length; i++) {
			double[] row = m[i];
			double[] o = new double[row.length];
			double[] g = new double[row.length];
			for (int j = 0; j < row.length; j++) {
				double x = row[j];
				double u = SQRT_2_OVER_PI * (x + GELU_C * x * x * x);
				double th = Math.tanh(u);
				o[j] = 0.5 * x * (1.0 + th);
				double du = SQRT_2_OVER_PI * (1.0 + 3.0 * GELU_C * x * x);
				g[j] = 0.5 * (1.0 + th) + 0.5 * x * (1.0 - th * th) * du;
			}
			out[i] = o;
			grad[i] = g;
		}
		return out;
	}

	/** {@code dOut ⊙ grad} element by element (grad from {@link #gelu(double[][], double[][])}). */
	public static double[][] hadamard(double[][] dOut, double[][] grad) {
		double[][] out = new double[dOut.length][];
		for (int i = 0; i < dOut.length; i++) {
			double[] d = dOut[i];
			double[] g = grad[i];
			double[] o = new double[d.length];
			for (int j = 0; j < d.length; j++) {
				o[j] = d[j] * g[j];
			}
			out[i] = o;
		}
		return out;
	}

	/** {@code dPre = dOut ⊙ gelu'(pre)}. */
	public static double[][] geluBackward(double[][] pre, double[][] dOut) {
		double[][] out = new double[pre.length][];
		for (int i = 0; i < pre.length; i++) {
			out[i] = new double[pre[i].length];
			for (int j = 0; j < pre[i].length; j++) {
				out[i][j] = dOut[i][j] * geluGrad(pre[i][j]);
			}
		}
		return out;
	}

	public static double softplus(double x) {
		return x > 30 ? x : Math.log1p(Math.exp(x));
	}

	public static double sigmoid(double x) {
		return 1.0 / (1.0 + Math.exp(-x));
	}

	/** Standard normal pdf. */
	public static double normalPdf(double z) {
		return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
	}

	/**
	 * Standard normal cdf, via the complementary error function (Numerical Recipes erfc, relative error
	 * below 1.2e-7, enough for the Shazeer load estimator).
	 */
	public static double normalCdf(double z) {
		return 0.5 * erfc(-z / Math.sqrt(2.0));
	}

	static double erfc(double x) {
		double z = Math.abs(x);
		double t = 1.0 / (1.0 + 0.5 * z);
		double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
				+ t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
						+ t * (-0.82215223 + t * 0.17087277)))))))));
		return x >= 0 ? r : 2.0 - r;
	}

	/** Population coefficient of variation squared, {@code var/mean²}; 0 for a zero mean. */
	public static double cv2(double[] x) {
		double m = 0;
		for (double v : x) {
			m += v;
		}
		m /= x.length;
		if (m == 0) {
			return 0;
		}
		double var = 0;
		for (double v : x) {
			var += (v - m) * (v - m);
		}
		var /= x.length;
		return var / (m * m);
	}

	/** Gradient of {@link #cv2(double[])} with respect to each element. */
	public static double[] cv2Grad(double[] x) {
		int n = x.length;
		double m = 0;
		for (double v : x) {
			m += v;
		}
		m /= n;
		double[] g = new double[n];
		if (m == 0) {
			return g;
		}
		double var = 0;
		for (double v : x) {
			var += (v - m) * (v - m);
		}
		var /= n;
		for (int i = 0; i < n; i++) {
			g[i] = 2.0 * (x[i] - m) / (n * m * m) - 2.0 * var / (n * m * m * m);
		}
		return g;
	}

	/**
	 * A rows×cols matrix of zeros, allocated row by row (the JIT allocates each row inline; {@code new
	 * double[rows][cols]} is a call into the VM, a measurable cost for the many small matrices of a training step).
	 */
	public static double[][] zeros(int rows, int cols) {
		double[][] m = new double[rows][];
		for (int i = 0; i < rows; i++) {
			m[i] = new double[cols];
		}
		return m;
	}

	/** As {@link #zeros(int, int)}, of booleans. */
	public static boolean[][] falses(int rows, int cols) {
		boolean[][] m = new boolean[rows][];
		for (int i = 0; i < rows; i++) {
			m[i] = new boolean[cols];
		}
		return m;
	}

	public static double[][] copy(double[][] m) {
		double[][] c = new double[m.length][];
		for (int i = 0; i < m.length; i++) {
			c[i] = m[i].clone();
		}
		return c;
	}
}
