/**
 * The benchmarks behind {@code ./scriptorium bench search|graph|import|sandbox} (commands, not tests; their figures
 * are in docs/PERFORMANCE.md) and their deterministic synthetic corpus {@link org.scriptorium.bench.internal.SyntheticPapers},
 * which tests use too.
 */
package org.scriptorium.bench.internal;
