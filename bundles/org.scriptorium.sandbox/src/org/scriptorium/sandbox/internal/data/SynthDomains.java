package org.scriptorium.sandbox.internal.data;

import org.scriptorium.sandbox.internal.math.Kernels;
import org.scriptorium.sandbox.internal.math.Rng;

/**
 * The spec's SynthDomains generator (routing-spec §2). Each domain d has a signature mean
 * {@code μ_d ~ N(0, σ_s² I)}, a labelling function {@code f_d(x) = A_d tanh(B_d x)} and a Zipf token-id
 * distribution over a domain-specific permutation of the vocabulary; a token id is embedded by a fixed
 * random vector concatenated to x. All labels also depend on a shared function f_0 (logits
 * {@code w0·f_0 + f_d}), which a DeepSeekMoE shared expert should capture.
 * <ul>
 * <li>easy: {@code x = μ_d + 0.5 ε}, label {@code argmax(w0 f_0 + f_d)};</li>
 * <li>medium: {@code x = μ_d + ε}, 10% label noise (uniform random class);</li>
 * <li>hard: {@code x = λ μ_a + (1−λ) μ_b + ε}, λ ~ U(0.3, 0.7), label
 * {@code argmax(w0 f_0 + f_a + f_b)}; recorded domain = a, token id drawn from domain a.</li>
 * </ul>
 * Choices not fixed by the spec (stated here): {@code A ~ N(0,1)}, {@code B ~ N(0, 1/d)}, embeddings
 * {@code N(0,1)}, Zipf {@code P(rank r) ∝ (r+1)^{-s}}. Sequences of L examples share one domain;
 * difficulty is drawn per example.
 */
public final class SynthDomains {

	private final DataConfig cfg;
	private final double[][] mu;
	private final double[][][] a;
	private final double[][][] b;
	private final double[][] embed;
	private final int[][] perm;
	private final double[] zipfCdf;

	/** Draws the generator's fixed parameters (domains, labelling functions, embeddings) from rng. */
	public SynthDomains(DataConfig cfg, Rng rng) {
		this.cfg = cfg;
		int dIn = cfg.inputDim();
		mu = rng.gaussianMatrix(cfg.domains(), dIn, cfg.signatureStd());
		a = new double[cfg.domains() + 1][][];
		b = new double[cfg.domains() + 1][][];
		for (int d = 0; d <= cfg.domains(); d++) {
			a[d] = rng.gaussianMatrix(cfg.classes(), cfg.labelHidden(), 1.0);
			b[d] = rng.gaussianMatrix(cfg.labelHidden(), dIn, 1.0 / Math.sqrt(dIn));
		}
		embed = rng.gaussianMatrix(cfg.vocab(), cfg.tokenEmbedDim(), 1.0);
		perm = new int[cfg.domains()][];
		int[] shared = rng.permutation(cfg.vocab());
		for (int d = 0; d < cfg.domains(); d++) {
			perm[d] = cfg.tokenIdsByDomain() ? rng.permutation(cfg.vocab()) : shared;
		}
		zipfCdf = new double[cfg.vocab()];
		double s = 0;
		for (int r = 0; r < cfg.vocab(); r++) {
			s += Math.pow(r + 1, -cfg.zipfExponent());
			zipfCdf[r] = s;
		}
		for (int r = 0; r < cfg.vocab(); r++) {
			zipfCdf[r] /= s;
		}
	}

	/** Generates {@code examples} rows (rounded down to whole sequences) using rng for sampling. */
	public Dataset generate(int examples, Rng rng) {
		int len = cfg.sequenceLength();
		int seqs = Math.max(1, examples / len);
		int n = seqs * len;
		double[][] x = new double[n][cfg.featureDim()];
		int[] label = new int[n];
		int[] domain = new int[n];
		int[] diff = new int[n];
		int[] tok = new int[n];
		int[] seq = new int[n];
		for (int s = 0; s < seqs; s++) {
			int dom = rng.nextInt(cfg.domains());
			for (int j = 0; j < len; j++) {
				int row = s * len + j;
				seq[row] = s;
				domain[row] = dom;
				example(rng, dom, row, x[row], label, diff, tok);
			}
		}
		return new Dataset(x, label, domain, diff, tok, seq, len);
	}

	/**
	 * Draws one example of domain {@code dom} into {@code xRow} and row {@code row} of the other arrays (a method of
	 * its own, so that the JIT compiles it once instead of the whole generation loop on the stack).
	 */
	private void example(Rng rng, int dom, int row, double[] xRow, int[] label, int[] diff, int[] tok) {
		int dIn = cfg.inputDim();
		double u = rng.uniform();
		int level = u < cfg.easy() ? 0 : u < cfg.easy() + cfg.medium() ? 1 : 2;
		diff[row] = level;
		double[] v = new double[dIn];
		double[] logits;
		if (level < 2) {
			double noise = level == 0 ? 0.5 : 1.0;
			for (int i = 0; i < dIn; i++) {
				v[i] = mu[dom][i] + noise * rng.gaussian();
			}
			logits = add(scale(f(0, v), cfg.sharedWeight()), f(dom + 1, v));
		} else {
			int other = cfg.domains() == 1 ? dom : (dom + 1 + rng.nextInt(cfg.domains() - 1)) % cfg.domains();
			double lambda = 0.3 + 0.4 * rng.uniform();
			for (int i = 0; i < dIn; i++) {
				v[i] = lambda * mu[dom][i] + (1 - lambda) * mu[other][i] + rng.gaussian();
			}
			logits = add(add(scale(f(0, v), cfg.sharedWeight()), f(dom + 1, v)), f(other + 1, v));
		}
		int y = Kernels.topK(logits, 1)[0];
		if (level == 1 && rng.uniform() < cfg.labelNoise()) {
			y = rng.nextInt(cfg.classes());
		}
		label[row] = y;
		int t = perm[dom][zipfRank(rng.uniform())];
		tok[row] = t;
		System.arraycopy(v, 0, xRow, 0, dIn);
		System.arraycopy(embed[t], 0, xRow, dIn, cfg.tokenEmbedDim());
	}

	private int zipfRank(double u) {
		int lo = 0;
		int hi = zipfCdf.length - 1;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (zipfCdf[mid] < u) {
				lo = mid + 1;
			} else {
				hi = mid;
			}
		}
		return lo;
	}

	/** Labelling function index 0 = f_0 (shared), 1..D = domain functions. */
	private double[] f(int idx, double[] v) {
		double[] hidden = new double[cfg.labelHidden()];
		for (int h = 0; h < hidden.length; h++) {
			hidden[h] = Math.tanh(Kernels.dot(b[idx][h], v));
		}
		double[] out = new double[cfg.classes()];
		for (int c = 0; c < out.length; c++) {
			out[c] = Kernels.dot(a[idx][c], hidden);
		}
		return out;
	}

	private static double[] add(double[] x, double[] y) {
		double[] o = new double[x.length];
		for (int i = 0; i < x.length; i++) {
			o[i] = x[i] + y[i];
		}
		return o;
	}

	private static double[] scale(double[] x, double s) {
		double[] o = new double[x.length];
		for (int i = 0; i < x.length; i++) {
			o[i] = x[i] * s;
		}
		return o;
	}

	/** Training frequency of each token id (for balanced hash routing). */
	public static long[] tokenFrequency(Dataset d, int vocab) {
		long[] f = new long[vocab];
		for (int t : d.tokenId()) {
			f[t]++;
		}
		return f;
	}
}
