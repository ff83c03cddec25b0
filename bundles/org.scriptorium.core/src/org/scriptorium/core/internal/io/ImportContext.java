package org.scriptorium.core.internal.io;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.scriptorium.core.io.ImportProblem;
import org.scriptorium.core.model.Paper;
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

	private final String file;
	private final Provenance provenance;
	private final long maxChars;
	private final List<Read> papers = new ArrayList<>();
	private final List<ImportProblem> problems = new ArrayList<>();

	public ImportContext(String file, Provenance provenance, long maxChars) {
		this.file = file;
		this.provenance = provenance;
		this.maxChars = maxChars;
	}

	public String file() {
		return file;
	}

	/** The provenance to record for every field a record supplies. */
	public Provenance provenance() {
		return provenance;
	}

	public void paper(Paper.Builder paper, int line) {
		papers.add(new Read(paper.provenanceForSetFields(provenance).build(), line));
	}

	public void problem(int line, int column, String message) {
		problems.add(new ImportProblem(file, line, column, message));
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
