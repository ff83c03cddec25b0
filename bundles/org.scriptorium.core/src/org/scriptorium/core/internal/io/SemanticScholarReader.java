package org.scriptorium.core.internal.io;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.Citation;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;
import org.scriptorium.core.model.PaperKey;
import org.scriptorium.core.model.Reference;

import com.google.gson.JsonObject;

/**
 * Semantic Scholar Graph API JSON: a paper (with {@code references} and {@code citations}), a citation or reference
 * item ({@code citingPaper}/{@code citedPaper} with {@code contexts} and {@code intents}), a page of them
 * ({@code data}), or an author with {@code papers}.
 */
public final class SemanticScholarReader implements FormatReader {

	@Override
	public void read(Reader in, ImportContext ctx) throws IOException, ImportContext.Fatal {
		JsonRecords.read(in, ctx, SemanticScholarReader::map);
	}

	static List<Paper.Builder> map(JsonObject o) throws ImportContext.BadRecord {
		List<Paper.Builder> out = new ArrayList<>();
		JsonObject citing = Json.obj(o, "citingPaper"); //$NON-NLS-1$
		JsonObject cited = Json.obj(o, "citedPaper"); //$NON-NLS-1$
		if (citing != null || cited != null) {
			out.add(paper(citing != null ? citing : cited));
			return out;
		}
		if (!o.has("paperId") && o.has("papers")) { //$NON-NLS-1$ //$NON-NLS-2$
			for (JsonObject p : Json.objects(o, "papers")) { //$NON-NLS-1$
				if (Json.str(p, "title") != null) { //$NON-NLS-1$
					out.add(paper(p));
				}
			}
			return out;
		}
		Paper.Builder main = paper(o);
		for (JsonObject item : Json.objects(o, "references")) { //$NON-NLS-1$
			JsonObject target = item.has("citedPaper") ? Json.obj(item, "citedPaper") : item; //$NON-NLS-1$ //$NON-NLS-2$
			Reference r = reference(target, item);
			if (r != null) {
				main.addReference(r);
			}
		}
		out.add(main);
		Paper mainPaper = main.build();
		Reference toMain = new Reference(null, mainPaper.ids(), mainPaper.title(), mainPaper.authors(),
				mainPaper.year().orElse(null), null, null, Citation.Kind.REFERENCE_LIST, null, null);
		for (JsonObject item : Json.objects(o, "citations")) { //$NON-NLS-1$
			JsonObject source = item.has("citingPaper") ? Json.obj(item, "citingPaper") : item; //$NON-NLS-1$ //$NON-NLS-2$
			if (source != null && Json.str(source, "title") != null) { //$NON-NLS-1$
				out.add(paper(source).references(List.of(new Reference(null, toMain.ids(), toMain.title(),
						toMain.authors(), toMain.year(), null, null, Citation.Kind.REFERENCE_LIST,
						Json.strings(item, "contexts"), Json.strings(item, "intents"))))); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
		return out;
	}

	private static Reference reference(JsonObject target, JsonObject item) {
		if (target == null) {
			return null;
		}
		PaperIds ids = ids(target);
		String title = Json.str(target, "title"); //$NON-NLS-1$
		if (title == null && ids.equals(PaperIds.NONE)) {
			return null;
		}
		return new Reference(null, ids, title, authors(target), Json.year(target, "year"), Json.str(target, "venue"), //$NON-NLS-1$ //$NON-NLS-2$
				null, Citation.Kind.REFERENCE_LIST, Json.strings(item, "contexts"), Json.strings(item, "intents")); //$NON-NLS-1$ //$NON-NLS-2$
	}

	static Paper.Builder paper(JsonObject o) throws ImportContext.BadRecord {
		String title = Json.require(Json.str(o, "title"), "\"title\" (Semantic Scholar returned only an id?)"); //$NON-NLS-1$ //$NON-NLS-2$
		PaperIds ids = ids(o);
		List<String> urls = new ArrayList<>();
		if (Json.str(o, "url") != null) { //$NON-NLS-1$
			urls.add(Json.str(o, "url")); //$NON-NLS-1$
		}
		String venue = Json.str(o, "venue"); //$NON-NLS-1$
		if (venue == null && Json.obj(o, "publicationVenue") != null) { //$NON-NLS-1$
			venue = Json.str(Json.obj(o, "publicationVenue"), "name"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return Paper.builder(PaperKey.idFor(ids, title), title).authors(authors(o)).year(Json.year(o, "year")) //$NON-NLS-1$
				.venue(venue).ids(ids).abstractText(Json.str(o, "abstract")).keywords(Json.strings(o, "fieldsOfStudy")) //$NON-NLS-1$ //$NON-NLS-2$
				.urls(urls);
	}

	private static PaperIds ids(JsonObject o) {
		JsonObject x = Json.obj(o, "externalIds"); //$NON-NLS-1$
		return new PaperIds(Json.str(x, "ArXiv"), Json.str(x, "DOI"), Json.str(o, "paperId"), null, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				Json.str(x, "PubMed"), null); //$NON-NLS-1$
	}

	private static List<Author> authors(JsonObject o) {
		List<Author> out = new ArrayList<>();
		for (JsonObject a : Json.objects(o, "authors")) { //$NON-NLS-1$
			String name = Json.str(a, "name"); //$NON-NLS-1$
			if (name != null) {
				out.add(Author.parse(name));
			}
		}
		return out;
	}
}
