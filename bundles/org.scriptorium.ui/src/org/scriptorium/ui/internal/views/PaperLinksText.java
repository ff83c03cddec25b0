package org.scriptorium.ui.internal.views;

import java.util.LinkedHashMap;
import java.util.Map;

import org.scriptorium.core.model.PaperIds;

/** The web pages of a paper's identifiers, by the label shown for each (arXiv, DOI, Semantic Scholar, ...). */
final class PaperLinksText {

	private PaperLinksText() {
	}

	/** Label ("arXiv 2401.06066") → URL, in a stable order; identifiers without a page (cite keys) are left out. */
	static Map<String, String> urls(PaperIds ids) {
		Map<String, String> m = new LinkedHashMap<>();
		put(m, "arXiv", ids.arxiv(), "https://arxiv.org/abs/"); //$NON-NLS-1$ //$NON-NLS-2$
		put(m, "DOI", ids.doi(), "https://doi.org/"); //$NON-NLS-1$ //$NON-NLS-2$
		put(m, "Semantic Scholar", ids.semanticScholar(), "https://www.semanticscholar.org/paper/"); //$NON-NLS-1$ //$NON-NLS-2$
		put(m, "OpenAlex", ids.openAlex(), "https://openalex.org/"); //$NON-NLS-1$ //$NON-NLS-2$
		put(m, "PubMed", ids.pubmed(), "https://pubmed.ncbi.nlm.nih.gov/"); //$NON-NLS-1$ //$NON-NLS-2$
		return m;
	}

	private static void put(Map<String, String> m, String label, String id, String prefix) {
		if (id != null) {
			m.put(label + ' ' + id, prefix + id);
		}
	}
}
