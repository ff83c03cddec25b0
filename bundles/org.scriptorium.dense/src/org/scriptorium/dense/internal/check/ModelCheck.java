package org.scriptorium.dense.internal.check;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.scriptorium.dense.DenseModels;
import org.scriptorium.search.ProgressMonitor;
import org.scriptorium.search.TextEncoder;

/**
 * Loads every bundled embedding model (or the ones named), embeds two sentences and a query with each and checks
 * the vectors: the model's length, finite, unit norm, and the query closer to the related sentence than to the
 * unrelated one. Prints one line per model on {@code out}; a failure prints what failed and what to check on
 * {@code err}, never a stack trace. Exit codes: 0 every model works, 1 a model failed, 2 bad usage.
 */
public final class ModelCheck {

	public static final int OK = 0, FAILED = 1, USAGE = 2;

	static final String RELATED = "A mixture-of-experts layer routes each token to a few experts chosen by a learned router."; //$NON-NLS-1$
	static final String UNRELATED = "Folic acid and vitamin B12 do not slow the progression of chronic kidney disease."; //$NON-NLS-1$
	static final String QUERY = "how are tokens routed to experts"; //$NON-NLS-1$
	/** Largest accepted distance of a vector's norm from 1 (the models are quantized; LangChain4j normalises). */
	static final double NORM_TOLERANCE = 1e-3;

	/** What to check when a model fails. */
	public static final String ADVICE = "Check that this platform is one the bundled native libraries cover (Linux on " //$NON-NLS-1$
			+ "x86_64 or aarch64, macOS on aarch64, Windows on x86_64), that the temporary folder " //$NON-NLS-1$
			+ System.getProperty("java.io.tmpdir") //$NON-NLS-1$
			+ " (ONNX Runtime extracts its native library there) and ~/.djl.ai (the tokenizer's) are writable " //$NON-NLS-1$
			+ "and allow loading libraries, and, in Eclipse, that the Scriptorium Dense Retrieval feature is " //$NON-NLS-1$
			+ "installed completely (Help > About > Installation Details > Plug-ins)."; //$NON-NLS-1$

	private final PrintStream out;
	private final PrintStream err;

	private ModelCheck(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/** Checks the models named in {@code args} (ids), or all bundled ones when there are none; returns the exit code. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		List<TextEncoder> models = new ArrayList<>();
		for (String a : args) {
			if (a.equals("-h") || a.equals("--help")) { //$NON-NLS-1$ //$NON-NLS-2$
				out.println(usage());
				return OK;
			}
			var model = DenseModels.get(a);
			if (model.isEmpty()) {
				err.println("dense check: unknown model '" + a + "'. " + usage()); //$NON-NLS-1$ //$NON-NLS-2$
				return USAGE;
			}
			models.add(model.get());
		}
		if (models.isEmpty()) {
			models.addAll(DenseModels.all());
		}
		if (models.isEmpty()) {
			err.println("dense check: FAILED: no embedding model is bundled (org.scriptorium.dense offers none)"); //$NON-NLS-1$
			return FAILED;
		}
		return new ModelCheck(out, err).check(models);
	}

	private static String usage() {
		return "usage: scriptorium dense-check [MODEL...]   MODEL: " //$NON-NLS-1$
				+ String.join(", ", DenseModels.all().stream().map(TextEncoder::id).toList()) //$NON-NLS-1$
				+ " (default: all)"; //$NON-NLS-1$
	}

	/**
	 * One model's check: {@code ok} with what was seen in {@code detail}, or what failed.
	 *
	 * @param model   the model's id
	 * @param label   its name
	 * @param ok      whether it loaded and its vectors are right
	 * @param detail  what was seen (dimensions, norm, cosines), or the failure and its causes
	 * @param seconds how long loading and checking took
	 */
	public record Result(String model, String label, boolean ok, String detail, double seconds) {
	}

	/** Checks each model in turn, handing each result to {@code each}; a model's failure is a result, never thrown. */
	public static List<Result> checkEach(List<TextEncoder> models, Consumer<Result> each) {
		List<Result> results = new ArrayList<>();
		for (TextEncoder model : models) {
			long start = System.nanoTime();
			Result r;
			try {
				String seen = check(model);
				r = new Result(model.id(), model.label(), true, seen, (System.nanoTime() - start) / 1e9);
			} catch (IOException | RuntimeException | LinkageError e) {
				r = new Result(model.id(), model.label(), false, describe(e), (System.nanoTime() - start) / 1e9);
			}
			results.add(r);
			each.accept(r);
		}
		return results;
	}

	/** The operating system, architecture and Java version, as the check reports them. */
	public static String platform() {
		return System.getProperty("os.name") + '/' + System.getProperty("os.arch") + ", Java " //$NON-NLS-1$ //$NON-NLS-2$
				+ Runtime.version().feature();
	}

	private int check(List<TextEncoder> models) {
		List<Result> results = checkEach(models, r -> {
			if (r.ok()) {
				out.printf(Locale.ROOT, "dense check: %s: ok: %s, %s in %.1f s%n", r.model(), r.label(), r.detail(), //$NON-NLS-1$
						r.seconds());
			} else {
				err.println("dense check: " + r.model() + ": FAILED: " + r.detail()); //$NON-NLS-1$ //$NON-NLS-2$
			}
		});
		long failed = results.stream().filter(r -> !r.ok()).count();
		String platform = platform();
		if (failed > 0) {
			err.println("dense check: " + failed + " of " + models.size() + " models failed on " + platform //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					+ ". " + ADVICE); //$NON-NLS-1$
			return FAILED;
		}
		out.println("dense check: " + models.size() + " of " + models.size() //$NON-NLS-1$ //$NON-NLS-2$
				+ " models ok: ONNX Runtime and the tokenizer's native libraries load on " + platform); //$NON-NLS-1$
		return OK;
	}

	/** Embeds and checks; returns what was seen, or throws with what is wrong. */
	private static String check(TextEncoder model) throws IOException {
		List<float[]> docs = model.encodeDocuments(List.of(RELATED, UNRELATED), ProgressMonitor.NONE);
		if (docs.size() != 2) {
			throw new IllegalStateException("2 sentences gave " + docs.size() + " vectors"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		float[] query = model.encodeQuery(QUERY);
		checkVector(model, "sentence vector", docs.get(0)); //$NON-NLS-1$
		checkVector(model, "sentence vector", docs.get(1)); //$NON-NLS-1$
		checkVector(model, "query vector", query); //$NON-NLS-1$
		double related = dot(query, docs.get(0));
		double unrelated = dot(query, docs.get(1));
		if (!(related > unrelated)) {
			throw new IllegalStateException(String.format(Locale.ROOT,
					"the query is not closer to the related sentence (cosine %.3f) than to the unrelated one (%.3f): " //$NON-NLS-1$
							+ "the model or its tokenizer does not compute what it should", //$NON-NLS-1$
					related, unrelated));
		}
		return String.format(Locale.ROOT,
				"%d dimensions, unit norm, query-sentence cosine %.2f related vs %.2f unrelated", //$NON-NLS-1$
				query.length, related, unrelated);
	}

	private static void checkVector(TextEncoder model, String what, float[] v) {
		if (v.length != model.dimension()) {
			throw new IllegalStateException(
					what + " has " + v.length + " dimensions, the model declares " + model.dimension()); //$NON-NLS-1$ //$NON-NLS-2$
		}
		for (float x : v) {
			if (!Float.isFinite(x)) {
				throw new IllegalStateException(what + " has a non-finite component " + x); //$NON-NLS-1$
			}
		}
		double norm = Math.sqrt(dot(v, v));
		if (Math.abs(norm - 1) > NORM_TOLERANCE) {
			throw new IllegalStateException(String.format(Locale.ROOT, "%s has norm %.6f, not 1", what, norm)); //$NON-NLS-1$
		}
	}

	static double dot(float[] a, float[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++) {
			s += (double) a[i] * b[i];
		}
		return s;
	}

	/** The exception and its causes, one message each, without a stack trace. */
	static String describe(Throwable e) {
		StringBuilder s = new StringBuilder();
		for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (s.length() > 0) {
				s.append(" <- caused by "); //$NON-NLS-1$
			}
			s.append(t.getClass().getName()).append(": ").append(t.getMessage()); //$NON-NLS-1$
		}
		return s.toString();
	}
}
