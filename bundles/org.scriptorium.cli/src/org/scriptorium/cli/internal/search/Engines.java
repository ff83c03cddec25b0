package org.scriptorium.cli.internal.search;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.scriptorium.cli.internal.ExitCode;
import org.scriptorium.cli.internal.Failure;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.refs.internal.FileCitedIn;
import org.scriptorium.search.PaperSearchEngine;
import org.scriptorium.search.RankingSettings;
import org.scriptorium.search.TextEncoder;
import org.scriptorium.search.TextEncoderProvider;
import org.scriptorium.search.internal.index.DenseVectors;
import org.scriptorium.search.internal.index.Fingerprints;
import org.scriptorium.search.internal.index.IndexFolder;

/** Opening a corpus' search engine as the search commands do: its index folder and the vectors a ranking needs. */
final class Engines {

	private Engines() {
	}

	/** The vectors a ranking needs: the encoders of a dense or hybrid ranker, found on the class path. */
	static DenseVectors dense(RankingSettings settings, Path vectorCache, PrintStream err) {
		return dense(List.of(settings), vectorCache, err);
	}

	/** The vectors several rankings need (each model once), as {@link #dense(RankingSettings, Path, PrintStream)}. */
	static DenseVectors dense(List<RankingSettings> settings, Path vectorCache, PrintStream err) {
		List<String> models = settings.stream().flatMap(s -> s.retrieval().models().stream()).distinct().toList();
		if (models.isEmpty()) {
			return DenseVectors.none();
		}
		List<TextEncoder> all = TextEncoderProvider.onClassPath();
		List<TextEncoder> needed = new ArrayList<>();
		for (String model : models) {
			needed.add(all.stream().filter(e -> e.id().equals(model)).findFirst()
					.orElseThrow(() -> new Failure(ExitCode.USAGE, "no embedding model '" + model + "' ("
							+ (all.isEmpty()
									? "the dense-retrieval feature is not on the class path"
									: "available: " + String.join(", ", all.stream().map(TextEncoder::id).toList()))
							+ ")")));
		}
		return DenseVectors.of(needed, vectorCache, err::println);
	}

	/**
	 * {@code index}, else a folder of the user's private cache folder ({@link IndexFolder#defaultIndex}) named by the
	 * corpus' fingerprint and the vector fields, so that switching between lexical and dense rankers rebuilds nothing.
	 */
	static Path indexDir(Path index, ICorpus corpus, DenseVectors dense) throws IOException {
		if (index != null) {
			return index;
		}
		String fp = Fingerprints.of(corpus).substring(0, 16)
				+ (dense.signature().isEmpty() ? "" : "-" + dense.signature().replaceAll("[^a-z0-9-]+", "_"));
		return IndexFolder.defaultIndex(fp);
	}

	/** The engine of {@code corpus} with the vectors {@code dense}; its messages and progress on {@code err}. */
	static PaperSearchEngine open(ICorpus corpus, Path index, DenseVectors dense, Path vectorCache, PrintStream err)
			throws IOException {
		PaperSearchEngine engine = PaperSearchEngine.open(corpus, indexDir(index, corpus, dense), err::println,
				dense.encoders(), vectorCache, new ConsoleProgress(err));
		engine.setCitedIn(new FileCitedIn(Path.of("").toAbsolutePath())); // citedin: a path from the current folder
		return engine;
	}
}
