package org.scriptorium.core.internal.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.scriptorium.core.internal.io.HfListing;

/**
 * Reads a Hugging Face "trending papers" listing saved as text: header lines, then a title line and an abstract line
 * alternating, separated by blank lines. The header ends at the first line that looks like a date ("Mar 17"). The
 * grammar is {@link HfListing}'s (which the importer uses too); here any problem refuses the listing.
 */
public final class SeedListing {

	/** One listed paper: its title and abstract, and the 1-based line of its title. */
	public record Entry(String title, String abstractText, int line) {
	}

	private SeedListing() {
	}

	public static List<Entry> read(BufferedReader reader) throws IOException {
		HfListing.Listing listing = HfListing.parse(reader);
		if (!listing.problems().isEmpty()) {
			HfListing.Problem p = listing.problems().get(0);
			throw new IOException("line " + p.line() + ": " + p.message()); //$NON-NLS-1$ //$NON-NLS-2$
		}
		List<Entry> entries = new ArrayList<>(listing.entries().size());
		for (HfListing.Entry e : listing.entries()) {
			entries.add(new Entry(e.title(), e.abstractText(), e.line()));
		}
		return entries;
	}
}
