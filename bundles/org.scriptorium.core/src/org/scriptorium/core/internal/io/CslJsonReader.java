package org.scriptorium.core.internal.io;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.EntryTypes;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** CSL-JSON (Zotero, Better BibTeX, pandoc): an array of items with {@code author[{family,given|literal}]}. */
public final class CslJsonReader implements FormatReader {

	@Override
	public void read(Reader in, ImportContext ctx) throws IOException, ImportContext.Fatal {
		JsonRecords.read(in, ctx, CslJsonReader::map);
	}

	/** The variables {@link #map} reads into the model itself. */
	private static final java.util.Set<String> CONSUMED = java.util.Set.of("id", "type", "title", "author", "DOI", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			"URL", "PMID", "keyword", "abstract", "container-title", "custom", "citation-key"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$

	static List<Paper.Builder> map(JsonObject o) throws ImportContext.BadRecord {
		String title = Json.str(o, "title"); //$NON-NLS-1$
		// no title: imported and marked incomplete, as a BibTeX entry without one (JsonRecords lists the problem)
		title = title == null ? "" : title.strip(); //$NON-NLS-1$
		List<Author> authors = names(o, "author"); //$NON-NLS-1$
		String doi = Json.str(o, "DOI"); //$NON-NLS-1$
		String arxiv = arxivFrom(Json.str(o, "URL")); //$NON-NLS-1$
		String number = Json.str(o, "number"); //$NON-NLS-1$
		boolean numberIsArxiv = false;
		if (arxiv == null && number != null && number.matches("(?i)(arxiv:)?\\d{4}\\.\\d{4,5}(v\\d+)?")) { //$NON-NLS-1$
			arxiv = number;
			numberIsArxiv = true;
		}
		String key = Json.str(o, "citation-key") != null ? Json.str(o, "citation-key") : Json.str(o, "id"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		PaperIds ids = new PaperIds(arxiv, doi, null, null, Json.str(o, "PMID"), key); //$NON-NLS-1$
		List<String> urls = new ArrayList<>();
		for (String u : Json.strings(o, "URL")) { //$NON-NLS-1$
			if (!urls.contains(u)) {
				urls.add(u);
			}
		}
		if (urls.isEmpty() && Json.str(o, "URL") != null) { //$NON-NLS-1$
			urls.add(Json.str(o, "URL")); //$NON-NLS-1$
		}
		List<String> keywords = new ArrayList<>();
		String kw = Json.str(o, "keyword"); //$NON-NLS-1$
		if (kw != null) {
			for (String k : kw.split("[,;]")) { //$NON-NLS-1$
				if (!k.isBlank()) {
					keywords.add(k.strip());
				}
			}
		}
		String venue = Json.str(o, "container-title"); //$NON-NLS-1$
		if (venue == null) {
			venue = Json.str(o, "event-title"); //$NON-NLS-1$
		}
		String cslType = Json.str(o, "type"); //$NON-NLS-1$
		Paper.Builder b = Paper.builder(ImportContext.idFor(ids, title, "csl"), title) //$NON-NLS-1$
				.type(cslType == null ? null : EntryTypes.fromCsl(cslType)).authors(authors).year(issuedYear(o))
				.venue(venue).ids(ids).abstractText(Json.str(o, "abstract")).keywords(keywords).urls(urls); //$NON-NLS-1$
		if (cslType != null && !EntryTypes.cslRoundTrips(cslType)) {
			b.field("csl-type", cslType); //$NON-NLS-1$
		}
		for (var e : o.entrySet()) {
			String var = e.getKey();
			if (CONSUMED.contains(var) || var.equals("number") && numberIsArxiv) { //$NON-NLS-1$
				continue;
			}
			JsonElement v = e.getValue();
			if (v.isJsonArray() && !v.getAsJsonArray().isEmpty() && v.getAsJsonArray().get(0).isJsonObject()
					&& !CslFields.DATES.contains(var)) {
				List<Author> list = names(o, var);
				if (!list.isEmpty()) {
					b.names(CslFields.NAMES.getOrDefault(var, var), list);
				}
				continue;
			}
			if (CslFields.DATES.contains(var)) {
				String iso = isoDate(v);
				if (iso != null && !(var.equals("issued") && iso.matches("\\d{4}"))) { //$NON-NLS-1$ //$NON-NLS-2$
					b.field(CslFields.DATE_FIELDS.getOrDefault(var, var), iso);
				}
				continue;
			}
			String name = CslFields.VARIABLES.getOrDefault(var, var);
			if (var.equals("number")) { //$NON-NLS-1$
				name = b.fields().containsKey("number") ? "csl-number" : "number"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			}
			b.field(name, v.isJsonPrimitive() ? v.getAsString() : v.toString());
		}
		JsonObject custom = Json.obj(o, "custom"); //$NON-NLS-1$
		if (custom != null) {
			for (var e : custom.entrySet()) {
				if (!e.getValue().isJsonPrimitive()) {
					continue;
				}
				if (e.getKey().matches("url\\d+")) { //$NON-NLS-1$
					urls.add(e.getValue().getAsString());
					b.urls(urls);
				} else {
					b.field(e.getKey(), e.getValue().getAsString());
				}
			}
		}
		return List.of(b);
	}

	private static List<Author> names(JsonObject o, String var) {
		List<Author> authors = new ArrayList<>();
		for (JsonObject a : Json.objects(o, var)) {
			String family = Json.str(a, "family"); //$NON-NLS-1$
			String literal = Json.str(a, "literal"); //$NON-NLS-1$
			if (family != null) {
				String particle = Json.str(a, "non-dropping-particle"); //$NON-NLS-1$
				authors.add(new Author(Json.str(a, "given"), particle == null ? family : particle + " " + family)); //$NON-NLS-1$ //$NON-NLS-2$
			} else if (literal != null) {
				authors.add(new Author("", literal)); //$NON-NLS-1$
			}
		}
		return authors;
	}

	/** A CSL date as ISO 8601 ({@code 2020}, {@code 2020-05}, {@code 2020-05-01}, a range with {@code /}), or its raw text. */
	static String isoDate(JsonElement v) {
		if (v.isJsonPrimitive()) {
			return v.getAsString().isBlank() ? null : v.getAsString().strip();
		}
		if (!v.isJsonObject()) {
			return null;
		}
		JsonObject d = v.getAsJsonObject();
		JsonArray parts = Json.arr(d, "date-parts"); //$NON-NLS-1$
		List<String> dates = new ArrayList<>();
		for (JsonElement part : parts) {
			if (!part.isJsonArray() || part.getAsJsonArray().isEmpty()) {
				continue;
			}
			StringBuilder s = new StringBuilder();
			JsonArray p = part.getAsJsonArray();
			for (int i = 0; i < Math.min(3, p.size()); i++) {
				String x = p.get(i).isJsonPrimitive() ? p.get(i).getAsString().strip() : ""; //$NON-NLS-1$
				if (!x.matches("-?\\d+")) { //$NON-NLS-1$
					break;
				}
				if (i > 0) {
					s.append('-');
				}
				s.append(i == 0 ? x : x.length() == 1 ? "0" + x : x); //$NON-NLS-1$
			}
			if (!s.isEmpty()) {
				dates.add(s.toString());
			}
		}
		if (!dates.isEmpty()) {
			return String.join("/", dates); //$NON-NLS-1$
		}
		String raw = Json.str(d, "raw"); //$NON-NLS-1$
		return raw != null ? raw : Json.str(d, "literal"); //$NON-NLS-1$
	}

	static Integer issuedYear(JsonObject o) {
		JsonObject issued = Json.obj(o, "issued"); //$NON-NLS-1$
		if (issued == null) {
			return Json.year(o, "issued"); //$NON-NLS-1$
		}
		JsonArray parts = Json.arr(issued, "date-parts"); //$NON-NLS-1$
		if (!parts.isEmpty() && parts.get(0).isJsonArray() && !parts.get(0).getAsJsonArray().isEmpty()) {
			JsonElement y = parts.get(0).getAsJsonArray().get(0);
			if (y.isJsonPrimitive()) {
				return Json.yearIn(y.getAsString());
			}
		}
		Integer y = Json.year(issued, "raw"); //$NON-NLS-1$
		return y != null ? y : Json.year(issued, "literal"); //$NON-NLS-1$
	}

	static String arxivFrom(String url) {
		if (url == null) {
			return null;
		}
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("arxiv\\.org/(?:abs|pdf)/([^?#\\s]+)") //$NON-NLS-1$
				.matcher(url);
		return m.find() ? m.group(1) : null;
	}
}
