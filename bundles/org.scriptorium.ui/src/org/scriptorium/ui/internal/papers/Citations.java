package org.scriptorium.ui.internal.papers;

import java.util.List;

import org.scriptorium.core.io.Exporter;
import org.scriptorium.core.io.Format;
import org.scriptorium.core.model.Paper;

/** The texts the Copy As commands put on the clipboard, written by the core {@link Exporter}. */
public enum Citations {
	/** BibTeX entries. */
	BIBTEX("bibtex"), //$NON-NLS-1$
	/** A CSL-JSON array. */
	CSL_JSON("csl-json"), //$NON-NLS-1$
	/** The cite keys, separated by commas. */
	KEY("key"), //$NON-NLS-1$
	/** {@code \cite{key1,key2}}. */
	LATEX("latex"); //$NON-NLS-1$

	private final String id;

	Citations(String id) {
		this.id = id;
	}

	/** The value of the copy command's style parameter. */
	public String id() {
		return id;
	}

	/** The style with this parameter value; {@code \cite{key}} when null (Edit &gt; Copy Citation). */
	public static Citations of(String id) {
		if (id == null) {
			return LATEX;
		}
		for (Citations c : values()) {
			if (c.id.equals(id)) {
				return c;
			}
		}
		throw new IllegalArgumentException("no citation style " + id); //$NON-NLS-1$
	}

	/** The text for these papers. */
	public String text(List<Paper> papers) {
		return switch (this) {
			case BIBTEX -> Exporter.toString(papers, Format.BIBTEX);
			case CSL_JSON -> Exporter.toString(papers, Format.CSL_JSON);
			case KEY -> keys(papers);
			case LATEX -> "\\cite{" + keys(papers) + "}"; //$NON-NLS-1$ //$NON-NLS-2$
		};
	}

	/**
	 * The papers' cite keys, separated by commas (what a drop into an editor inserts): the keys a BibTeX export of
	 * the same papers uses.
	 */
	public static String keys(List<Paper> papers) {
		return String.join(",", Exporter.citeKeys(papers)); //$NON-NLS-1$
	}
}
