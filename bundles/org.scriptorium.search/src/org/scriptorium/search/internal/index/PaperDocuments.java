package org.scriptorium.search.internal.index;

import static org.scriptorium.search.internal.index.PaperFields.*;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;

/** Turns a {@link Paper} into its Lucene document. */
public final class PaperDocuments {

	private PaperDocuments() {
	}

	/** The text of the flat field: title, a space, abstract (as Anserini joins BEIR's title and text). */
	public static String contents(Paper p) {
		return p.abstractText().map(a -> p.title() + " " + a).orElse(p.title()); //$NON-NLS-1$
	}

	/**
	 * The document of a paper.
	 *
	 * @param citedBy  in-corpus cited-by count
	 * @param pagerank PageRank times the number of papers
	 * @param hash     {@link Fingerprints#paperHash(Paper)}
	 */
	public static Document toDocument(Paper p, int citedBy, double pagerank, String hash) {
		Document d = new Document();
		d.add(new StringField(ID, p.id(), Field.Store.YES));
		d.add(new SortedDocValuesField(ID, new BytesRef(p.id())));
		PaperIds ids = p.ids();
		addExact(d, ARXIV, ids.arxiv());
		addExact(d, DOI, ids.doi());
		addExact(d, CITE_KEY, ids.citeKey() == null ? null : ids.citeKey().toLowerCase(java.util.Locale.ROOT));
		d.add(new TextField(TITLE, p.title(), Field.Store.YES));
		p.abstractText().ifPresent(a -> d.add(new TextField(ABSTRACT, a, Field.Store.YES)));
		d.add(new TextField(CONTENTS, contents(p), Field.Store.NO));
		for (Author a : p.authors()) {
			String name = a.displayName();
			d.add(new TextField(AUTHOR, name, Field.Store.NO));
			d.add(new StoredField(AUTHORS_STORED, name));
			d.add(new SortedSetDocValuesField(AUTHOR_FACET, new BytesRef(name)));
		}
		p.venue().ifPresent(v -> {
			d.add(new TextField(VENUE, v, Field.Store.YES));
			d.add(new SortedSetDocValuesField(VENUE_FACET, new BytesRef(v)));
		});
		p.year().ifPresent(y -> {
			d.add(new IntPoint(YEAR, y));
			d.add(new NumericDocValuesField(YEAR, y));
			d.add(new StoredField(YEAR, y));
		});
		if (p.isReferenceOnly()) {
			d.add(new StringField(REFERENCE_ONLY, "1", Field.Store.NO)); //$NON-NLS-1$
		}
		d.add(new NumericDocValuesField(CITED_BY, citedBy));
		d.add(new DoubleDocValuesField(PAGERANK, pagerank));
		d.add(new StoredField(HASH, hash));
		return d;
	}

	private static void addExact(Document d, String field, String value) {
		if (value != null) {
			d.add(new StringField(field, value, Field.Store.NO));
		}
	}
}
