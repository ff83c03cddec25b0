package org.scriptorium.sandbox.internal.model;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.scriptorium.sandbox.RunDirectory;
import org.scriptorium.sandbox.internal.config.ExperimentConfig;
import org.scriptorium.sandbox.internal.data.Dataset;
import org.scriptorium.sandbox.internal.loss.ConsistencyLoss;
import org.scriptorium.sandbox.internal.math.Rng;
import org.scriptorium.sandbox.internal.metrics.Accuracy;
import org.scriptorium.sandbox.internal.metrics.RoutingMetrics;
import org.scriptorium.sandbox.internal.routing.TokenChoiceTopK;

/** Computes the final metrics of routing-spec §3 for a trained model and emits them. */
final class Evaluator {

	private final ExperimentConfig cfg;
	private final long seed;
	private final MoeMlp model;
	private final Dataset train;
	private final Dataset test;

	Evaluator(ExperimentConfig cfg, long seed, MoeMlp model, Dataset train, Dataset test) {
		this.cfg = cfg;
		this.seed = seed;
		this.model = model;
		this.train = train;
		this.test = test;
	}

	Trainer.Result evaluate(long step, TrainingListener listener) {
		var ec = cfg.evaluation();
		int bs = ec.batchSequences();
		int n = cfg.model().experts();
		Map<String, Double> m = new LinkedHashMap<>();
		Map<String, String> tables = new LinkedHashMap<>();
		Evaluation ev = Evaluation.run(model, test, test.size(), bs, Rng.derive(seed, "eval"), false, 0, 0, -1);
		Evaluation tr = Evaluation.run(model, train, Math.min(train.size(), test.size()), bs,
				Rng.derive(seed, "eval-train"),
				false, 0, 0, -1);
		int[] labels = java.util.Arrays.copyOf(test.label(), ev.size());
		double[] correct = new double[ev.size()];
		for (int i = 0; i < correct.length; i++) {
			correct[i] = ev.predicted[i] == labels[i] ? 1 : 0;
		}
		Accuracy.Interval ci = Accuracy.bootstrapMean(correct, ec.bootstrap(), 0.95, Rng.derive(seed, "bootstrap"));
		m.put("test.accuracy", ci.value());
		m.put("test.accuracy.ciLow", ci.low());
		m.put("test.accuracy.ciHigh", ci.high());
		m.put("test.macroF1", Accuracy.macroF1(ev.predicted, labels, cfg.data().classes()));
		m.put("test.loss", ev.meanLoss(null, -1));
		m.put("train.accuracy", tr.accuracy());
		m.put("trainTestGap", tr.accuracy() - ci.value());
		int[] diff = java.util.Arrays.copyOf(test.difficulty(), ev.size());
		int[] dom = java.util.Arrays.copyOf(test.domain(), ev.size());
		StringBuilder perDiff = new StringBuilder("difficulty,examples,accuracy,avgK\n");
		for (int lvl = 0; lvl < 3; lvl++) {
			String name = Dataset.DIFFICULTIES[lvl];
			int count = 0;
			for (int v : diff) {
				if (v == lvl) {
					count++;
				}
			}
			if (count > 0) {
				m.put("test.accuracy." + name, ev.accuracy(diff, lvl));
				m.put("test.avgK." + name, ev.avgK(diff, lvl));
			}
			perDiff.append(String.format(Locale.ROOT, "%s,%d,%.6f,%.6f%n", name, count, ev.accuracy(diff, lvl),
					ev.avgK(diff, lvl)));
		}
		tables.put("per_difficulty.csv", perDiff.toString());
		m.put("test.avgK", ev.avgK());
		// loads, drops, zero rate
		double[] load = new double[n];
		long requested = 0;
		long executed = 0;
		long zero = 0;
		double[][] joint = new double[cfg.data().domains()][n];
		long[] perDomain = new long[cfg.data().domains()];
		double hTok = 0;
		int withProbs = 0;
		for (int i = 0; i < ev.size(); i++) {
			requested += ev.requestedCount[i];
			int k = 0;
			for (int e = 0; e < n; e++) {
				if (ev.executed[i][e]) {
					load[e]++;
					joint[dom[i]][e]++;
					k++;
				}
			}
			executed += k;
			if (k == 0) {
				zero++;
			}
			perDomain[dom[i]]++;
			if (ev.routerProbs[i] != null) {
				hTok += RoutingMetrics.entropy(ev.routerProbs[i]);
				withProbs++;
			}
		}
		m.put("test.dropRate", RoutingMetrics.dropRate(requested, executed));
		m.put("test.zeroRate", (double) zero / ev.size());
		m.put("test.loadCv", RoutingMetrics.loadCv(load));
		m.put("test.maxLoad", RoutingMetrics.maxMeanLoad(load));
		double[] micro = microLoadStats(ev, n);
		m.put("test.loadCv.micro", micro[0]);
		m.put("test.maxLoad.micro", micro[1]);
		double logN = n > 1 ? Math.log(n) : 1;
		if (withProbs > 0) {
			m.put("test.entropy.token", hTok / withProbs);
			m.put("test.entropy.token.norm", hTok / withProbs / logN);
		}
		double hMarg = RoutingMetrics.marginalEntropy(load);
		m.put("test.entropy.marginal", hMarg);
		m.put("test.entropy.marginal.norm", hMarg / logN);
		RoutingMetrics.Mi mi = RoutingMetrics.mutualInformation(joint);
		m.put("test.mi", mi.mi());
		m.put("test.nmi", mi.nmi());
		double kRef = model.strategy().nominalK();
		if (!Double.isNaN(kRef)) {
			double shared = model.sharedSize();
			double unit = model.routedExpertSize();
			m.put("test.activatedParamRatio", (shared + ev.avgK() * unit) / (shared + kRef * unit));
		}
		double[][] freq = RoutingMetrics.selectionFrequency(joint, perDomain);
		StringBuilder fq = new StringBuilder("domain");
		for (int e = 0; e < n; e++) {
			fq.append(",expert").append(e);
		}
		fq.append('\n');
		double specSum = 0;
		for (int d = 0; d < freq.length; d++) {
			fq.append(d);
			double max = 0;
			for (int e = 0; e < n; e++) {
				fq.append(String.format(Locale.ROOT, ",%.6f", freq[d][e]));
				max = Math.max(max, freq[d][e]);
			}
			fq.append('\n');
			double k = ev.avgK();
			specSum += k > 0 ? max / (k / n) : 0;
		}
		m.put("test.specialization", specSum / freq.length);
		tables.put(RunDirectory.DOMAIN_EXPERT_FREQUENCY, fq.toString());
		StringBuilder perDom = new StringBuilder("domain,examples,accuracy,avgK\n");
		for (int d = 0; d < freq.length; d++) {
			perDom.append(String.format(Locale.ROOT, "%d,%d,%.6f,%.6f%n", d, perDomain[d], ev.accuracy(dom, d),
					ev.avgK(dom, d)));
		}
		tables.put("per_domain.csv", perDom.toString());
		// ablations
		if (ec.ablateShared() && cfg.model().sharedExperts() > 0) {
			int k = ec.ablateSharedK() > 0 ? ec.ablateSharedK() : cfg.strategy().k() + cfg.model().sharedExperts();
			Evaluation ab = Evaluation.run(model, test, test.size(), bs, Rng.derive(seed, "eval"), true, k, 0, -1);
			m.put("test.noShared.accuracy", ab.accuracy());
			m.put("test.noShared.loss", ab.meanLoss(null, -1));
		}
		if (ec.maskFractions().length > 0 && model.strategy() instanceof TokenChoiceTopK) {
			StringBuilder rc = new StringBuilder("maskFraction,maskedExperts,loss,accuracy\n");
			for (double r : ec.maskFractions()) {
				int masked = (int) Math.round(r * n);
				Evaluation ab = Evaluation.run(model, test, test.size(), bs, Rng.derive(seed, "eval"), false, 0, masked,
						-1);
				String key = String.format(Locale.ROOT, "test.mask.%.4f", r);
				m.put(key + ".loss", ab.meanLoss(null, -1));
				m.put(key + ".accuracy", ab.accuracy());
				rc.append(String.format(Locale.ROOT, "%.4f,%d,%.6f,%.6f%n", r, masked, ab.meanLoss(null, -1),
						ab.accuracy()));
			}
			tables.put("redundancy.csv", rc.toString());
		}
		if (ec.expertDisagreement() && n > 1) {
			m.put("test.expertDisagreement", disagreement(bs, n));
		}
		for (var e : m.entrySet()) {
			listener.metric(e.getKey(), step, e.getValue());
		}
		for (var t : tables.entrySet()) {
			listener.artifact(t.getKey(), "text/csv", t.getValue());
		}
		return new Trainer.Result(m, tables);
	}

	/** Mean over test examples of the mean pairwise symmetric KL between single-expert predictions. */
	private double disagreement(int bs, int n) {
		Evaluation[] per = new Evaluation[n];
		for (int e = 0; e < n; e++) {
			per[e] = Evaluation.run(model, test, test.size(), bs, Rng.derive(seed, "eval"), false, 0, 0, e);
		}
		double s = 0;
		int size = per[0].size();
		for (int i = 0; i < size; i++) {
			double pair = 0;
			int pairs = 0;
			for (int a = 0; a < n; a++) {
				for (int b = a + 1; b < n; b++) {
					pair += ConsistencyLoss.symKl(per[a].outputProbs[i], per[b].outputProbs[i]);
					pairs++;
				}
			}
			s += pair / pairs;
		}
		return s / size;
	}

	/** CV and max/mean of executed load per evaluation sequence, averaged over sequences. */
	private double[] microLoadStats(Evaluation ev, int n) {
		int len = test.sequenceLength();
		int seqs = ev.size() / len;
		double cv = 0;
		double max = 0;
		for (int s = 0; s < seqs; s++) {
			double[] load = new double[n];
			for (int j = 0; j < len; j++) {
				boolean[] ex = ev.executed[s * len + j];
				for (int e = 0; e < n; e++) {
					if (ex[e]) {
						load[e]++;
					}
				}
			}
			cv += RoutingMetrics.loadCv(load);
			max += RoutingMetrics.maxMeanLoad(load);
		}
		return new double[]{cv / seqs, max / seqs};
	}
}
