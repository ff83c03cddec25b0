package org.scriptorium.core.io;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.internal.io.BibtexWriter;
import org.scriptorium.core.internal.io.CiteKeys;
import org.scriptorium.core.internal.io.CslJsonWriter;
import org.scriptorium.core.internal.io.RisWriter;
import org.scriptorium.core.model.Paper;

/** Writes papers in a bibliographic format: JSON Lines, BibTeX, CSL-JSON or RIS. */
public final class Exporter {

	private Exporter() {
	}

	/** The formats {@link #export} writes. */
	public static List<Format> supportedFormats() {
		return List.of(Format.JSONL, Format.BIBTEX, Format.CSL_JSON, Format.RIS);
	}

	/**
	 * Writes {@code papers} to {@code out} in {@code format}.
	 *
	 * @throws IllegalArgumentException if the format is not one of {@link #supportedFormats()}
	 */
	public static void export(List<Paper> papers, Format format, Writer out) throws IOException {
		switch (format) {
			case JSONL -> JsonlCorpus.writeTo(out, papers);
			case BIBTEX -> BibtexWriter.write(papers, out);
			case CSL_JSON -> writeCslJson(papers, out);
			case RIS -> RisWriter.write(papers, out);
			default -> throw new IllegalArgumentException(
					"Scriptorium cannot write " + format.displayName() + " yet"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		out.flush();
	}

	/**
	 * The papers in {@code format} as a string, e.g. for the clipboard ("Copy as BibTeX").
	 *
	 * @throws IllegalArgumentException if the format is not one of {@link #supportedFormats()}
	 */
	public static String toString(List<Paper> papers, Format format) {
		StringWriter w = new StringWriter();
		try {
			export(papers, format, w);
		} catch (IOException e) {
			throw new UncheckedIOException(e); // a StringWriter does not fail
		}
		return w.toString();
	}

	/**
	 * The first {@code lines} lines of what {@link #export} writes of {@code papers} in {@code format}, exactly as it
	 * writes them (the whole list's cite keys and {@code @preamble}s included); writing stops there, so this is cheap
	 * for a large list.
	 *
	 * @throws IllegalArgumentException if the format is not one of {@link #supportedFormats()}
	 */
	public static String head(List<Paper> papers, Format format, int lines) {
		StringWriter text = new StringWriter();
		Writer head = new Writer() {
			private int left = lines;

			@Override
			public void write(char[] buffer, int offset, int length) throws IOException {
				for (int i = offset; i < offset + length; i++) {
					text.write(buffer[i]);
					if (buffer[i] == '\n' && --left <= 0) {
						throw new Enough();
					}
				}
			}

			@Override
			public void flush() {
				// nothing buffered
			}

			@Override
			public void close() {
				// nothing to release
			}
		};
		try {
			if (lines > 0) {
				export(papers, format, head);
			}
		} catch (Enough e) {
			// the head is complete
		} catch (IOException e) {
			throw new UncheckedIOException(e); // only Enough is thrown
		}
		return text.toString();
	}

	/** Stops a writer once the head is written. */
	private static final class Enough extends IOException {
		private static final long serialVersionUID = 1L;

		@Override
		public synchronized Throwable fillInStackTrace() {
			return this; // a signal, not an error
		}
	}

	/**
	 * The BibTeX cite key of a paper: its own cite key if it has one, else a generated {@code familyYearWord} key
	 * ({@code fedus2022switch}). Within one BibTeX export, keys that collide get {@code a}, {@code b}, ... appended
	 * (see {@link #citeKeys(List)}).
	 */
	public static String citeKey(Paper paper) {
		return CiteKeys.of(paper);
	}

	/** The cite keys a BibTeX export of these papers uses, in the same order (unique within the list). */
	public static List<String> citeKeys(List<Paper> papers) {
		return CiteKeys.assign(papers);
	}

	private static void writeCslJson(List<Paper> papers, Writer out) throws IOException {
		CslJsonWriter.write(papers, out);
	}
}
