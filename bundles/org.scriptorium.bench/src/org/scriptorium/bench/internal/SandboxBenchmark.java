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
import org.scriptorium.sandbox.internal.math.KernelBackend;
import org.scriptorium.sandbox.internal.math.Kernels;
import org.scriptorium.sandbox.internal.math.PlainKernels;
import org.scriptorium.sandbox.internal.math.Rng;
import org.scriptorium.sandbox.internal.routing.GShardTopK;
import org.scriptorium.sandbox.internal.routing.RouteContext;
import org.scriptorium.sandbox.internal.routing.Routing;

/**
 * Benchmarks of the sandbox (not a test): {@code ./scriptorium bench sandbox [--examples DIR] [--seeds N] [--out DIR]}.
 * <ol>
 * <li>routing-layer throughput for d = 512, N = 64, top-2, batch 4096 (router matmul + softmax + top-2 +
 * renormalised gates);</li>
 * <li>the router's product 4096×512 · 512×64 in double and float with the plain and the Vector API kernels, against
 * numpy's BLAS (OpenBLAS in Debian's python3-numpy) limited to one thread, run in the same sitting through
 * {@code python3}; the ratio is skipped, with the reason, when python3 or numpy is missing;</li>
 * <li>time from launching a child JVM to its first event;</li>
 * <li>with {@code --examples DIR}: wall time of each shipped example, children in parallel on all cores.</li>
 * </ol>
 * Timing: warm-up (at least one second), then the median of repeated measurements with {@link System#nanoTime()}.
 */
public final class SandboxBenchmark {

	private static final int D = 512;
	private static final int N = 64;
	private static final int T = 4096;
	private static final int WARMUP = 5;
	private static final int REPS = 11;

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
		double flops = 2.0 * T * D * N;
		out.printf(Locale.ROOT, "kernels in use: %s%s%n", Kernels.backend().name(), Kernels.vector() == null
				? " (the Vector API module is not readable: run the JVM with --add-modules jdk.incubator.vector)"
				: "");
		double tLayer = median(layer, WARMUP, REPS);
		out.printf(Locale.ROOT, "routing layer d=%d N=%d top-2 batch=%d: %.1f ms, %.0f tokens/s%n", D, N, T,
				tLayer * 1e3, T / tLayer);
		float[][] xf = toFloat(x);
		float[][] wf = toFloat(wr);
		double[] numpy = numpy(out);
		String[] precisions = {"double", "float"};
		double tMatmul = 0;
		for (int p = 0; p < 2; p++) {
			for (KernelBackend k : new KernelBackend[]{PlainKernels.INSTANCE, Kernels.vector()}) {
				if (k == null) {
					continue;
				}
				double[][] c = new double[T][N];
				float[][] cf = new float[T][N];
				Runnable mm = p == 0 ? () -> k.matmulABt(x, wr, c) : () -> k.matmulABt(xf, wf, cf);
				double t = median(mm, WARMUP, REPS);
				String ratio = numpy == null
						? ""
						: String.format(Locale.ROOT, ", ratio to OpenBLAS %.2f", numpy[p] / t);
				out.printf(Locale.ROOT, "matmul %dx%d · %dx%d %s, %s kernels, one thread: %.2f ms, %.2f GFLOP/s%s%n",
						T, D, D, N, precisions[p], k.name(), t * 1e3, flops / t / 1e9, ratio);
				if (p == 0 && k == Kernels.backend()) {
					tMatmul = t;
				}
			}
			if (numpy != null) {
				out.printf(Locale.ROOT, "matmul %dx%d · %dx%d %s, numpy, one BLAS thread: %.2f ms, %.2f GFLOP/s%n",
						T, D, D, N, precisions[p], numpy[p] * 1e3, flops / numpy[p] / 1e9);
			}
		}
		out.printf(Locale.ROOT, "ratio routing layer / matmul (%s kernels, double): %.2f%n", Kernels.backend().name(),
				tLayer / tMatmul);
		if (sink[0] == 42.4242) {
			out.println();
		}
	}

	/**
	 * The same products with numpy in a {@code python3} child, BLAS limited to one thread: median seconds for double
	 * and float, or null (with the reason printed) when python3 or numpy is missing or fails. Never estimated.
	 */
	private static double[] numpy(PrintStream out) {
		String script = String.join("\n", //
				"import time, sys", //
				"try:", //
				"    import numpy as np", //
				"except ImportError:", //
				"    print('skip numpy is not installed'); sys.exit(0)", //
				"try:", //
				"    blas = np.show_config(mode='dicts')['Build Dependencies']['blas']['name']", //
				"except Exception:", //
				"    blas = 'unknown'", //
				"rng = np.random.default_rng(1)", //
				"for dt in (np.float64, np.float32):", //
				"    a = rng.standard_normal((%d, %d)).astype(dt)".formatted(T, D), //
				"    b = (0.05 * rng.standard_normal((%d, %d))).astype(dt)".formatted(N, D), //
				"    for i in range(%d): c = a @ b.T".formatted(WARMUP), //
				"    ts = []", //
				"    for i in range(%d):".formatted(REPS), //
				"        t0 = time.perf_counter(); c = a @ b.T; ts.append(time.perf_counter() - t0)", //
				"    ts.sort(); print(dt.__name__, ts[len(ts) // 2])", //
				"print('blas', blas, np.__version__)");
		ProcessBuilder pb = new ProcessBuilder("python3", "-c", script).redirectErrorStream(true);
		for (String v : new String[]{"OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"}) {
			pb.environment().put(v, "1");
		}
		List<String> lines = new ArrayList<>();
		try {
			Process proc = pb.start();
			proc.getOutputStream().close();
			try (var r = proc.inputReader()) {
				r.lines().forEach(lines::add);
			}
			int code = proc.waitFor();
			if (code != 0) {
				out.println("OpenBLAS ratio skipped: python3 failed (exit " + code + "): " + String.join(" | ", lines));
				return null;
			}
		} catch (IOException e) {
			out.println("OpenBLAS ratio skipped: python3 is not available (" + e.getMessage() + ")");
			return null;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return null;
		}
		double[] t = new double[2];
		int found = 0;
		for (String l : lines) {
			String[] f = l.trim().split("\\s+");
			if (f[0].equals("skip")) {
				out.println("OpenBLAS ratio skipped: " + l.substring(5));
				return null;
			} else if (f[0].equals("blas")) {
				out.println("numpy " + (f.length > 2 ? f[2] : "?") + " with BLAS " + f[1] + " (one thread)");
			} else if (f.length == 2 && (f[0].equals("float64") || f[0].equals("float32"))) {
				t[f[0].equals("float64") ? 0 : 1] = Double.parseDouble(f[1]);
				found++;
			}
		}
		if (found != 2) {
			out.println("OpenBLAS ratio skipped: unexpected output of python3: " + String.join(" | ", lines));
			return null;
		}
		return t;
	}

	private static float[][] toFloat(double[][] m) {
		float[][] f = new float[m.length][m[0].length];
		for (int i = 0; i < m.length; i++) {
			for (int j = 0; j < m[i].length; j++) {
				f[i][j] = (float) m[i][j];
			}
		}
		return f;
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

	/** Median time of {@code reps} runs after {@code warmup} runs and at least one second of warm-up (the JIT). */
	private static double median(Runnable r, int warmup, int reps) {
		long end = System.nanoTime() + 1_000_000_000L;
		for (int i = 0; i < warmup || System.nanoTime() < end; i++) {
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
