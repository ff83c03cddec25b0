package org.scriptorium.sandbox.internal.model;

import java.util.ArrayList;
import java.util.List;

import org.scriptorium.sandbox.internal.config.LossConfig;
import org.scriptorium.sandbox.internal.config.StrategyConfig;
import org.scriptorium.sandbox.internal.data.Dataset;
import org.scriptorium.sandbox.internal.data.SynthDomains;
import org.scriptorium.sandbox.internal.loss.AuxLoss;
import org.scriptorium.sandbox.internal.loss.DeepSeekBalanceLoss;
import org.scriptorium.sandbox.internal.loss.EntropyLoss;
import org.scriptorium.sandbox.internal.loss.ShazeerLosses;
import org.scriptorium.sandbox.internal.loss.SwitchBalanceLoss;
import org.scriptorium.sandbox.internal.loss.ZLoss;
import org.scriptorium.sandbox.internal.math.Rng;
import org.scriptorium.sandbox.internal.routing.BaseLayerRouting;
import org.scriptorium.sandbox.internal.routing.DeepSeekMoeRouting;
import org.scriptorium.sandbox.internal.routing.DenseRouting;
import org.scriptorium.sandbox.internal.routing.DynamicTopP;
import org.scriptorium.sandbox.internal.routing.ExpertChoice;
import org.scriptorium.sandbox.internal.routing.GShardTopK;
import org.scriptorium.sandbox.internal.routing.HashRouting;
import org.scriptorium.sandbox.internal.routing.NoisyTopK;
import org.scriptorium.sandbox.internal.routing.RoutingStrategy;
import org.scriptorium.sandbox.internal.routing.SwitchTop1;
import org.scriptorium.sandbox.internal.routing.ThorRandom;

/** Builds strategies and auxiliary losses from bound configuration. */
public final class Strategies {

	private Strategies() {
	}

	public static RoutingStrategy create(StrategyConfig s, int experts, int vocab, Dataset train, Rng rng) {
		return switch (s.type()) {
			case "top-k" -> new GShardTopK(s.k(), s.capacityFactor(), s.evalCapacityFactor(),
					"random".equals(s.secondExpert()), "before-drop".equals(s.renormalise()));
			case "switch" -> new SwitchTop1(s.capacityFactor(), s.evalCapacityFactor());
			case "noisy-top-k" -> new NoisyTopK(s.k(), s.noise());
			case "expert-choice" -> new ExpertChoice(s.capacityFactor());
			case "top-p" -> new DynamicTopP(s.p(), s.temperature());
			case "deepseek" -> new DeepSeekMoeRouting(s.k());
			case "thor" -> new ThorRandom(switch (s.inference()) {
				case "per-sequence" -> ThorRandom.Inference.PER_SEQUENCE;
				case "average" -> ThorRandom.Inference.AVERAGE;
				default -> ThorRandom.Inference.PER_EXAMPLE;
			});
			case "hash" -> "balanced".equals(s.variant())
					? HashRouting.balanced(SynthDomains.tokenFrequency(train, vocab), experts)
					: HashRouting.random(vocab, experts, rng);
			case "base" -> new BaseLayerRouting("exact".equals(s.assignment()));
			case "dense" -> new DenseRouting();
			default -> throw new IllegalArgumentException("unknown strategy " + s.type());
		};
	}

	/** Auxiliary losses except {@code consistency}, which the trainer handles (two forward passes). */
	public static List<AuxLoss> losses(List<LossConfig> cfgs, StrategyConfig s, int sequencesPerMicroBatch) {
		List<AuxLoss> out = new ArrayList<>();
		for (LossConfig l : cfgs) {
			switch (l.type()) {
				case "switch-balance" -> out.add(new SwitchBalanceLoss(l.weight(),
						"global".equals(l.scope()) ? Math.max(1, l.balanceSequences() / sequencesPerMicroBatch) : 1,
						l.firstChoiceOnly()));
				case "deepseek-balance" -> out.add(new DeepSeekBalanceLoss(l.weight(), s.k()));
				case "importance" -> out.add(ShazeerLosses.importance(l.weight()));
				case "load" -> out.add(ShazeerLosses.load(l.weight(), s.k()));
				case "entropy" -> out.add(new EntropyLoss(l.weight()));
				case "z-loss" -> out.add(new ZLoss(l.weight()));
				case "consistency" -> {
					// handled by the trainer
				}
				default -> throw new IllegalArgumentException("unknown loss " + l.type());
			}
		}
		return out;
	}
}
