package org.scriptorium.core.internal.io;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;
import org.scriptorium.core.model.PaperKey;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** The arXiv metadata snapshot (Kaggle): JSON Lines (or an array) of {@code {id, authors, title, abstract, ...}}. */
public final class ArxivSnapshotReader implements FormatReader {

	@Override
	public void read(Reader in, ImportContext ctx) throws IOException, ImportContext.Fatal {
		JsonRecords.read(in, ctx, ArxivSnapshotReader::map);
	}

	static List<Paper.Builder> map(JsonObject o) throws ImportContext.BadRecord {
		String id = Json.require(Json.str(o, "id"), "arXiv \"id\""); //$NON-NLS-1$ //$NON-NLS-2$
		String title = Json.require(Json.str(o, "title"), "\"title\"").replaceAll("\\s+", " "); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		String doi = Json.str(o, "doi"); //$NON-NLS-1$
		if (doi != null) {
			doi = doi.split("\\s+")[0]; //$NON-NLS-1$
		}
		PaperIds ids = new PaperIds(id, doi, null, null, null, null);
		List<Author> authors = new ArrayList<>();
		JsonArray parsed = Json.arr(o, "authors_parsed"); //$NON-NLS-1$
		for (JsonElement a : parsed) {
			if (a.isJsonArray() && !a.getAsJsonArray().isEmpty()) {
				JsonArray parts = a.getAsJsonArray();
				String family = parts.get(0).getAsString();
				String given = parts.size() > 1 ? parts.get(1).getAsString() : ""; //$NON-NLS-1$
				String suffix = parts.size() > 2 ? parts.get(2).getAsString() : ""; //$NON-NLS-1$
				if (!family.isBlank()) {
					authors.add(new Author(given, suffix.isBlank() ? family : family + " " + suffix)); //$NON-NLS-1$
				}
			}
		}
		if (authors.isEmpty()) {
			authors.addAll(splitAuthors(Json.str(o, "authors"))); //$NON-NLS-1$
		}
		String categories = Json.str(o, "categories"); //$NON-NLS-1$
		List<String> keywords = categories == null ? List.of() : Arrays.asList(categories.split("\\s+")); //$NON-NLS-1$
		return List.of(Paper.builder(PaperKey.idFor(ids, title), title).authors(authors).year(yearOf(ids.arxiv(), o))
				.venue(Json.str(o, "journal-ref")).ids(ids).abstractText(Json.str(o, "abstract")).keywords(keywords) //$NON-NLS-1$ //$NON-NLS-2$
				.urls(List.of("https://arxiv.org/abs/" + ids.arxiv()))); //$NON-NLS-1$
	}

	/** "A, B and C" or "A, B, C". */
	static List<Author> splitAuthors(String s) {
		List<Author> out = new ArrayList<>();
		if (s == null) {
			return out;
		}
		for (String n : s.replaceAll("\\s+", " ").split(",\\s*(?:and\\s+)?|\\s+and\\s+")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			if (!n.isBlank()) {
				out.add(Author.parse(n));
			}
		}
		return out;
	}

	/** The year of an arXiv id (YYMM.NNNNN or archive/YYMMNNN), else of the first version. */
	static Integer yearOf(String arxiv, JsonObject o) {
		Integer y = arxivYear(arxiv);
		if (y != null) {
			return y;
		}
		List<JsonObject> versions = Json.objects(o, "versions"); //$NON-NLS-1$
		return versions.isEmpty() ? Json.year(o, "update_date") : Json.year(versions.get(0), "created"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	static Integer arxivYear(String arxiv) {
		if (arxiv == null) {
			return null;
		}
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:^|/)(\\d{2})(\\d{2})[.\\d]").matcher(arxiv); //$NON-NLS-1$
		if (!m.find()) {
			return null;
		}
		int yy = Integer.parseInt(m.group(1));
		int mm = Integer.parseInt(m.group(2));
		if (mm < 1 || mm > 12) {
			return null;
		}
		return yy >= 91 ? 1900 + yy : 2000 + yy;
	}
}
