package org.scriptorium.core.internal.io;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CSL-JSON variables and the BibTeX/BibLaTeX field (or name list) each is kept as. Variables not listed keep
 * their CSL name; fields not listed are written in the item's {@code custom} object.
 */
final class CslFields {

	/** CSL variable to field name, in the order written. */
	static final Map<String, String> VARIABLES = new LinkedHashMap<>();
	/** CSL name variable to name role. */
	static final Map<String, String> NAMES = new LinkedHashMap<>();
	static final Map<String, String> FIELD_TO_VARIABLE = new HashMap<>();
	static final Map<String, String> ROLE_TO_NAME = new HashMap<>();

	static {
		String[][] v = {{"publisher", "publisher"}, {"publisher-place", "address"}, {"edition", "edition"}, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
				{"collection-title", "series"}, {"collection-number", "volumes"}, {"volume", "volume"}, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
				{"issue", "number"}, {"page", "pages"}, {"number-of-pages", "pagetotal"}, {"ISBN", "isbn"}, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$
				{"ISSN", "issn"}, {"PMCID", "pmcid"}, {"note", "note"}, {"language", "language"}, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$
				{"title-short", "shorttitle"}, {"container-title-short", "shortjournal"}, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				{"event-title", "eventtitle"}, {"event-place", "venue"}, {"chapter-number", "chapter"}, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
				{"genre", "type"}, {"medium", "howpublished"}, {"archive", "archive"}, {"version", "version"}, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$
				{"call-number", "library"}, {"annote", "annotation"}, {"original-title", "origtitle"}}; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
		for (String[] p : v) {
			VARIABLES.put(p[0], p[1]);
			FIELD_TO_VARIABLE.put(p[1], p[0]);
		}
		String[][] n = {{"editor", "editor"}, {"translator", "translator"}, {"container-author", "bookauthor"}, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
				{"collection-editor", "editora"}}; //$NON-NLS-1$ //$NON-NLS-2$
		for (String[] p : n) {
			NAMES.put(p[0], p[1]);
			ROLE_TO_NAME.put(p[1], p[0]);
		}
	}

	/** The CSL variables of dates (read as ISO 8601 texts). */
	static final java.util.Set<String> DATES = java.util.Set.of("issued", "accessed", "original-date", "event-date", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			"available-date", "submitted"); //$NON-NLS-1$ //$NON-NLS-2$
	/** Date variables and the field each is kept as. */
	static final Map<String, String> DATE_FIELDS = Map.of("issued", "date", "accessed", "urldate", "original-date", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			"origdate", "event-date", "eventdate"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	/** The standard CSL 1.0.2 name variables. */
	static final java.util.Set<String> NAME_VARIABLES = java.util.Set.of("author", "chair", "collection-editor", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			"compiler", "composer", "container-author", "contributor", "curator", "director", "editor", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$
			"editorial-director", "executive-producer", "guest", "host", "illustrator", "interviewer", "narrator", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$
			"organizer", "original-author", "performer", "producer", "recipient", "reviewed-author", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			"script-writer", "series-creator", "translator"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	/** The standard CSL 1.0.2 variables that are texts or numbers (written as they are when a field has the name). */
	static final java.util.Set<String> STANDARD = java.util.Set.of("abstract", "annote", "archive", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			"archive_collection", "archive_location", "archive-place", "authority", "call-number", "chapter-number", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			"citation-key", "citation-label", "citation-number", "collection-number", "collection-title", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			"container-title", "container-title-short", "dimensions", "division", "DOI", "edition", "event", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$
			"event-title", "event-place", "first-reference-note-number", "genre", "ISBN", "ISSN", "issue", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$
			"jurisdiction", "keyword", "language", "license", "locator", "medium", "note", "number", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$
			"number-of-pages", "number-of-volumes", "original-publisher", "original-publisher-place", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			"original-title", "page", "page-first", "part-number", "part-title", "PMCID", "PMID", "printing-number", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$
			"publisher", "publisher-place", "references", "reviewed-genre", "reviewed-title", "scale", "section", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$
			"source", "status", "supplement-number", "title-short", "URL", "version", "volume", "volume-title", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$
			"volume-title-short", "year-suffix", "journalAbbreviation", "shortTitle"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$

	private CslFields() {
	}
}
