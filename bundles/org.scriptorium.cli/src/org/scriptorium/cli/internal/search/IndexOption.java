package org.scriptorium.cli.internal.search;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** {@code --index DIR} of the search commands: where the corpus' Lucene index goes. */
final class IndexOption {

	@Option(names = "--index", paramLabel = "DIR", description = "The index folder (default: a cache folder per "
			+ "corpus and vector fields in the temporary folder, kept and updated between runs).")
	Path index;
}
