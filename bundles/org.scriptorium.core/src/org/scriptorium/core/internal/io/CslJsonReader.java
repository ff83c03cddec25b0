package org.scriptorium.core.internal.io;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;
import org.scriptorium.core.model.PaperKey;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** CSL-JSON (Zotero, Better BibTeX, pandoc): an array of items with {@code author[{family,given|literal}]}. */
public final class CslJsonReader implements FormatReader {

	@Override
	public void read(Reader in, ImportContext ctx) throws IOException, ImportContext.Fatal {
		JsonRecords.read(in, ctx, CslJsonReader::map);
	}

	static List<Paper.Builder> map(JsonObject o) throws ImportContext.BadRecord {
		String title = Json.require(Json.str(o, "title"), "\"title\""); //$NON-NLS-1$ //$NON-NLS-2$
		List<Author> authors = new ArrayList<>();
		for (JsonObject a : Json.objects(o, "author")) { //$NON-NLS-1$
			String family = Json.str(a, "family"); //$NON-NLS-1$
			String literal = Json.str(a, "literal"); //$NON-NLS-1$
			if (family != null) {
				String particle = Json.str(a, "non-dropping-particle"); //$NON-NLS-1$
				authors.add(new Author(Json.str(a, "given"), particle == null ? family : particle + " " + family)); //$NON-NLS-1$ //$NON-NLS-2$
			} else if (literal != null) {
				authors.add(new Author("", literal)); //$NON-NLS-1$
			}
		}
		String doi = Json.str(o, "DOI"); //$NON-NLS-1$
		String arxiv = arxivFrom(Json.str(o, "URL")); //$NON-NLS-1$
		String number = Json.str(o, "number"); //$NON-NLS-1$
		if (arxiv == null && number != null && number.matches("(?i)(arxiv:)?\\d{4}\\.\\d{4,5}(v\\d+)?")) { //$NON-NLS-1$
			arxiv = number;
		}
		PaperIds ids = new PaperIds(arxiv, doi, null, null, Json.str(o, "PMID"), Json.str(o, "id")); //$NON-NLS-1$ //$NON-NLS-2$
		List<String> urls = new ArrayList<>();
		if (Json.str(o, "URL") != null) { //$NON-NLS-1$
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
		return List.of(Paper.builder(PaperKey.idFor(ids, title), title).authors(authors).year(issuedYear(o))
				.venue(venue).ids(ids).abstractText(Json.str(o, "abstract")).keywords(keywords).urls(urls)); //$NON-NLS-1$
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
