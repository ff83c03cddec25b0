package org.scriptorium.ui.internal.search;

import java.util.Map;

import org.eclipse.osgi.util.NLS;
import org.scriptorium.search.HitExplanation;
import org.scriptorium.search.SearchHit;
import org.scriptorium.ui.internal.Messages;

/** "Why this rank": a hit's explanation as text for a tooltip. */
public final class Explanations {

	/** How the engine's explanation of a dense or hybrid hit starts. */
	private static final String FIRST_STAGE = "first stage:"; //$NON-NLS-1$

	private Explanations() {
	}

	/** The explanation of {@code hit}, or null when the search did not ask for one. */
	public static String describe(SearchHit hit) {
		HitExplanation e = hit.explanation();
		if (e == null) {
			return null;
		}
		StringBuilder b = new StringBuilder(NLS.bind(Messages.Explain_rank, hit.rank(), format(e.finalScore())));
		boolean lexical = e.details().isEmpty() || !e.details().get(0).startsWith(FIRST_STAGE);
		b.append('\n').append(NLS.bind(lexical ? Messages.Explain_text : Messages.Explain_firstStage,
				format(e.textScore())));
		for (Map.Entry<String, Double> f : e.fieldContributions().entrySet()) {
			b.append('\n').append(NLS.bind(Messages.Explain_field, f.getKey(), format(f.getValue())));
		}
		if (e.prior() != 0 || e.graph() != 0) {
			b.append('\n').append(NLS.bind(Messages.Explain_prior, format(e.prior())));
			b.append('\n').append(NLS.bind(Messages.Explain_graph, format(e.graph())));
		}
		for (String d : e.details()) {
			b.append('\n').append("  ").append(d); //$NON-NLS-1$
		}
		return b.toString();
	}

	private static String format(double v) {
		return String.format("%.4f", v); //$NON-NLS-1$
	}
}
