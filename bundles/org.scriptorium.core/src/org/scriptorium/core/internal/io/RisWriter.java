package org.scriptorium.core.internal.io;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.EntryTypes;
import org.scriptorium.core.model.Paper;

/**
 * Writes RIS with a stable tag order: TY, ID (cite key), TI, AU..., PY, T2 (venue), DO, AN (arXiv and PubMed ids as
 * {@code arXiv:...} and {@code PMID:...}), UR..., KW..., AB, ER. Values are written on one line each. Authors are
 * {@code Family, Given}; an organisation is written {@code Name,} so that it is not split into given and family
 * names when read back.
 */
public final class RisWriter {

	private static final Map<String, String> FIELD_TAGS = new java.util.HashMap<>();
	private static final Map<String, String> NAME_TAGS = Map.of("editor", "A2", "editora", "A3", "translator", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			"A4"); //$NON-NLS-1$
	static {
		RisReader.TAG_FIELDS.forEach((tag, field) -> FIELD_TAGS.put(field, tag));
	}

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
		String type = p.type().isPresent()
				? p.field("ristype").orElse(EntryTypes.toRis(p.type().get())) //$NON-NLS-1$
				: venue == null ? "GEN" : BibtexWriter.isConference(venue) ? "CONF" : "JOUR"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
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
		for (Map.Entry<String, List<Author>> n : p.names().entrySet()) {
			String t = NAME_TAGS.get(n.getKey());
			for (Author a : n.getValue()) {
				String name = a.given().isEmpty() ? a.family() + "," : a.family() + ", " + a.given(); //$NON-NLS-1$ //$NON-NLS-2$
				tag(b, t != null ? t : "N1", t != null ? name : "tex." + n.getKey() + ": " + name); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			}
		}
		for (Map.Entry<String, String> f : p.fields().entrySet()) {
			String name = f.getKey();
			if (name.equals("ristype")) { //$NON-NLS-1$
				continue;
			}
			if (name.equals("pages")) { //$NON-NLS-1$
				String[] se = f.getValue().split("\u2013", 2); // as the reader joins SP and EP //$NON-NLS-1$
				tag(b, "SP", se[0]); //$NON-NLS-1$
				if (se.length > 1) {
					tag(b, "EP", se[1]); //$NON-NLS-1$
				}
				continue;
			}
			String t = FIELD_TAGS.get(name);
			if (t == null && (name.equals("isbn") || name.equals("issn"))) { //$NON-NLS-1$ //$NON-NLS-2$
				t = "SN"; //$NON-NLS-1$
			}
			if (t == null && name.matches("[A-Z][A-Z0-9]")) { //$NON-NLS-1$
				t = name;
			}
			for (String v : f.getValue().split("\n")) { //$NON-NLS-1$
				if (t != null) {
					tag(b, t, v);
				} else {
					tag(b, "N1", "tex." + name + ": " + v); // as Better BibTeX keeps BibTeX fields in Zotero //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				}
			}
		}
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
