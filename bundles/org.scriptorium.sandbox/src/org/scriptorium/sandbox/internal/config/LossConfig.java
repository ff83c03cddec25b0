package org.scriptorium.sandbox.internal.config;

/**
 * Bound entry of {@code losses}.
 *
 * @param type             switch-balance | deepseek-balance | importance | load | entropy | z-loss | consistency
 * @param weight           coefficient (α, β, w_imp, ...)
 * @param scope            switch-balance: micro | global
 * @param balanceSequences switch-balance global: sequences pooled into f (Balance BSZ)
 * @param firstChoiceOnly  switch-balance: count only first choices in f (GShard/Switch)
 */
public record LossConfig(String type, double weight, String scope, int balanceSequences, boolean firstChoiceOnly) {
}
