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
		write(papers, out, FieldLog.NONE);
	}

	/** Writes the papers as {@link #write(List, Writer)} does, telling {@code log} where each part went. */
	public static void write(List<Paper> papers, Writer out, FieldLog log) throws IOException {
		for (int i = 0; i < papers.size(); i++) {
			if (i > 0) {
				out.write('\n');
			}
			out.write(record(papers.get(i), log));
		}
	}

	static String record(Paper p) {
		return record(p, FieldLog.NONE);
	}

	static String record(Paper p, FieldLog log) {
		StringBuilder b = new StringBuilder();
		String venue = p.venue().orElse(null);
		String type = p.type().isPresent()
				? p.field("ristype").orElse(EntryTypes.toRis(p.type().get())) //$NON-NLS-1$
				: venue == null ? "GEN" : BibtexWriter.isConference(venue) ? "CONF" : "JOUR"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		tag(b, "TY", type); //$NON-NLS-1$
		if (p.type().isPresent()) {
			log.wrote(FieldLog.TYPE, "TY", true); //$NON-NLS-1$
		}
		if (p.ids().citeKey() != null) {
			tag(b, log, FieldLog.CITE_KEY, "ID", p.ids().citeKey()); //$NON-NLS-1$
		}
		if (!p.isIncomplete()) {
			tag(b, log, FieldLog.TITLE, "TI", p.title()); //$NON-NLS-1$
		}
		for (Author a : p.authors()) {
			tag(b, log, FieldLog.AUTHOR, "AU", a.given().isEmpty() ? a.family() + "," : a.family() + ", " + a.given()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		}
		p.year().ifPresent(y -> tag(b, log, FieldLog.YEAR, "PY", String.valueOf(y))); //$NON-NLS-1$
		if (venue != null) {
			tag(b, log, FieldLog.VENUE, "T2", venue); //$NON-NLS-1$
		}
		if (p.ids().doi() != null) {
			tag(b, log, FieldLog.DOI, "DO", p.ids().doi()); //$NON-NLS-1$
		}
		if (p.ids().arxiv() != null) {
			tag(b, log, FieldLog.ARXIV, "AN", "arXiv:" + p.ids().arxiv()); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (p.ids().pubmed() != null) {
			tag(b, log, FieldLog.PUBMED, "AN", "PMID:" + p.ids().pubmed()); //$NON-NLS-1$ //$NON-NLS-2$
		}
		for (String u : p.urls()) {
			tag(b, log, FieldLog.URL, "UR", u); //$NON-NLS-1$
		}
		for (String k : p.keywords()) {
			tag(b, log, FieldLog.KEYWORDS, "KW", k); //$NON-NLS-1$
		}
		p.abstractText().ifPresent(a -> tag(b, log, FieldLog.ABSTRACT, "AB", a)); //$NON-NLS-1$
		for (Map.Entry<String, List<Author>> n : p.names().entrySet()) {
			String t = NAME_TAGS.get(n.getKey());
			for (Author a : n.getValue()) {
				String name = a.given().isEmpty() ? a.family() + "," : a.family() + ", " + a.given(); //$NON-NLS-1$ //$NON-NLS-2$
				if (t != null) {
					tag(b, log, n.getKey(), t, name);
				} else {
					extension(b, log, n.getKey(), name);
				}
			}
		}
		for (Map.Entry<String, String> f : p.fields().entrySet()) {
			String name = f.getKey();
			if (name.equals("ristype")) { //$NON-NLS-1$
				log.wrote(name, "TY", true); //$NON-NLS-1$
				continue;
			}
			if (name.equals("pages")) { //$NON-NLS-1$
				String[] se = f.getValue().split("\u2013", 2); // as the reader joins SP and EP //$NON-NLS-1$
				tag(b, log, name, se.length > 1 ? "SP, EP" : "SP", se[0], "SP"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
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
					tag(b, log, name, t, v);
				} else {
					extension(b, log, name, v);
				}
			}
		}
		b.append("ER  - \n"); //$NON-NLS-1$
		return b.toString();
	}

	/** A value RIS has no tag for, as Better BibTeX keeps BibTeX fields in Zotero: {@code N1  - tex.name: value}. */
	private static void extension(StringBuilder b, FieldLog log, String name, String value) {
		if (tag(b, "N1", "tex." + name + ": " + value)) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			log.wrote(name, "N1 (tex." + name + ")", false); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	private static void tag(StringBuilder b, FieldLog log, String source, String tag, String value) {
		tag(b, log, source, tag, value, tag);
	}

	private static void tag(StringBuilder b, FieldLog log, String source, String label, String value, String tag) {
		if (tag(b, tag, value)) {
			log.wrote(source, label, true);
		}
	}

	/** Writes the tag unless the value is blank; whether it was written. */
	private static boolean tag(StringBuilder b, String tag, String value) {
		String v = value.replaceAll("\\s+", " ").strip(); //$NON-NLS-1$ //$NON-NLS-2$
		if (v.isEmpty()) {
			return false;
		}
		b.append(tag).append("  - ").append(v).append('\n'); //$NON-NLS-1$
		return true;
	}
}
