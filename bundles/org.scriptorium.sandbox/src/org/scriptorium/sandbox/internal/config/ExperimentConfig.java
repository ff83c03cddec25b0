package org.scriptorium.sandbox.internal.config;

import java.util.List;

import org.scriptorium.sandbox.internal.data.DataConfig;
import org.scriptorium.sandbox.internal.model.ModelConfig;

/** A fully bound, validated single-run configuration (one point of a sweep, one seed). */
public record ExperimentConfig(String name, DataConfig data, ModelConfig model, StrategyConfig strategy,
		List<LossConfig> losses, TrainingConfig training, EvalConfig evaluation) {
}
