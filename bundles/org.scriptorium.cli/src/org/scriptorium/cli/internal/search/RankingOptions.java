package org.scriptorium.cli.internal.search;

import java.nio.file.Path;

import org.scriptorium.cli.internal.PositiveInt;
import org.scriptorium.search.RankingSettings;
import org.scriptorium.search.VectorCache;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The ranking options of {@code search} and {@code eval}: the ranker, BM25 and citation-aware parameters, vectors. */
final class RankingOptions {

	@Spec(Spec.Target.MIXEE)
	CommandSpec spec;

	@Option(names = "--ranker", paramLabel = "RANKER", description = {"citation (default: citation-aware BM25), bm25, "
			+ "dense:MODEL, rrf:MODEL (reciprocal rank fusion of BM25 and dense) or convex:MODEL[@W] (W x dense + "
			+ "(1 - W) x BM25, min-max normalised; W defaults to 0.7); citation+ before a dense or hybrid ranker adds "
			+ "the citation-aware part. MODEL: an embedding model of the dense-retrieval feature (bge-small, minilm; "
			+ "M1+M2 fuses several)."})
	String ranker;

	@Option(names = "--vectors", paramLabel = "DIR", description = "The cache of document vectors (default: "
			+ "$XDG_CACHE_HOME/scriptorium/vectors or ~/.cache/scriptorium/vectors); nothing is embedded twice.")
	Path vectors;

	@Option(names = "--k1", paramLabel = "X", description = "BM25 k1.")
	Float k1;

	@Option(names = "--b", paramLabel = "Y", description = "BM25 b.")
	Float b;

	@Option(names = "--multifield", description = "BM25 over title and abstract as separate fields.")
	boolean multifield;

	@Option(names = "--prior", paramLabel = "W", description = "Citation-aware ranking: the weight of the PageRank prior.")
	Double prior;

	@Option(names = "--graph", paramLabel = "W", description = "Citation-aware ranking: the weight of the citation "
			+ "graph around the first hits.")
	Double graph;

	@Option(names = "--candidates", paramLabel = "N", converter = PositiveInt.class, description = "Citation-aware ranking: how many BM25 hits it re-ranks.")
	Integer candidates;

	/** The settings these options make of the defaults. */
	RankingSettings settings() {
		return settings(ranker);
	}

	/** The settings these options make of the defaults, with the ranker {@code rankerSpec} (null: the default). */
	RankingSettings settings(String rankerSpec) {
		RankingSettings s = RankingSettings.defaults();
		try {
			if (rankerSpec != null) {
				s = s.withRankerSpec(rankerSpec);
			}
			if (k1 != null || b != null) {
				s = s.withBm25(k1 == null ? s.k1() : k1, b == null ? s.b() : b);
			}
			if (prior != null || graph != null) {
				s = s.withCitationWeights(prior == null ? s.priorWeight() : prior,
						graph == null ? s.graphWeight() : graph);
			}
			if (candidates != null) {
				s = new RankingSettings(s.ranker(), s.multifield(), s.k1(), s.b(), s.titleWeight(), s.abstractWeight(),
						s.priorWeight(), s.graphWeight(), s.seedHits(), candidates, s.retrieval());
			}
		} catch (IllegalArgumentException e) {
			throw new ParameterException(spec.commandLine(), e.getMessage());
		}
		if (multifield) {
			s = s.withMultifield(true, s.titleWeight(), s.abstractWeight());
		}
		return s;
	}

	/** {@code --vectors}, else the default cache folder. */
	Path vectorCache() {
		return vectors != null ? vectors : VectorCache.defaultDirectory();
	}
}
