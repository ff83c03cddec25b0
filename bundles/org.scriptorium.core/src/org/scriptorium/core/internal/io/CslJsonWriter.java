package org.scriptorium.core.internal.io;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.EntryTypes;
import org.scriptorium.core.model.Paper;

import com.google.gson.stream.JsonWriter;

/**
 * Writes CSL-JSON (the input of citeproc processors such as citeproc-java): {@code id} (the cite key, else the paper
 * id), {@code type} (from {@link EntryTypes}), {@code title}, {@code author} and the other name variables,
 * {@code issued} (with month and day when the paper's {@code date} has them), {@code container-title}, {@code DOI},
 * {@code number} (the arXiv id), {@code PMID}, {@code URL} (the first URL), {@code keyword}, {@code abstract}, the
 * fields CSL names ({@code page}, {@code volume}, {@code issue}, {@code publisher}, ...), and every other field in the
 * item's {@code custom} object, so that reading the file back loses nothing.
 */
public final class CslJsonWriter {

	private CslJsonWriter() {
	}

	/** Writes the papers as one CSL-JSON array. */
	public static void write(List<Paper> papers, Writer out) throws IOException {
		write(papers, out, FieldLog.NONE);
	}

	/** Writes the papers as {@link #write(List, Writer)} does, telling {@code log} where each part went. */
	public static void write(List<Paper> papers, Writer out, FieldLog log) throws IOException {
		JsonWriter w = new JsonWriter(out);
		w.setHtmlSafe(false);
		w.setIndent("  "); //$NON-NLS-1$
		w.beginArray();
		for (Paper p : papers) {
			item(w, p, log);
		}
		w.endArray();
		w.flush();
		out.write('\n');
	}

	/** Writes one paper as a CSL-JSON item. */
	public static void item(JsonWriter w, Paper p) throws IOException {
		item(w, p, FieldLog.NONE);
	}

	/** Writes one paper as a CSL-JSON item, telling {@code log} where each part of the paper went. */
	public static void item(JsonWriter w, Paper p, FieldLog log) throws IOException {
		Map<String, String> fields = p.fields();
		w.beginObject();
		w.name("id").value(p.ids().citeKey() != null ? p.ids().citeKey() : p.id()); //$NON-NLS-1$
		if (p.ids().citeKey() != null) {
			log.wrote(FieldLog.CITE_KEY, "id", true); //$NON-NLS-1$
		}
		w.name("type").value(p.type().isPresent() //$NON-NLS-1$
				? p.field("csl-type").orElse(EntryTypes.toCsl(p.type().get())) //$NON-NLS-1$
				: p.ids().arxiv() != null && p.venue().isEmpty() ? "article" : "article-journal"); //$NON-NLS-1$ //$NON-NLS-2$
		if (p.type().isPresent()) {
			log.wrote(FieldLog.TYPE, "type", true); //$NON-NLS-1$
		}
		if (!p.isIncomplete()) {
			value(w, log, FieldLog.TITLE, "title", p.title()); //$NON-NLS-1$
		}
		names(w, log, FieldLog.AUTHOR, "author", p.authors()); //$NON-NLS-1$
		for (Map.Entry<String, List<Author>> n : p.names().entrySet()) {
			names(w, log, n.getKey(), CslFields.ROLE_TO_NAME.getOrDefault(n.getKey(), n.getKey()), n.getValue());
		}
		String date = fields.get("date"); //$NON-NLS-1$
		if (date != null && date.matches("\\d{4}(-\\d{1,2}(-\\d{1,2})?)?")) { //$NON-NLS-1$
			date(w, "issued", date); //$NON-NLS-1$
			log.wrote("date", "issued", true); //$NON-NLS-1$ //$NON-NLS-2$
			if (p.year().isPresent()) {
				log.wrote(FieldLog.YEAR, "issued", true); //$NON-NLS-1$
			}
		} else if (p.year().isPresent()) {
			w.name("issued").beginObject().name("date-parts").beginArray().beginArray().value(p.year().get()) //$NON-NLS-1$ //$NON-NLS-2$
					.endArray().endArray().endObject();
			log.wrote(FieldLog.YEAR, "issued", true); //$NON-NLS-1$
		}
		String urldate = fields.get("urldate"); //$NON-NLS-1$
		if (urldate != null && urldate.matches("\\d{4}(-\\d{1,2}(-\\d{1,2})?)?")) { //$NON-NLS-1$
			date(w, "accessed", urldate); //$NON-NLS-1$
			log.wrote("urldate", "accessed", true); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (p.venue().isPresent()) {
			value(w, log, FieldLog.VENUE, "container-title", p.venue().get()); //$NON-NLS-1$
		}
		if (p.ids().doi() != null) {
			value(w, log, FieldLog.DOI, "DOI", p.ids().doi()); //$NON-NLS-1$
		}
		if (p.ids().arxiv() != null && !fields.containsKey("number")) { //$NON-NLS-1$
			value(w, log, FieldLog.ARXIV, "number", p.ids().arxiv()); //$NON-NLS-1$
		} else if (p.ids().arxiv() != null && fields.containsKey("eprint")) { //$NON-NLS-1$
			log.wrote(FieldLog.ARXIV, "custom.eprint", false); //$NON-NLS-1$
		}
		if (p.ids().pubmed() != null) {
			value(w, log, FieldLog.PUBMED, "PMID", p.ids().pubmed()); //$NON-NLS-1$
		}
		if (!p.urls().isEmpty()) {
			value(w, log, FieldLog.URL, "URL", p.urls().get(0)); //$NON-NLS-1$
		}
		if (!p.keywords().isEmpty()) {
			value(w, log, FieldLog.KEYWORDS, "keyword", String.join(", ", p.keywords())); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (p.abstractText().isPresent()) {
			value(w, log, FieldLog.ABSTRACT, "abstract", p.abstractText().get()); //$NON-NLS-1$
		}
		java.util.Map<String, String> custom = new java.util.LinkedHashMap<>();
		for (Map.Entry<String, String> f : fields.entrySet()) {
			String name = f.getKey();
			String var = CslFields.FIELD_TO_VARIABLE.get(name);
			if (name.equals("csl-type")) { //$NON-NLS-1$
				log.wrote(name, "type", true); //$NON-NLS-1$
				continue;
			}
			if (name.equals("date") && date.equals(f.getValue()) //$NON-NLS-1$
					&& date.matches("\\d{4}(-\\d{1,2}(-\\d{1,2})?)?") //$NON-NLS-1$
					|| name.equals("urldate") && f.getValue().matches("\\d{4}(-\\d{1,2}(-\\d{1,2})?)?")) { //$NON-NLS-1$ //$NON-NLS-2$
				continue; // written as a date above
			}
			if (name.equals("number") && !p.type().map(t -> t.equals("article")).orElse(true)) { //$NON-NLS-1$ //$NON-NLS-2$
				var = "number"; // a report's or a patent's number //$NON-NLS-1$
			}
			if (var == null && CslFields.STANDARD.contains(name)) {
				var = name;
			}
			if (var != null) {
				value(w, log, name, var, f.getValue());
			} else {
				custom.put(name, f.getValue());
				log.wrote(name, "custom." + name, false); //$NON-NLS-1$
			}
		}
		if (p.urls().size() > 1) {
			for (int i = 1; i < p.urls().size(); i++) {
				if (custom.putIfAbsent("url" + (i + 1), p.urls().get(i)) == null) { //$NON-NLS-1$
					log.wrote(FieldLog.URL, "custom.url" + (i + 1), false); //$NON-NLS-1$
				}
			}
		}
		if (!custom.isEmpty()) {
			w.name("custom").beginObject(); //$NON-NLS-1$
			for (Map.Entry<String, String> c : custom.entrySet()) {
				w.name(c.getKey()).value(c.getValue());
			}
			w.endObject();
		}
		w.endObject();
	}

	private static void value(JsonWriter w, FieldLog log, String source, String var, String value) throws IOException {
		w.name(var).value(value);
		log.wrote(source, var, CslFields.STANDARD.contains(var) || var.equals("title") || var.equals("type")); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static void names(JsonWriter w, FieldLog log, String source, String var, List<Author> names)
			throws IOException {
		if (names.isEmpty()) {
			return;
		}
		log.wrote(source, var, CslFields.NAME_VARIABLES.contains(var));
		w.name(var).beginArray();
		for (Author a : names) {
			w.beginObject();
			if (a.given() == null || a.given().isEmpty()) {
				w.name("literal").value(a.family()); //$NON-NLS-1$
			} else {
				w.name("family").value(a.family()); //$NON-NLS-1$
				w.name("given").value(a.given()); //$NON-NLS-1$
			}
			w.endObject();
		}
		w.endArray();
	}

	private static void date(JsonWriter w, String var, String iso) throws IOException {
		w.name(var).beginObject().name("date-parts").beginArray().beginArray(); //$NON-NLS-1$
		for (String part : iso.split("-")) { //$NON-NLS-1$
			w.value(Integer.parseInt(part));
		}
		w.endArray().endArray().endObject();
	}
}
