package org.scriptorium.ui.internal.search;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;
import org.scriptorium.search.Retrieval;
import org.scriptorium.search.TextEncoder;
import org.scriptorium.search.service.TextEncoders;
import org.scriptorium.ui.internal.Messages;

/**
 * The first stages a person can choose (on the Paper Search page and the Search preference page): lexical BM25,
 * dense, reciprocal rank fusion and convex fusion for each installed embedding model, and with several models the
 * fusions of BM25 with all of them.
 */
public final class RetrievalChoices {

	/** A choice: its label and the first stage it stands for. */
	public record Choice(String label, Retrieval retrieval) {
	}

	private RetrievalChoices() {
	}

	/** The choices for the installed encoders; only lexical when none is installed. */
	public static List<Choice> all() {
		return of(TextEncoders.installed());
	}

	/** The choices for {@code encoders}, lexical first. */
	public static List<Choice> of(List<TextEncoder> encoders) {
		List<Choice> out = new ArrayList<>();
		out.add(new Choice(Messages.Retrieval_lexical, Retrieval.LEXICAL));
		for (TextEncoder e : encoders) {
			String name = e.id() + " \u2013 " + e.label(); //$NON-NLS-1$
			out.add(new Choice(NLS.bind(Messages.Retrieval_dense, name), Retrieval.dense(e.id())));
			out.add(new Choice(NLS.bind(Messages.Retrieval_rrf, name), Retrieval.rrf(e.id())));
			out.add(new Choice(NLS.bind(Messages.Retrieval_convex, name),
					Retrieval.convex(e.id(), Retrieval.DEFAULT_DENSE_WEIGHT)));
		}
		if (encoders.size() > 1) {
			String all = encoders.stream().map(TextEncoder::id).collect(Collectors.joining("+")); //$NON-NLS-1$
			String names = encoders.stream().map(TextEncoder::id).collect(Collectors.joining(" + ")); //$NON-NLS-1$
			out.add(new Choice(NLS.bind(Messages.Retrieval_rrf, names), Retrieval.rrf(all)));
			out.add(new Choice(NLS.bind(Messages.Retrieval_convex, names),
					Retrieval.convex(all, Retrieval.DEFAULT_DENSE_WEIGHT)));
		}
		return out;
	}

	/**
	 * The index of the choice with the same kind and model as {@code r} (a convex weight set by hand still selects
	 * convex fusion of its model), or 0 (lexical) when there is none.
	 */
	public static int indexOf(List<Choice> choices, Retrieval r) {
		for (int i = 0; i < choices.size(); i++) {
			Retrieval c = choices.get(i).retrieval();
			if (c.kind() == r.kind() && c.model().equals(r.model())) {
				return i;
			}
		}
		return 0;
	}
}
