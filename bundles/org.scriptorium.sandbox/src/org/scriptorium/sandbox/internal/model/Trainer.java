package org.scriptorium.sandbox.internal.model;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.scriptorium.sandbox.Methods;
import org.scriptorium.sandbox.internal.config.ExperimentConfig;
import org.scriptorium.sandbox.internal.config.LossConfig;
import org.scriptorium.sandbox.internal.data.Dataset;
import org.scriptorium.sandbox.internal.data.SynthDomains;
import org.scriptorium.sandbox.internal.loss.AuxLoss;
import org.scriptorium.sandbox.internal.loss.ConsistencyLoss;
import org.scriptorium.sandbox.internal.math.Kernels;
import org.scriptorium.sandbox.internal.math.NonFiniteException;
import org.scriptorium.sandbox.internal.math.Rng;
import org.scriptorium.sandbox.internal.routing.RouteContext;
import org.scriptorium.sandbox.internal.routing.RouterGrad;
import org.scriptorium.sandbox.internal.routing.Routing;
import org.scriptorium.sandbox.internal.routing.RoutingStrategy;

/**
 * Trains one MoE-MLP on SynthDomains with Adam and evaluates it. Single-threaded and fully determined by
 * (config, seed): every random stream is derived from the seed by a fixed label, so the same config and
 * seed give bit-identical metrics on the same JVM.
 */
public final class Trainer {

	/** Final metrics (flat names) and CSV tables. */
	public record Result(Map<String, Double> metrics, Map<String, String> tables) {
	}

	private final ExperimentConfig cfg;
	private final long seed;
	private final TrainingListener listener;

	public Trainer(ExperimentConfig cfg, long seed, TrainingListener listener) {
		this.cfg = cfg;
		this.seed = seed;
		this.listener = listener;
	}

	public Result run() {
		var dc = cfg.data();
		SynthDomains gen = new SynthDomains(dc, Rng.derive(seed, "data-params"));
		Dataset train = gen.generate(dc.trainSize(), Rng.derive(seed, "train"));
		Dataset test = gen.generate(dc.testSize(), Rng.derive(seed, "test"));
		RoutingStrategy strategy = Strategies.create(cfg.strategy(), cfg.model().experts(), dc.vocab(), train,
				Rng.derive(seed, "hash"));
		MoeMlp model = new MoeMlp(dc.featureDim(), dc.classes(), cfg.model(), strategy, Rng.derive(seed, "init"));
		var tc = cfg.training();
		List<AuxLoss> losses = Strategies.losses(cfg.losses(), cfg.strategy(), tc.sequencesPerMicroBatch());
		Double consistency = null;
		for (LossConfig l : cfg.losses()) {
			if ("consistency".equals(l.type())) {
				consistency = l.weight();
			}
		}
		Adam adam = new Adam(model.params(), tc.lr(), tc.beta1(), tc.beta2(), tc.eps(), tc.clipNorm());
		Rng order = Rng.derive(seed, "order");
		Rng routeRng = Rng.derive(seed, "route");
		int m = tc.sequencesPerMicroBatch();
		int microPerEpoch = Math.max(1, train.sequences() / m);
		int stepsPerEpoch = Math.max(1, microPerEpoch / tc.accumulationSteps());
		long total = (long) stepsPerEpoch * tc.epochs();
		long progressEvery = Math.max(1, total / 50);
		long step = 0;
		StringBuilder lossNames = new StringBuilder();
		for (LossConfig l : cfg.losses()) {
			lossNames.append(lossNames.length() == 0 ? "; losses " : ", ").append(Methods
					.describe(new Methods.Method(Methods.Kind.LOSS, l.type(),
							Methods.arxivId(Methods.Kind.LOSS, l.type()))));
		}
		listener.log("strategy " + strategy.name()
				+ (strategy.arxivId() == null ? "" : " (arXiv " + strategy.arxivId() + ")")
				+ lossNames + "; " + train.size() + " train / " + test.size() + " test examples, " + total
				+ " optimizer steps; kernels " + Kernels.backend().name());
		for (int epoch = 1; epoch <= tc.epochs(); epoch++) {
			int[] perm = order.permutation(train.sequences());
			double ceSum = 0;
			double auxSum = 0;
			long tokens = 0;
			long active = 0;
			long requested = 0;
			int micro = 0;
			for (int s = 0; s < stepsPerEpoch; s++) {
				try {
					for (int a = 0; a < tc.accumulationSteps(); a++) {
						if (listener.cancelled()) {
							throw new CancellationException("cancelled at step " + step);
						}
						int[] rows = rows(train, perm, (micro++ % microPerEpoch) * m, m);
						Batch b = Batch.of(train, rows);
						double scale = 1.0 / tc.accumulationSteps();
						MoeMlp.Cache c1 = model.forward(b.x, RouteContext.training(routeRng, b.tokenIds, b.sequenceIds),
								false);
						double[][] dLogits = Kernels.zeros(rows.length, dc.classes());
						NonFiniteException.requireFinite("output logits", c1.logits, dc.classes());
						ceSum += NonFiniteException.requireFinite("train.ce",
								MoeMlp.crossEntropy(c1, b.labels, scale, dLogits));
						RouterGrad rg = routerGrad(model, c1.routing);
						for (AuxLoss l : losses) {
							auxSum += NonFiniteException.requireFinite("train.aux (" + l.name() + ")",
									l.apply(c1.routing, rg));
						}
						scaleGrad(rg, scale);
						if (consistency != null) {
							MoeMlp.Cache c2 = model.forward(b.x,
									RouteContext.training(routeRng, b.tokenIds, b.sequenceIds),
									false);
							double[][] dLogits2 = Kernels.zeros(rows.length, dc.classes());
							NonFiniteException.requireFinite("output logits", c2.logits, dc.classes());
							ceSum += NonFiniteException.requireFinite("train.ce",
									MoeMlp.crossEntropy(c2, b.labels, scale, dLogits2));
							double w = consistency * scale / rows.length;
							for (int t = 0; t < rows.length; t++) {
								auxSum += consistency * ConsistencyLoss.symKl(c1.probs[t], c2.probs[t]) / rows.length;
								double[] g1 = ConsistencyLoss.gradFirst(c1.probs[t], c2.probs[t]);
								double[] g2 = ConsistencyLoss.gradFirst(c2.probs[t], c1.probs[t]);
								for (int j = 0; j < g1.length; j++) {
									dLogits[t][j] += w * g1[j];
									dLogits2[t][j] += w * g2[j];
								}
							}
							model.backward(c2, dLogits2, null);
						}
						model.backward(c1, dLogits, rg);
						tokens += rows.length;
						active += c1.routing.executedCount();
						requested += c1.routing.requestedCount();
					}
					adam.step();
				} catch (NonFiniteException e) {
					listener.log("diverged at step " + (step + 1) + ": " + e.getMessage());
					throw new DivergedException(step + 1, e.quantity(), e.getMessage());
				}
				step++;
				if (step % progressEvery == 0 || step == total) {
					listener.progress(step, total);
				}
			}
			int micros = stepsPerEpoch * tc.accumulationSteps();
			// per forward pass: THOR's two passes each add their CE (the loss trains on both), the metric is one pass's
			listener.metric("train.ce", step, ceSum / micros / (consistency != null ? 2 : 1));
			listener.metric("train.aux", step, auxSum / micros);
			listener.metric("train.avgK", step, (double) active / tokens);
			listener.metric("train.dropRate", step, requested == 0 ? 0 : (double) (requested - active) / requested);
			if (tc.evalEvery() > 0 && epoch % tc.evalEvery() == 0 && epoch < tc.epochs()) {
				Evaluation ev = Evaluation.run(model, test, cfg.evaluation().batchSequences(), Rng.derive(seed, "eval"),
						false, 0, 0);
				listener.metric("test.accuracy", step, ev.accuracy());
				listener.metric("test.avgK", step, ev.avgK());
			}
		}
		return new Evaluator(cfg, seed, model, train, test).evaluate(step, listener);
	}

	private static RouterGrad routerGrad(MoeMlp model, Routing r) {
		int width = model.strategy().routerWidth(model.config().experts());
		return new RouterGrad(r.tokens(), r.experts(), width);
	}

	private static void scaleGrad(RouterGrad g, double s) {
		if (s == 1.0) {
			return;
		}
		for (double[][] m : new double[][][]{g.dGate, g.dProbs, g.dRouterOut}) {
			for (double[] row : m) {
				for (int j = 0; j < row.length; j++) {
					row[j] *= s;
				}
			}
		}
	}

	static int[] rows(Dataset d, int[] seqOrder, int start, int count) {
		int len = d.sequenceLength();
		int n = Math.min(count, seqOrder.length - start);
		int[] rows = new int[n * len];
		for (int i = 0; i < n; i++) {
			int s = seqOrder[start + i];
			for (int j = 0; j < len; j++) {
				rows[i * len + j] = s * len + j;
			}
		}
		return rows;
	}

	/** Rows gathered into a batch. */
	static final class Batch {
		double[][] x;
		int[] labels;
		int[] tokenIds;
		int[] sequenceIds;

		static Batch of(Dataset d, int[] rows) {
			Batch b = new Batch();
			b.x = new double[rows.length][];
			b.labels = new int[rows.length];
			b.tokenIds = new int[rows.length];
			b.sequenceIds = new int[rows.length];
			for (int i = 0; i < rows.length; i++) {
				b.x[i] = d.x()[rows[i]];
				b.labels[i] = d.label()[rows[i]];
				b.tokenIds[i] = d.tokenId()[rows[i]];
				b.sequenceIds[i] = d.sequence()[rows[i]];
			}
			return b;
		}
	}
}
