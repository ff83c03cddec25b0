package org.scriptorium.bench.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.scriptorium.core.graph.CitationGraph;
import org.scriptorium.core.graph.CitationPaths;
import org.scriptorium.core.graph.CitationSimilarity;
import org.scriptorium.core.graph.Direction;
import org.scriptorium.core.graph.PageRank;

/**
 * Benchmark of the citation graph at scale (a command, not a test): builds a graph of {@code N} papers with
 * {@code R} references each by preferential attachment, then times PageRank, similarity top lists and shortest
 * paths, and reports the heap the graph takes. Run: {@code ./scriptorium bench graph [--papers N] [--refs R]}.
 */
public final class GraphBenchmark {

	private GraphBenchmark() {
	}

	/** Runs the benchmark on {@code n} papers with {@code refs} references each and prints its report on {@code out}. */
	public static void run(int n, int refs, PrintStream out) {
		Runtime rt = Runtime.getRuntime();
		out.printf(Locale.ROOT, "# Citation graph benchmark: %,d papers, %d references each%n", n, refs); //$NON-NLS-1$
		out.printf(Locale.ROOT, "JVM %s, %d processors, max heap %d MB%n", Runtime.version(), //$NON-NLS-1$
				rt.availableProcessors(), rt.maxMemory() >> 20);
		SplittableRandom r = new SplittableRandom(1);
		long t = System.nanoTime();
		CitationGraph.Builder b = CitationGraph.builder(n);
		for (int i = 0; i < n; i++) {
			b.addNode("p" + i); //$NON-NLS-1$
		}
		// preferential attachment: a reference repeats an earlier edge's target half of the time
		int[] targets = new int[n * refs];
		int edges = 0;
		for (int i = 1; i < n; i++) {
			for (int j = 0; j < refs; j++) {
				int target = edges > 0 && r.nextBoolean() ? targets[r.nextInt(edges)] : r.nextInt(i);
				targets[edges++] = target;
				b.addEdge(i, target, CitationGraph.REFERENCE_LIST);
			}
		}
		double add = secs(t);
		t = System.nanoTime();
		CitationGraph g = b.build();
		double build = secs(t);
		b = null;
		targets = null;
		System.gc();
		long used = rt.totalMemory() - rt.freeMemory();
		out.printf(Locale.ROOT, "%n| step | result |%n|---|---|%n"); //$NON-NLS-1$
		out.printf(Locale.ROOT, "| add %,d nodes and %,d edges to the builder | %.1f s |%n", n, edges, add); //$NON-NLS-1$
		out.printf(Locale.ROOT, "| build CSR (sort, deduplicate, reverse) | %.1f s, %,d distinct edges |%n", build, //$NON-NLS-1$
				g.edgeCount());
		out.printf(Locale.ROOT, "| CSR arrays | %d MB |%n", g.arrayBytes() >> 20); //$NON-NLS-1$
		out.printf(Locale.ROOT, "| heap used after GC (graph + id strings + id map) | %d MB |%n", used >> 20); //$NON-NLS-1$
		t = System.nanoTime();
		double[] pr = PageRank.compute(g);
		out.printf(Locale.ROOT, "| PageRank (damping 0.85, tolerance 1e-9, ≤100 iterations) | %.1f s (sum %.6f) |%n", //$NON-NLS-1$
				secs(t), java.util.Arrays.stream(pr).sum());
		CitationSimilarity sim = new CitationSimilarity(g);
		CitationPaths paths = new CitationPaths(g);
		t = System.nanoTime();
		int found = 0;
		for (int q = 0; q < 100; q++) {
			found += sim.topCoCited(r.nextInt(n), 20).size() + sim.topCoupled(r.nextInt(n), 20).size();
		}
		out.printf(Locale.ROOT, "| 100 co-citation + 100 coupling top-20 lists | %.1f ms each (%d results) |%n", //$NON-NLS-1$
				secs(t) * 1000 / 200, found);
		t = System.nanoTime();
		long length = 0;
		for (int q = 0; q < 100; q++) {
			List<Integer> p = paths.shortestPath(r.nextInt(n), r.nextInt(n), Direction.BOTH);
			length += p.size();
		}
		out.printf(Locale.ROOT,
				"| 100 shortest undirected paths between random papers | %.1f ms each (mean %.1f nodes) |%n", //$NON-NLS-1$
				secs(t) * 1000 / 100, length / 100.0);
	}

	private static double secs(long t0) {
		return (System.nanoTime() - t0) / 1e9;
	}
}
