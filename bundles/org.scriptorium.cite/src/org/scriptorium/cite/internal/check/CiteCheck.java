package org.scriptorium.cite.internal.check;

import java.io.PrintStream;
import java.util.List;

import org.scriptorium.cite.CitationFormat;
import org.scriptorium.cite.CitationFormatter;
import org.scriptorium.cite.CitationStyle;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.model.Paper;

/**
 * Formats papers of the built-in corpus in every shipped style, as text and HTML, and checks the results: DeepSeekMoE
 * alone (its citation and bibliography entry, printed one line per style) and all seed papers (one entry each).
 * Proves that citeproc-java, its libraries and the shipped styles load where this runs (the install test runs it
 * inside an installed Eclipse). Exit codes: 0 every style works, 1 a style failed (what failed on {@code err}).
 */
public final class CiteCheck {

	public static final int OK = 0, FAILED = 1;

	/** What to check when formatting fails. */
	static final String ADVICE = "In Eclipse, check that the Scriptorium feature is installed completely, with " //$NON-NLS-1$
			+ "citeproc-java, ANTLR's runtime and Commons Lang and Text (Help > About > Installation Details > Plug-ins)."; //$NON-NLS-1$

	private CiteCheck() {
	}

	/** Runs the check; returns the exit code. */
	public static int run(PrintStream out, PrintStream err) {
		try {
			List<Paper> seeds = DefaultCorpus.get().seedPapers();
			List<Paper> deepseek = seeds.stream().filter(p -> p.title().startsWith("DeepSeekMoE:")).toList(); //$NON-NLS-1$
			if (deepseek.size() != 1) {
				err.println("cite check: the built-in corpus has no DeepSeekMoE paper"); //$NON-NLS-1$
				return FAILED;
			}
			for (CitationStyle style : CitationStyle.values()) {
				String citation = CitationFormatter.citation(deepseek, style, CitationFormat.TEXT);
				String entry = CitationFormatter.bibliography(deepseek, style, CitationFormat.TEXT);
				String html = CitationFormatter.bibliography(deepseek, style, CitationFormat.HTML);
				if (citation.isBlank() || !entry.contains("DeepSeekMoE") //$NON-NLS-1$
						|| !html.contains("<div class=\"csl-entry\">")) { //$NON-NLS-1$
					err.println("cite check: " + style.id() + ": unexpected output: " + citation + " | " + entry); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					return FAILED;
				}
				String all = CitationFormatter.bibliography(seeds, style, CitationFormat.TEXT);
				long entries = all.lines().count();
				if (entries != seeds.size()) {
					err.println("cite check: " + style.id() + ": " + entries + " entries for " + seeds.size() //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							+ " papers"); //$NON-NLS-1$
					return FAILED;
				}
				out.println("cite check: " + style.id() + ": " + citation + " | " + entry); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			}
			out.println("cite check: ok: " + CitationStyle.values().length + " styles, " + seeds.size() //$NON-NLS-1$ //$NON-NLS-2$
					+ " papers each"); //$NON-NLS-1$
			return OK;
		} catch (RuntimeException | LinkageError e) {
			err.println("cite check: formatting failed: " + e); //$NON-NLS-1$
			err.println(ADVICE);
			return FAILED;
		}
	}
}
