package org.scriptorium.core.io;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.Paper;

import com.google.gson.stream.JsonWriter;

/** Writes papers in a bibliographic format. BibTeX and RIS are not written yet. */
public final class Exporter {

	private Exporter() {
	}

	/** The formats {@link #export} writes. */
	public static List<Format> supportedFormats() {
		return List.of(Format.JSONL, Format.CSL_JSON);
	}

	/**
	 * Writes {@code papers} to {@code out} in {@code format}.
	 *
	 * @throws IllegalArgumentException if the format is not one of {@link #supportedFormats()}
	 */
	public static void export(List<Paper> papers, Format format, Writer out) throws IOException {
		switch (format) {
		case JSONL -> JsonlCorpus.writeTo(out, papers);
		case CSL_JSON -> writeCslJson(papers, out);
		default -> throw new IllegalArgumentException(
				"Scriptorium cannot write " + format.displayName() + " yet"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		out.flush();
	}

	private static void writeCslJson(List<Paper> papers, Writer out) throws IOException {
		JsonWriter w = new JsonWriter(out);
		w.setHtmlSafe(false);
		w.setIndent("  "); //$NON-NLS-1$
		w.beginArray();
		for (Paper p : papers) {
			w.beginObject();
			w.name("id").value(p.id()); //$NON-NLS-1$
			w.name("type").value(p.ids().arxiv() != null && p.venue().isEmpty() ? "article" : "article-journal"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			w.name("title").value(p.title()); //$NON-NLS-1$
			if (!p.authors().isEmpty()) {
				w.name("author").beginArray(); //$NON-NLS-1$
				for (Author a : p.authors()) {
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
			if (p.year().isPresent()) {
				w.name("issued").beginObject().name("date-parts").beginArray().beginArray().value(p.year().get()) //$NON-NLS-1$ //$NON-NLS-2$
						.endArray().endArray().endObject();
			}
			if (p.venue().isPresent()) {
				w.name("container-title").value(p.venue().get()); //$NON-NLS-1$
			}
			if (p.ids().doi() != null) {
				w.name("DOI").value(p.ids().doi()); //$NON-NLS-1$
			}
			if (p.ids().arxiv() != null) {
				w.name("number").value(p.ids().arxiv()); //$NON-NLS-1$
			}
			if (!p.urls().isEmpty()) {
				w.name("URL").value(p.urls().get(0)); //$NON-NLS-1$
			}
			if (p.abstractText().isPresent()) {
				w.name("abstract").value(p.abstractText().get()); //$NON-NLS-1$
			}
			w.endObject();
		}
		w.endArray();
		w.flush();
		out.write('\n');
	}
}
