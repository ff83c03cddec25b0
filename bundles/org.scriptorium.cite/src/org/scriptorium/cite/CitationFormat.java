package org.scriptorium.cite;

/** What a formatted citation or bibliography is written as. */
public enum CitationFormat {
	/** Plain text (Unicode quotes and dashes; no markup). */
	TEXT,
	/** An HTML fragment (italics as {@code <span style="font-style: italic">}, DOIs and URLs as links). */
	HTML
}
