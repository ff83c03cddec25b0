package org.scriptorium.sandbox.internal.loss;

import org.scriptorium.sandbox.internal.routing.Routing;
import org.scriptorium.sandbox.internal.routing.RouterGrad;

/**
 * Switch-style load-balancing loss {@code LBL = N Σ_i f_i P_i}, Fedus et al. arXiv 2101.03961 (coefficient
 * 1e-2 is [memory]), with the micro-batch vs global-batch choice of "Demons in the Detail", Qiu et al.,
 * arXiv 2501.11873 [paper, Eq. 2–6 and Alg. 1]:
 * <ul>
 * <li>{@code P_i = (1/T) Σ_t p_{t,i}} is always taken over the CURRENT micro-batch and carries the
 * gradient;</li>
 * <li>{@code f_i} is a count statistic with no gradient. In {@code micro} scope it is computed from the
 * current micro-batch only (Eq. 3). In {@code global} scope it comes from a count buffer accumulated over
 * the last {@code window} micro-batches, i.e. a Balance BSZ of {@code window × sequences per micro-batch}
 * sequences (the buffer approximation of Alg. 1; the buffer is cleared when a window starts).</li>
 * </ul>
 * Windows are counted in micro-batches from the start of training; since every epoch holds a whole number
 * of optimizer steps, a window of {@code accumulationSteps} micro-batches is exactly one global batch and
 * is cleared after each optimizer step, as in Alg. 1. A smaller window pools fewer sequences (a smaller
 * Balance BSZ); a larger one spans several optimizer steps (an extension, not in the paper).
 * <p>
 * {@code f_i} is the fraction of requested assignments (before capacity dropping) that go to expert i,
 * normalised to sum to 1 so that LBL = 1 under uniform routing for any k. With {@code firstChoiceOnly}
 * only each token's first choice counts, as in GShard/Switch ({@code l_aux} from first choices).
 */
public final class SwitchBalanceLoss implements AuxLoss {

	public static final String ARXIV = "2501.11873";

	private final double weight;
	private final int window;
	private final boolean firstChoiceOnly;
	private double[] buffer;
	private long microBatches;

	/** @param window micro-batches pooled into f; 1 = micro-batch LBL */
	public SwitchBalanceLoss(double weight, int window, boolean firstChoiceOnly) {
		this.weight = weight;
		this.window = Math.max(1, window);
		this.firstChoiceOnly = firstChoiceOnly;
	}

	@Override
	public String name() {
		return window == 1 ? "lbl-micro" : "lbl-global";
	}

	@Override
	public double apply(Routing r, RouterGrad grad) {
		int n = r.experts();
		if (buffer == null || microBatches % window == 0) {
			buffer = new double[n];
		}
		microBatches++;
		for (int[] req : r.requested) {
			int upto = firstChoiceOnly ? Math.min(1, req.length) : req.length;
			for (int j = 0; j < upto; j++) {
				buffer[req[j]]++;
			}
		}
		double total = 0;
		for (double c : buffer) {
			total += c;
		}
		if (total == 0) {
			return 0;
		}
		int tokens = r.tokens();
		double loss = 0;
		for (int i = 0; i < n; i++) {
			double f = buffer[i] / total;
			double pMean = 0;
			for (int t = 0; t < tokens; t++) {
				pMean += r.probs[t][i];
				grad.dProbs[t][i] += weight * n * f / tokens;
			}
			loss += f * pMean / tokens;
		}
		return weight * n * loss;
	}

	/** Stateless evaluation of {@code N Σ f_i P_i} on one batch (for tests and metrics). */
	public static double value(double[] f, double[] pMean) {
		double s = 0;
		for (int i = 0; i < f.length; i++) {
			s += f[i] * pMean[i];
		}
		return f.length * s;
	}
}
