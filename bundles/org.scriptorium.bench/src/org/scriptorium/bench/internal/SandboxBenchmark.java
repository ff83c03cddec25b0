package org.scriptorium.bench.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.ExperimentException;
import org.scriptorium.sandbox.RunResult;
import org.scriptorium.sandbox.RunSpec;
import org.scriptorium.sandbox.SandboxRunner;
import org.scriptorium.sandbox.SweepResult;
import org.scriptorium.sandbox.internal.math.Kernels;
import org.scriptorium.sandbox.internal.math.Rng;
import org.scriptorium.sandbox.internal.routing.GShardTopK;
import org.scriptorium.sandbox.internal.routing.RouteContext;
import org.scriptorium.sandbox.internal.routing.Routing;

/**
 * Benchmarks of the sandbox (not a test): {@code ./scriptorium bench sandbox [--examples DIR] [--seeds N] [--out DIR]}.
 * <ol>
 * <li>routing-layer throughput for d = 512, N = 64, top-2, batch 4096 (router matmul + softmax + top-2 +
 * renormalised gates), against a plain matrix multiply of the same FLOPs in the same run;</li>
 * <li>time from launching a child JVM to its first event;</li>
 * <li>with {@code --examples DIR}: wall time of each shipped example, children in parallel on all cores.</li>
 * </ol>
 * Timing: warm-up, then the median of repeated measurements with {@link System#nanoTime()}.
 */
public final class SandboxBenchmark {

	private static final int D = 512;
	private static final int N = 64;
	private static final int T = 4096;

	private SandboxBenchmark() {
	}

	/**
	 * Runs the benchmarks and prints the report on {@code out}; with {@code examples}, also each shipped example of
	 * that folder ({@code seeds} seeds each, or the file's), its runs written under {@code outDir} (null: a temporary
	 * folder).
	 */
	public static void run(Path examples, Integer seeds, Path outDir, PrintStream out)
			throws IOException, ExperimentException {
		if (outDir == null) {
			outDir = Files.createTempDirectory("sandbox-bench");
		}
		out.printf(Locale.ROOT, "JVM %s (%s), %d available processors, max heap %d MiB%n",
				System.getProperty("java.version"), System.getProperty("java.vm.name"),
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
		routing(out);
		launch(out, outDir);
		if (examples != null) {
			examples(out, examples, seeds, outDir);
		}
	}

	private static void routing(PrintStream out) {
		Rng rng = new Rng(1);
		double[][] x = rng.gaussianMatrix(T, D, 1.0);
		double[][] wr = rng.gaussianMatrix(N, D, 0.05);
		GShardTopK router = new GShardTopK(2, Double.POSITIVE_INFINITY);
		RouteContext ctx = RouteContext.eval(rng, new int[T], new int[T]);
		double[] sink = new double[1];
		Runnable layer = () -> {
			double[][] logits = Kernels.matmulABt(x, wr);
			Routing r = router.route(logits, N, ctx);
			sink[0] += r.gate[T - 1][r.requested[T - 1][0]];
		};
		Runnable plain = () -> {
			double[][] c = Kernels.matmulABt(x, wr);
			sink[0] += c[T - 1][N - 1];
		};
		double tLayer = median(layer, 3, 11);
		double tPlain = median(plain, 3, 11);
		double flops = 2.0 * T * D * N;
		out.printf(Locale.ROOT, "routing layer d=%d N=%d top-2 batch=%d: %.1f ms, %.0f tokens/s%n", D, N, T,
				tLayer * 1e3,
				T / tLayer);
		out.printf(Locale.ROOT, "plain matmul %dx%d · %dx%d (same %.3g FLOPs): %.1f ms, %.2f GFLOP/s%n", T, D, D, N,
				flops,
				tPlain * 1e3, flops / tPlain / 1e9);
		out.printf(Locale.ROOT, "ratio routing layer / plain matmul: %.2f%n", tLayer / tPlain);
		if (sink[0] == 42.4242) {
			out.println();
		}
	}

	private static void launch(PrintStream out, Path dir) throws ExperimentException {
		Experiment e = Experiment.parse("{\"name\":\"launch\",\"data\":{\"train\":64,\"test\":64},"
				+ "\"model\":{\"hidden\":8,\"experts\":2,\"expertHidden\":4},\"strategy\":{\"type\":\"switch\"},"
				+ "\"training\":{\"epochs\":1},\"evaluation\":{\"bootstrap\":10}}", "launch");
		SandboxRunner runner = SandboxRunner.builder().outputDirectory(dir).maxHeapMb(256).build();
		RunSpec spec = e.runs().get(0);
		double[] first = new double[7];
		double[] wall = new double[7];
		for (int i = 0; i < first.length; i++) {
			RunResult r = runner.run(e, spec, dir.resolve("launch-" + i));
			if (!r.succeeded() || r.firstEvent() == null) {
				out.println("launch benchmark run failed: " + r.message() + " " + r.stderrTail());
				return;
			}
			first[i] = r.firstEvent().toNanos() / 1e6;
			wall[i] = r.wallTime().toNanos() / 1e6;
		}
		Arrays.sort(first);
		Arrays.sort(wall);
		out.printf(Locale.ROOT, "child JVM launch -> first event: median %.0f ms (min %.0f, max %.0f; 7 launches); "
				+ "whole tiny run median %.0f ms%n", first[3], first[0], first[6], wall[3]);
	}

	private static void examples(PrintStream out, Path dir, Integer seeds, Path outDir) throws IOException {
		List<Path> files = new ArrayList<>();
		try (var s = Files.list(dir)) {
			s.filter(p -> p.getFileName().toString().endsWith(Experiment.EXTENSION)).sorted().forEach(files::add);
		}
		SandboxRunner runner = SandboxRunner.builder().outputDirectory(outDir).timeout(Duration.ofHours(2)).build();
		for (Path f : files) {
			try {
				Experiment e = Experiment.load(f);
				if (e.isTask()) {
					// a task experiment needs its data and provider (e8: SciFact and the dense bundle), see QUALITY.md
					out.printf(Locale.ROOT, "example %-26s skipped: a task experiment, not a training run%n", e.name());
					continue;
				}
				if (seeds != null) {
					List<Long> s = new ArrayList<>();
					for (long i = 1; i <= seeds; i++) {
						s.add(i);
					}
					e = e.withSeeds(s);
				}
				long t0 = System.nanoTime();
				SweepResult r = runner.runAll(e);
				double sec = (System.nanoTime() - t0) / 1e9;
				double cpu = r.runs().stream().mapToDouble(x -> x.wallTime().toNanos() / 1e9).sum();
				out.printf(Locale.ROOT, "example %-26s %3d runs, %s, wall %.1f s (sum of run times %.1f s)%n", e.name(),
						r.runs().size(), r.allSucceeded() ? "all succeeded" : "SOME FAILED", sec, cpu);
			} catch (ExperimentException ex) {
				out.println("example " + f + " invalid: " + ex.getMessage());
			}
		}
	}

	private static double median(Runnable r, int warmup, int reps) {
		for (int i = 0; i < warmup; i++) {
			r.run();
		}
		double[] t = new double[reps];
		for (int i = 0; i < reps; i++) {
			long t0 = System.nanoTime();
			r.run();
			t[i] = (System.nanoTime() - t0) / 1e9;
		}
		Arrays.sort(t);
		return t[reps / 2];
	}
}
