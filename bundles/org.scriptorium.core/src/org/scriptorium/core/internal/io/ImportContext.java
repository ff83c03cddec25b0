package org.scriptorium.core.internal.io;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.scriptorium.core.io.ImportProblem;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;
import org.scriptorium.core.model.PaperKey;
import org.scriptorium.core.model.Provenance;

/** What a format reader reports to: the papers it read (with their line) and the problems it found. */
public final class ImportContext {

	/** A paper read from the file, and the 1-based line its record starts on. */
	public record Read(Paper paper, int line) {
	}

	/** Thrown by record mappers for a record that is well-formed but not usable. */
	public static final class BadRecord extends Exception {
		private static final long serialVersionUID = 1L;

		public BadRecord(String message) {
			super(message);
		}
	}

	/** Thrown when the file cannot be read any further (a syntax error the format cannot recover from). */
	public static final class Fatal extends Exception {
		private static final long serialVersionUID = 1L;
		private final int line;
		private final int column;

		public Fatal(String message) {
			this(0, 0, message);
		}

		public Fatal(int line, int column, String message) {
			super(message);
			this.line = line;
			this.column = column;
		}

		public int line() {
			return line;
		}

		public int column() {
			return column;
		}
	}

	/**
	 * The one limit on the length of a field, shared by every format (the XML readers and the listings use it too):
	 * 1 MiB of characters. A longer field makes its record a bad record.
	 */
	public static final int MAX_FIELD_CHARS = 1 << 20;
	/** {@link #MAX_FIELD_CHARS} in words, for messages. */
	public static final String MAX_FIELD_LIMIT = "the limit of 1 MiB (1,048,576 characters) per field"; //$NON-NLS-1$

	private final String file;
	private final Provenance provenance;
	private final long maxChars;
	private boolean strict;
	private final List<Read> papers = new ArrayList<>();
	private final List<ImportProblem> problems = new ArrayList<>();

	public ImportContext(String file, Provenance provenance, long maxChars) {
		this.file = file;
		this.provenance = provenance;
		this.maxChars = maxChars;
	}

	/** Whether any problem refuses the import (then readers need not say what they keep). */
	public boolean strict() {
		return strict;
	}

	public ImportContext strict(boolean value) {
		strict = value;
		return this;
	}

	public String file() {
		return file;
	}

	/** The provenance to record for every field a record supplies. */
	public Provenance provenance() {
		return provenance;
	}

	/** Adds a paper read from {@code line}, unless a field is longer than {@link #MAX_FIELD_CHARS}. */
	public void paper(Paper.Builder paper, int line) {
		Paper p = paper.provenanceForSetFields(provenance).build();
		String tooLong = tooLongField(p);
		if (tooLong != null) {
			problem(line, 0, "the field \"" + tooLong + "\" is longer than " + MAX_FIELD_LIMIT //$NON-NLS-1$ //$NON-NLS-2$
					+ "; the record is skipped"); //$NON-NLS-1$
			return;
		}
		papers.add(new Read(p, line));
	}

	private static String tooLongField(Paper p) {
		if (p.title().length() > MAX_FIELD_CHARS) {
			return Paper.TITLE;
		}
		if (p.abstractText().map(String::length).orElse(0) > MAX_FIELD_CHARS) {
			return Paper.ABSTRACT;
		}
		if (p.venue().map(String::length).orElse(0) > MAX_FIELD_CHARS) {
			return Paper.VENUE;
		}
		for (var e : p.fields().entrySet()) {
			if (e.getValue().length() > MAX_FIELD_CHARS) {
				return e.getKey();
			}
		}
		for (String k : p.keywords()) {
			if (k.length() > MAX_FIELD_CHARS) {
				return Paper.KEYWORDS;
			}
		}
		for (String u : p.urls()) {
			if (u.length() > MAX_FIELD_CHARS) {
				return Paper.URLS;
			}
		}
		return null;
	}

	/**
	 * The id of a paper read from a record: {@link PaperKey#idFor} when the record has a title or an identifier, else
	 * (an incomplete record) its cite key's, else {@code untitled:WHERE}. Untitled ids never make two papers one.
	 */
	public static String idFor(PaperIds ids, String title, String where) {
		if (!title.isEmpty() || ids.arxiv() != null || ids.doi() != null) {
			return PaperKey.idFor(ids, title);
		}
		return ids.citeKey() != null ? "key:" + ids.citeKey() : UNTITLED + where; //$NON-NLS-1$
	}

	/** The prefix of the ids of untitled records without an identifier or a cite key. */
	public static final String UNTITLED = "untitled:"; //$NON-NLS-1$

	/** A problem that skips its record (or the rest of the file). */
	public void problem(int line, int column, String message) {
		problems.add(new ImportProblem(file, line, column, message));
	}

	/** A problem about a record that is imported anyway ({@link ImportProblem#warning()}). */
	public void warning(int line, int column, String message) {
		problems.add(new ImportProblem(file, line, column, message, true));
	}

	public List<Read> papers() {
		return papers;
	}

	public List<ImportProblem> problems() {
		return problems;
	}

	/** Reads the whole input, refusing more than the configured number of characters. */
	public String readAll(Reader in) throws IOException, Fatal {
		StringBuilder b = new StringBuilder();
		char[] buf = new char[1 << 14];
		for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
			b.append(buf, 0, n);
			if (b.length() > maxChars) {
				throw new Fatal("the file is too large for this format (more than " + maxChars / (1 << 20) //$NON-NLS-1$
						+ " M characters); split it, or use JSON Lines, which is read in a stream"); //$NON-NLS-1$
			}
		}
		return b.toString();
	}
}
