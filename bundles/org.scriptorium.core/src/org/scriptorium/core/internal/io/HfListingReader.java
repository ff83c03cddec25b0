package org.scriptorium.core.internal.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;
import org.scriptorium.core.model.PaperKey;

/**
 * Imports a Hugging Face papers listing saved as text ({@link HfListing}): each entry becomes a paper with its title
 * and abstract, and its arXiv id (with the year it implies and the abstract page) when the listing gives one.
 */
public final class HfListingReader implements FormatReader {

	@Override
	public void read(Reader in, ImportContext ctx) throws IOException, ImportContext.Fatal {
		HfListing.Listing listing = HfListing.parse(new BufferedReader(in, 1 << 16));
		if (!listing.headerEnded()) {
			throw new ImportContext.Fatal("no date line (such as \"Mar 17\") ends the page's header, so this is not " //$NON-NLS-1$
					+ "a Hugging Face papers listing Scriptorium can read"); //$NON-NLS-1$
		}
		for (HfListing.Problem p : listing.problems()) {
			ctx.problem(p.line(), 0, p.message());
		}
		for (HfListing.Entry e : listing.entries()) {
			ctx.paper(toPaper(e), e.line());
		}
	}

	static Paper.Builder toPaper(HfListing.Entry e) {
		PaperIds ids = new PaperIds(e.arxiv(), null, null, null, null, null);
		List<String> urls = new ArrayList<>();
		if (e.arxiv() != null) {
			urls.add("https://arxiv.org/abs/" + e.arxiv()); //$NON-NLS-1$
		}
		if (e.url() != null && !urls.contains(e.url())) {
			urls.add(e.url());
		}
		return Paper.builder(PaperKey.idFor(ids, e.title()), e.title()).abstractText(e.abstractText()).ids(ids)
				.year(ArxivSnapshotReader.arxivYear(e.arxiv())).urls(urls);
	}
}
