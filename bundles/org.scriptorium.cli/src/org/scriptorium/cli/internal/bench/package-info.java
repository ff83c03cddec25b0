/** {@code scriptorium bench ...}: the benchmarks of bundle org.scriptorium.bench (figures in docs/PERFORMANCE.md). */
package org.scriptorium.cli.internal.bench;
