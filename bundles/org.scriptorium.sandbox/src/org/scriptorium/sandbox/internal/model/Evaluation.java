package org.scriptorium.sandbox.internal.model;

import org.scriptorium.sandbox.internal.data.Dataset;
import org.scriptorium.sandbox.internal.math.Rng;
import org.scriptorium.sandbox.internal.routing.RouteContext;

/**
 * Per-example record of one pass over an evaluation set: prediction, loss, executed experts and router
 * probabilities. Batches are whole sequences, in dataset order.
 */
public final class Evaluation {

	final int[] predicted;
	final double[] loss;
	final boolean[][] executed;
	final int[] requestedCount;
	final double[][] routerProbs;
	final double[][] outputProbs;
	final int[] batchOf;

	private Evaluation(int n) {
		predicted = new int[n];
		loss = new double[n];
		executed = new boolean[n][];
		requestedCount = new int[n];
		routerProbs = new double[n][];
		outputProbs = new double[n][];
		batchOf = new int[n];
	}

	/**
	 * @param disableShared evaluate with shared experts switched off
	 * @param kOverride     if &gt; 0, routed k for this pass
	 * @param maskTop       routed experts masked per token (redundancy probe)
	 */
	public static Evaluation run(MoeMlp model, Dataset d, int batchSequences, Rng rng, boolean disableShared,
			int kOverride, int maskTop) {
		return run(model, d, d.size(), batchSequences, rng, disableShared, kOverride, maskTop, -1);
	}

	static Evaluation run(MoeMlp model, Dataset d, int limit, int batchSequences, Rng rng, boolean disableShared,
			int kOverride, int maskTop, int forcedExpert) {
		int len = d.sequenceLength();
		int seqs = Math.min(d.sequences(), Math.max(1, limit / len));
		Evaluation ev = new Evaluation(seqs * len);
		ev.labels = java.util.Arrays.copyOf(d.label(), seqs * len);
		int[] order = new int[seqs];
		for (int i = 0; i < seqs; i++) {
			order[i] = i;
		}
		int batch = 0;
		for (int s = 0; s < seqs; s += batchSequences) {
			int[] rows = Trainer.rows(d, order, s, batchSequences);
			Trainer.Batch b = Trainer.Batch.of(d, rows);
			RouteContext ctx = RouteContext.eval(rng, b.tokenIds, b.sequenceIds).withK(kOverride).withMaskTop(maskTop)
					.withForcedExpert(forcedExpert);
			MoeMlp.Cache c = model.forward(b.x, ctx, disableShared);
			for (int i = 0; i < rows.length; i++) {
				int r = rows[i];
				double[] p = c.probs[i];
				int best = 0;
				for (int j = 1; j < p.length; j++) {
					if (p[j] > p[best]) {
						best = j;
					}
				}
				ev.predicted[r] = best;
				ev.loss[r] = -Math.log(Math.max(p[d.label()[r]], 1e-300));
				ev.executed[r] = c.routing.executed[i];
				ev.requestedCount[r] = c.routing.requested[i].length;
				ev.routerProbs[r] = c.routing.probs == null ? null : c.routing.probs[i];
				ev.outputProbs[r] = p;
				ev.batchOf[r] = batch;
			}
			batch++;
		}
		return ev;
	}

	public int size() {
		return predicted.length;
	}

	public double accuracy() {
		return accuracy(null, -1);
	}

	double accuracy(int[] group, int value) {
		int ok = 0;
		int n = 0;
		for (int i = 0; i < size(); i++) {
			if (group == null || group[i] == value) {
				n++;
				if (predicted[i] == labels[i]) {
					ok++;
				}
			}
		}
		return n == 0 ? Double.NaN : (double) ok / n;
	}

	double meanLoss(int[] group, int value) {
		double s = 0;
		int n = 0;
		for (int i = 0; i < size(); i++) {
			if (group == null || group[i] == value) {
				s += loss[i];
				n++;
			}
		}
		return n == 0 ? Double.NaN : s / n;
	}

	private int[] labels;

	public double avgK() {
		return avgK(null, -1);
	}

	double avgK(int[] group, int value) {
		long s = 0;
		int n = 0;
		for (int i = 0; i < size(); i++) {
			if (group == null || group[i] == value) {
				n++;
				for (boolean b : executed[i]) {
					if (b) {
						s++;
					}
				}
			}
		}
		return n == 0 ? Double.NaN : (double) s / n;
	}
}
