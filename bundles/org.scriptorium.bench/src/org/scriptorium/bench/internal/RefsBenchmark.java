package org.scriptorium.bench.internal;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.scriptorium.refs.References;

/**
 * Benchmark of the reference recogniser (a command, not a test): a generated file of {@code lines} lines mixing Java,
 * Python, LaTeX and Markdown with references in every form, scanned by {@link References#find} and by a plain
 * {@code java.util.regex} scan of the same text for the same patterns (one alternation, {@code Matcher.find} over the
 * whole text; it neither splits key lists nor normalises ids). Each scan is run after a warm-up, the median of the
 * rounds counts. Run: {@code ./scriptorium bench refs [--lines N] [--rounds K]}.
 */
public final class RefsBenchmark {

	/** The same patterns as the recogniser, as one regular expression. */
	static final Pattern REGEX = Pattern.compile(String.join("|", //$NON-NLS-1$
			// arXiv: prefix, URLs, CoRR abs/ form; new- and old-style ids with version
			"(?i:arxiv:\\s?|(?:https?://)?(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf)/|(?<![\\w/.])abs/)" //$NON-NLS-1$
					+ "(?:\\d{4}\\.\\d{4,5}|[a-z-]+(?:\\.[A-Z]{2})?/\\d{7})(?:v\\d+)?(?:\\.pdf)?", //$NON-NLS-1$
			// bare old-style ids of a known archive
			"(?<![\\w/.:-])(?:hep-th|hep-ph|hep-ex|hep-lat|astro-ph|cond-mat|gr-qc|math-ph|nucl-th|nucl-ex|quant-ph|math|cs|physics|nlin|q-bio)(?:\\.[A-Z]{2})?/\\d{7}(?:v\\d+)?", //$NON-NLS-1$
			// DOIs with their prefixes
			"(?i:doi:\\s?|(?:https?://)?(?:dx\\.|www\\.)?doi\\.org/)?(?<![\\w.-])10\\.\\d{4,9}(?:\\.\\d+)*/[-._;()/:A-Za-z0-9]+", //$NON-NLS-1$
			// LaTeX cite commands with optional arguments and one key group
			"\\\\(?:paren|text|auto|foot|footfull|full|smart|super|no|def)?(?i:cite)[a-zA-Z]*\\*?\\s*(?:\\[[^\\]]*\\]\\s*)*\\{[^{}\\\\]*\\}", //$NON-NLS-1$
			// Pandoc citations
			"\\[[^\\[\\]\\n]*(?:^|[\\s;\\[-])@[\\w{][^\\[\\]\\n]*\\](?![(\\[])")); //$NON-NLS-1$

	private static final String[] JAVA = { "package sample;", "", "/**", " * Router of experts (arXiv:2202.09368).", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			" * Noisy top-k gating as in https://arxiv.org/abs/1701.06538v1.", " */", //$NON-NLS-1$ //$NON-NLS-2$
			"public class Router%d {", "	private final double[] weights = new double[10];", //$NON-NLS-1$ //$NON-NLS-2$
			"	@Override", "	public String toString() {", //$NON-NLS-1$ //$NON-NLS-2$
			"		return \"Router[\" + weights.length + \"]\"; // see doi:10.1162/neco.1991.3.1.79", "	}", "}", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			"" };
	private static final String[] PYTHON = { "import torch", "", "class SharedExpertMoE%d(torch.nn.Module):", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			"    \"\"\"Implements arXiv:2401.06066 (DeepSeekMoE), shared experts.\"\"\"", "", //$NON-NLS-1$ //$NON-NLS-2$
			"    def forward(self, x):", "        # top-k routing, see DOI 10.48550/arXiv.2202.08906", //$NON-NLS-1$ //$NON-NLS-2$
			"        scores = x @ self.gate  # matrix product, not a citation", "        return scores[0:10]", "" }; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	private static final String[] LATEX = { "\\section{Related work %d}", //$NON-NLS-1$
			"Mixture-of-experts layers \\citep{shazeer2017outrageously} route each token to a few experts.", //$NON-NLS-1$
			"DeepSeekMoE \\cite{dai2024deepseekmoe} adds shared experts; Switch \\citet[p.~3]{fedus2022switch}", //$NON-NLS-1$
			"keeps one expert per token, see also \\cite[see][Sec.~2]{lepikhin2021gshard, fedus2022switch}.", //$NON-NLS-1$
			"An old one is hep-th/9901001; \\textcite{dai2024deepseekmoe} and \\parencite*{zoph2022stmoe}.", "" }; //$NON-NLS-1$ //$NON-NLS-2$
	private static final String[] MARKDOWN = { "## Notes %d", "", //$NON-NLS-1$ //$NON-NLS-2$
			"Shared experts help [@dai2024deepseekmoe]; one expert is enough [see @fedus2022switch, p. 33].", //$NON-NLS-1$
			"Not citations: mail [someone@example.org] and the link [@octocat](https://github.com/octocat).", //$NON-NLS-1$
			"A DOI in a link: [factored](https://doi.org/10.1145/362686.362692), PDF https://arxiv.org/pdf/2401.06066v1.pdf.", //$NON-NLS-1$
			"Plain text with numbers 2401.06066 and version 1.10.2 and a list [1, 2, 3].", "" }; //$NON-NLS-1$ //$NON-NLS-2$

	private RefsBenchmark() {
	}

	/** A text of {@code lines} lines: blocks of Java, Python, LaTeX and Markdown in a seeded random order. */
	public static String text(int lines) {
		SplittableRandom r = new SplittableRandom(7);
		String[][] blocks = { JAVA, PYTHON, LATEX, MARKDOWN };
		StringBuilder b = new StringBuilder(lines * 48);
		int n = 0;
		for (int block = 0; n < lines; block++) {
			for (String line : blocks[r.nextInt(blocks.length)]) {
				if (n++ >= lines) {
					break;
				}
				b.append(line.contains("%d") ? line.replace("%d", Integer.toString(block)) : line).append('\n'); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
		return b.toString();
	}

	/** Runs the benchmark and prints its report on {@code out}. */
	public static void run(int lines, int rounds, PrintStream out) {
		String text = text(lines);
		out.printf(Locale.ROOT, "# Reference recogniser benchmark: %,d lines, %,d characters%n", lines, text.length()); //$NON-NLS-1$
		out.printf(Locale.ROOT, "JVM %s, %d processors%n", Runtime.version(), //$NON-NLS-1$
				Runtime.getRuntime().availableProcessors());
		int found = 0;
		int matches = 0;
		for (int i = 0; i < 20; i++) { // warm-up of both
			found = References.find(text).size();
			matches = regexScan(text);
		}
		double[] ours = new double[rounds];
		double[] regex = new double[rounds];
		for (int i = 0; i < rounds; i++) {
			long t = System.nanoTime();
			found = References.find(text).size();
			ours[i] = (System.nanoTime() - t) / 1e6;
			t = System.nanoTime();
			matches = regexScan(text);
			regex[i] = (System.nanoTime() - t) / 1e6;
		}
		double a = median(ours);
		double b = median(regex);
		out.printf(Locale.ROOT, "%n| scan of the same text | median of %d rounds | found |%n|---|---|---|%n", rounds); //$NON-NLS-1$
		out.printf(Locale.ROOT, "| References.find (one pass, keys split, ids normalised) | %.2f ms | %,d references |%n", //$NON-NLS-1$
				a, found);
		out.printf(Locale.ROOT, "| java.util.regex, the same patterns as one alternation | %.2f ms | %,d matches |%n", //$NON-NLS-1$
				b, matches);
		out.printf(Locale.ROOT, "%nratio recogniser / regex: %.2f (below 1: the recogniser is faster)%n", a / b); //$NON-NLS-1$
	}

	static int regexScan(String text) {
		Matcher m = REGEX.matcher(text);
		int n = 0;
		while (m.find()) {
			n++;
		}
		return n;
	}

	private static double median(double[] v) {
		double[] s = v.clone();
		Arrays.sort(s);
		return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
	}
}
