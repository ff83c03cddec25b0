package org.scriptorium.core.internal.io;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.Paper;

/**
 * Writes RIS with a stable tag order: TY, ID (cite key), TI, AU..., PY, T2 (venue), DO, AN (arXiv and PubMed ids as
 * {@code arXiv:...} and {@code PMID:...}), UR..., KW..., AB, ER. Values are written on one line each. Authors are
 * {@code Family, Given}; an organisation is written {@code Name,} so that it is not split into given and family
 * names when read back.
 */
public final class RisWriter {

	private RisWriter() {
	}

	public static void write(List<Paper> papers, Writer out) throws IOException {
		for (int i = 0; i < papers.size(); i++) {
			if (i > 0) {
				out.write('\n');
			}
			out.write(record(papers.get(i)));
		}
	}

	static String record(Paper p) {
		StringBuilder b = new StringBuilder();
		String venue = p.venue().orElse(null);
		String type = venue == null ? "GEN" : BibtexWriter.isConference(venue) ? "CONF" : "JOUR"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		tag(b, "TY", type); //$NON-NLS-1$
		if (p.ids().citeKey() != null) {
			tag(b, "ID", p.ids().citeKey()); //$NON-NLS-1$
		}
		tag(b, "TI", p.title()); //$NON-NLS-1$
		for (Author a : p.authors()) {
			tag(b, "AU", a.given().isEmpty() ? a.family() + "," : a.family() + ", " + a.given()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		p.year().ifPresent(y -> tag(b, "PY", String.valueOf(y))); //$NON-NLS-1$
		if (venue != null) {
			tag(b, "T2", venue); //$NON-NLS-1$
		}
		if (p.ids().doi() != null) {
			tag(b, "DO", p.ids().doi()); //$NON-NLS-1$
		}
		if (p.ids().arxiv() != null) {
			tag(b, "AN", "arXiv:" + p.ids().arxiv()); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (p.ids().pubmed() != null) {
			tag(b, "AN", "PMID:" + p.ids().pubmed()); //$NON-NLS-1$ //$NON-NLS-2$
		}
		for (String u : p.urls()) {
			tag(b, "UR", u); //$NON-NLS-1$
		}
		for (String k : p.keywords()) {
			tag(b, "KW", k); //$NON-NLS-1$
		}
		p.abstractText().ifPresent(a -> tag(b, "AB", a)); //$NON-NLS-1$
		b.append("ER  - \n"); //$NON-NLS-1$
		return b.toString();
	}

	private static void tag(StringBuilder b, String tag, String value) {
		String v = value.replaceAll("\\s+", " ").strip(); //$NON-NLS-1$ //$NON-NLS-2$
		if (!v.isEmpty()) {
			b.append(tag).append("  - ").append(v).append('\n'); //$NON-NLS-1$
		}
	}
}
