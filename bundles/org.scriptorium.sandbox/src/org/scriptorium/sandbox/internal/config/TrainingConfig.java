package org.scriptorium.sandbox.internal.config;

/**
 * Bound {@code training} object.
 *
 * @param epochs                 passes over the training set
 * @param sequencesPerMicroBatch sequences per forward pass (micro-batch m)
 * @param accumulationSteps      micro-batches per optimizer step (global batch = m × steps)
 * @param lr                     Adam learning rate
 * @param beta1                  Adam β1
 * @param beta2                  Adam β2
 * @param eps                    Adam ε
 * @param clipNorm               global gradient-norm clip (0 = none)
 * @param evalEvery              evaluate test accuracy every n epochs (0 = only at the end)
 */
public record TrainingConfig(int epochs, int sequencesPerMicroBatch, int accumulationSteps, double lr, double beta1,
		double beta2, double eps, double clipNorm, int evalEvery) {
}
