package org.scriptorium.cli.internal.search;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** {@code --index DIR} of the search commands: where the corpus' Lucene index goes. */
final class IndexOption {

	@Option(names = "--index", paramLabel = "DIR", description = "The index folder: new, empty or an index "
			+ "(default: a folder per corpus and vector fields in $XDG_CACHE_HOME/scriptorium/index or "
			+ "~/.cache/scriptorium/index, private to the user, kept and updated between runs).")
	Path index;
}
