package org.scriptorium.core.internal.io;

import java.io.IOException;
import java.io.Reader;

/** Reads one bibliographic format into papers, reporting bad records to the context. */
public interface FormatReader {

	/**
	 * Reads all records. Bad records are reported with {@link ImportContext#problem}; a {@link ImportContext.Fatal}
	 * means the rest of the input cannot be read.
	 */
	void read(Reader in, ImportContext ctx) throws IOException, ImportContext.Fatal;
}
