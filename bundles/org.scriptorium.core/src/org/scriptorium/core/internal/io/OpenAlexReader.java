package org.scriptorium.core.internal.io;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.Citation;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;
import org.scriptorium.core.model.PaperKey;
import org.scriptorium.core.model.Reference;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * OpenAlex works JSON (one work, a {@code results} page, or JSON Lines of works): the abstract is rebuilt from
 * {@code abstract_inverted_index}, {@code referenced_works} become references by OpenAlex id.
 */
public final class OpenAlexReader implements FormatReader {

	private static final int MAX_ABSTRACT_WORDS = 100_000;

	@Override
	public void read(Reader in, ImportContext ctx) throws IOException, ImportContext.Fatal {
		JsonRecords.read(in, ctx, OpenAlexReader::map);
	}

	static List<Paper.Builder> map(JsonObject o) throws ImportContext.BadRecord {
		String title = Json.str(o, "title"); //$NON-NLS-1$
		if (title == null) {
			title = Json.str(o, "display_name"); //$NON-NLS-1$
		}
		Json.require(title, "\"title\""); //$NON-NLS-1$
		JsonObject idObj = Json.obj(o, "ids"); //$NON-NLS-1$
		String pmid = Json.str(idObj, "pmid"); //$NON-NLS-1$
		PaperIds ids = new PaperIds(arxivOf(o), Json.str(o, "doi"), null, shortId(Json.str(o, "id")), //$NON-NLS-1$ //$NON-NLS-2$
				pmid == null
						? null
						: pmid.replaceFirst("^https?://pubmed\\.ncbi\\.nlm\\.nih\\.gov/", "").replace("/", ""), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				null);
		List<Author> authors = new ArrayList<>();
		for (JsonObject a : Json.objects(o, "authorships")) { //$NON-NLS-1$
			String name = Json.str(Json.obj(a, "author"), "display_name"); //$NON-NLS-1$ //$NON-NLS-2$
			if (name == null) {
				name = Json.str(a, "raw_author_name"); //$NON-NLS-1$
			}
			if (name != null) {
				authors.add(Author.parse(name));
			}
		}
		JsonObject location = Json.obj(o, "primary_location"); //$NON-NLS-1$
		String venue = Json.str(Json.obj(location, "source"), "display_name"); //$NON-NLS-1$ //$NON-NLS-2$
		List<String> keywords = new ArrayList<>();
		for (JsonObject k : Json.objects(o, "keywords")) { //$NON-NLS-1$
			String name = Json.str(k, "display_name"); //$NON-NLS-1$
			if (name != null) {
				keywords.add(name);
			}
		}
		List<String> urls = new ArrayList<>();
		String landing = Json.str(location, "landing_page_url"); //$NON-NLS-1$
		if (landing != null) {
			urls.add(landing);
		}
		List<Reference> refs = new ArrayList<>();
		for (String w : Json.strings(o, "referenced_works")) { //$NON-NLS-1$
			refs.add(new Reference(null, new PaperIds(null, null, null, shortId(w), null, null), null, null, null,
					null, "OpenAlex work " + shortId(w), Citation.Kind.REFERENCE_LIST, null, null)); //$NON-NLS-1$
		}
		Integer year = Json.year(o, "publication_year"); //$NON-NLS-1$
		return List.of(Paper.builder(PaperKey.idFor(ids, title), title).authors(authors).year(year).venue(venue)
				.ids(ids).abstractText(abstractFrom(Json.obj(o, "abstract_inverted_index"))).keywords(keywords) //$NON-NLS-1$
				.urls(urls).references(refs));
	}

	/** Rebuilds the text from {word: [positions]}. */
	static String abstractFrom(JsonObject index) throws ImportContext.BadRecord {
		if (index == null) {
			return null;
		}
		Map<Integer, String> words = new TreeMap<>();
		for (Map.Entry<String, JsonElement> e : index.entrySet()) {
			if (!e.getValue().isJsonArray()) {
				throw new ImportContext.BadRecord(
						"\"abstract_inverted_index\" must map each word to a list of positions"); //$NON-NLS-1$
			}
			for (JsonElement pos : e.getValue().getAsJsonArray()) {
				int p;
				try {
					p = pos.getAsInt();
				} catch (RuntimeException ex) {
					throw new ImportContext.BadRecord(
							"\"abstract_inverted_index\" has a position that is not a number"); //$NON-NLS-1$
				}
				if (p < 0 || p >= MAX_ABSTRACT_WORDS) {
					throw new ImportContext.BadRecord("\"abstract_inverted_index\" has the impossible position " + p); //$NON-NLS-1$
				}
				words.put(p, e.getKey());
			}
		}
		return words.isEmpty() ? null : String.join(" ", words.values()); //$NON-NLS-1$
	}

	private static String arxivOf(JsonObject o) {
		for (JsonObject loc : Json.objects(o, "locations")) { //$NON-NLS-1$
			String a = CslJsonReader.arxivFrom(Json.str(loc, "landing_page_url")); //$NON-NLS-1$
			if (a != null) {
				return a;
			}
		}
		return null;
	}

	static String shortId(String id) {
		return id == null ? null : id.replaceFirst("^https?://openalex\\.org/", ""); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
