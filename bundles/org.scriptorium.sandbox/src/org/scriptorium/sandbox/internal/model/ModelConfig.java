package org.scriptorium.sandbox.internal.model;

/**
 * MoE-MLP shape: input → linear(F→hidden) + GELU → MoE layer (experts of hidden→expertHidden→hidden GELU
 * MLPs, plus always-on shared experts) with a residual → linear(hidden→C).
 */
public record ModelConfig(int hidden, int experts, int expertHidden, int sharedExperts, int sharedHidden) {
}
