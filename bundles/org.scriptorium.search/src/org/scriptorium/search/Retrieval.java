package org.scriptorium.search;

import java.util.Locale;

/**
 * The first stage of ranking: which documents are retrieved and with what score, before the citation-aware part
 * (which composes with every kind here).
 *
 * @param kind        lexical (BM25), dense (one embedding model), or a hybrid fusion of both
 * @param model       the {@link TextEncoder#id() encoder} of dense and hybrid retrieval; empty for lexical. Hybrids
 *                    may fuse several models' lists with BM25: their ids joined by {@code +}
 *                    ({@code bge-small+minilm}, see {@link #models()})
 * @param denseWeight convex fusion: weight of the min-max normalised dense scores, shared equally by the models;
 *                    BM25's is {@code 1 - denseWeight}
 * @param rrfK        reciprocal rank fusion's constant: a document scores {@code Σ 1 / (rrfK + rank)}
 * @param depth       hybrid: how many documents each of BM25 and dense contributes before fusion (at least the
 *                    number of hits asked for)
 * @param rm3         pseudo-relevance feedback for the BM25 side: the query expanded by RM3 from its first hits
 *                    (spec suffix {@code /rm3}; free-text ranking, as {@code eval} does)
 * @param rocchio     pseudo-relevance feedback for the dense side: each query vector moved towards its first hits'
 *                    vectors (spec suffix {@code /rocchio}; free-text ranking)
 * @param weights     convex fusion of several models with a weight each ({@code convex:bge-small@0.5+minilm@0.2}):
 *                    each model's weight, in the order of {@link #models()}, summing to {@code denseWeight}; empty
 *                    when the models share {@code denseWeight} equally
 */
public record Retrieval(Kind kind, String model, double denseWeight, int rrfK, int depth, boolean rm3,
		boolean rocchio, java.util.List<Double> weights) {

	/** Kinds of first-stage retrieval. */
	public enum Kind {
		/** BM25 over the query. */
		LEXICAL,
		/** Nearest neighbours of the query's vector (dot product of unit vectors). */
		DENSE,
		/** Reciprocal rank fusion of BM25 and dense. */
		RRF,
		/** Convex combination of min-max normalised BM25 and dense scores. */
		CONVEX
	}

	/** Weight of the dense score in convex fusion: best on SciFact train with bge-small, in a flat region (0.6-0.8 within 0.007; docs/QUALITY.md). */
	public static final double DEFAULT_DENSE_WEIGHT = 0.7;
	/** The usual RRF constant. */
	public static final int DEFAULT_RRF_K = 60;
	/** Documents per list before fusion. */
	public static final int DEFAULT_DEPTH = 1000;

	/** BM25 only. */
	public static final Retrieval LEXICAL = new Retrieval(Kind.LEXICAL, "", DEFAULT_DENSE_WEIGHT, DEFAULT_RRF_K, //$NON-NLS-1$
			DEFAULT_DEPTH);

	public Retrieval {
		weights = weights == null ? java.util.List.of() : java.util.List.copyOf(weights);
		if (!weights.isEmpty() && (kind != Kind.CONVEX || weights.size() != model.split("\\+").length //$NON-NLS-1$
				|| weights.stream().anyMatch(w -> !(w >= 0 && w <= 1))
				|| Math.abs(weights.stream().mapToDouble(Double::doubleValue).sum() - denseWeight) > 1e-9)) {
			throw new IllegalArgumentException("invalid retrieval settings"); //$NON-NLS-1$
		}
		if (kind == null || model == null || (kind != Kind.LEXICAL) == model.isEmpty() || !(denseWeight >= 0)
				|| !(denseWeight <= 1) || rrfK < 1 || depth < 1
				|| kind == Kind.DENSE && model.contains("+") //$NON-NLS-1$
				|| rm3 && kind == Kind.DENSE || rocchio && kind == Kind.LEXICAL) {
			throw new IllegalArgumentException("invalid retrieval settings"); //$NON-NLS-1$
		}
	}

	/** Without pseudo-relevance feedback. */
	public Retrieval(Kind kind, String model, double denseWeight, int rrfK, int depth) {
		this(kind, model, denseWeight, rrfK, depth, false, false);
	}

	/** The models share the dense weight equally. */
	public Retrieval(Kind kind, String model, double denseWeight, int rrfK, int depth, boolean rm3, boolean rocchio) {
		this(kind, model, denseWeight, rrfK, depth, rm3, rocchio, java.util.List.of());
	}

	/** The weight of the {@code i}-th model's normalised scores in convex fusion. */
	public double weightOf(int i) {
		return weights.isEmpty() ? denseWeight / models().size() : weights.get(i);
	}

	/** Whether pseudo-relevance feedback changes the query (RM3 or Rocchio). */
	public boolean feedback() {
		return rm3 || rocchio;
	}

	public static Retrieval dense(String model) {
		return new Retrieval(Kind.DENSE, model, DEFAULT_DENSE_WEIGHT, DEFAULT_RRF_K, DEFAULT_DEPTH);
	}

	public static Retrieval rrf(String model) {
		return new Retrieval(Kind.RRF, model, DEFAULT_DENSE_WEIGHT, DEFAULT_RRF_K, DEFAULT_DEPTH);
	}

	public static Retrieval convex(String model, double denseWeight) {
		return new Retrieval(Kind.CONVEX, model, denseWeight, DEFAULT_RRF_K, DEFAULT_DEPTH);
	}

	/** The encoders of {@link #model()}, in order (one for dense retrieval, one or more for hybrids). */
	public java.util.List<String> models() {
		return model.isEmpty() ? java.util.List.of() : java.util.List.of(model.split("\\+")); //$NON-NLS-1$
	}

	/** Whether query vectors are needed. */
	public boolean usesVectors() {
		return kind != Kind.LEXICAL;
	}

	/** The spec of {@link #parse}: {@code bm25}, {@code dense:M}, {@code rrf:M}, {@code convex:M} or {@code convex:M@W}. */
	public String spec() {
		return baseSpec() + (rm3 ? "/rm3" : "") + (rocchio ? "/rocchio" : ""); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
	}

	private String baseSpec() {
		return switch (kind) {
			case LEXICAL -> "bm25"; //$NON-NLS-1$
			case DENSE -> "dense:" + model; //$NON-NLS-1$
			case RRF -> "rrf:" + model; //$NON-NLS-1$
			case CONVEX -> weights.isEmpty()
					? "convex:" + model + (denseWeight == DEFAULT_DENSE_WEIGHT ? "" : "@" + denseWeight) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					: "convex:" + String.join("+", java.util.stream.IntStream.range(0, weights.size()) //$NON-NLS-1$ //$NON-NLS-2$
							.mapToObj(i -> models().get(i) + "@" + weights.get(i)).toList()); //$NON-NLS-1$
		};
	}

	/**
	 * Parses {@code bm25}, {@code dense:MODEL}, {@code rrf:MODEL}, {@code convex:MODEL} or {@code convex:MODEL@W}
	 * (W the dense weight in [0, 1]).
	 *
	 * @throws IllegalArgumentException with a sentence naming what is wrong
	 */
	public static Retrieval parse(String spec) {
		String s = spec.strip().toLowerCase(Locale.ROOT);
		boolean rm3 = false, rocchio = false;
		while (s.endsWith("/rm3") || s.endsWith("/rocchio")) { //$NON-NLS-1$ //$NON-NLS-2$
			rm3 |= s.endsWith("/rm3"); //$NON-NLS-1$
			rocchio |= s.endsWith("/rocchio"); //$NON-NLS-1$
			s = s.substring(0, s.lastIndexOf('/'));
		}
		Retrieval r = parseBase(s, spec);
		if (rm3 && r.kind() == Kind.DENSE || rocchio && r.kind() == Kind.LEXICAL) {
			throw new IllegalArgumentException("'" + spec //$NON-NLS-1$
					+ "': /rm3 expands the BM25 query and /rocchio the query vectors; this ranker has no " //$NON-NLS-1$
					+ (rm3 ? "BM25" : "vectors")); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return new Retrieval(r.kind(), r.model(), r.denseWeight(), r.rrfK(), r.depth(), rm3, rocchio, r.weights());
	}

	/** {@code convex:M1@W1+M2@W2...}: a weight for each model, BM25 the rest. */
	private static Retrieval perModel(String rest, String spec) {
		java.util.List<String> models = new java.util.ArrayList<>();
		java.util.List<Double> weights = new java.util.ArrayList<>();
		for (String part : rest.split("\\+", -1)) { //$NON-NLS-1$
			int at = part.indexOf('@');
			double w = Double.NaN;
			if (at > 0) {
				try {
					w = Double.parseDouble(part.substring(at + 1));
				} catch (NumberFormatException e) {
					w = Double.NaN;
				}
			}
			if (at <= 0 || !part.substring(0, at).matches("[a-z0-9][a-z0-9.-]*") || !(w >= 0 && w <= 1)) { //$NON-NLS-1$
				throw new IllegalArgumentException("'" + spec + "': give every model a weight from 0 to 1 " //$NON-NLS-1$ //$NON-NLS-2$
						+ "(convex:bge-small@0.5+e5-small@0.2), or one weight they share (convex:bge-small+e5-small@0.7)"); //$NON-NLS-1$
			}
			models.add(part.substring(0, at));
			weights.add(w);
		}
		double sum = weights.stream().mapToDouble(Double::doubleValue).sum();
		if (sum > 1 + 1e-9) {
			throw new IllegalArgumentException("'" + spec + "': the models' weights add up to " + sum //$NON-NLS-1$ //$NON-NLS-2$
					+ ", more than 1 (BM25 gets 1 minus their sum)"); //$NON-NLS-1$
		}
		return new Retrieval(Kind.CONVEX, String.join("+", models), Math.min(1, sum), DEFAULT_RRF_K, DEFAULT_DEPTH, //$NON-NLS-1$
				false, false, weights);
	}

	private static Retrieval parseBase(String s, String spec) {
		if (s.equals("bm25") || s.equals("lexical")) { //$NON-NLS-1$ //$NON-NLS-2$
			return LEXICAL;
		}
		int colon = s.indexOf(':');
		String kind = colon < 0 ? s : s.substring(0, colon);
		String rest = colon < 0 ? "" : s.substring(colon + 1); //$NON-NLS-1$
		if ((kind.equals("convex") || kind.equals("hybrid")) && rest.indexOf('@') >= 0 //$NON-NLS-1$ //$NON-NLS-2$
				&& rest.indexOf('@') < rest.lastIndexOf('+')) {
			return perModel(rest, spec);
		}
		String model = rest;
		double weight = DEFAULT_DENSE_WEIGHT;
		int at = rest.indexOf('@');
		if (at >= 0) {
			model = rest.substring(0, at);
			if (!kind.equals("convex")) { //$NON-NLS-1$
				throw new IllegalArgumentException("only convex fusion takes a weight ('" + spec + "')"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			try {
				weight = Double.parseDouble(rest.substring(at + 1));
			} catch (NumberFormatException e) {
				weight = Double.NaN;
			}
			if (!(weight >= 0 && weight <= 1)) {
				throw new IllegalArgumentException(
						"the dense weight in '" + spec + "' must be a number from 0 to 1"); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
		if (!model.matches("[a-z0-9][a-z0-9.-]*(\\+[a-z0-9][a-z0-9.-]*)*") //$NON-NLS-1$
				|| kind.equals("dense") && model.contains("+")) { //$NON-NLS-1$ //$NON-NLS-2$
			throw new IllegalArgumentException("unknown ranker '" + spec //$NON-NLS-1$
					+ "' (expected bm25, citation, dense:MODEL, rrf:MODELS or convex:MODELS[@WEIGHT] with MODELS one model or several joined by +, optionally citation+...)"); //$NON-NLS-1$
		}
		return switch (kind) {
			case "dense" -> dense(model); //$NON-NLS-1$
			case "rrf" -> rrf(model); //$NON-NLS-1$
			case "convex", "hybrid" -> convex(model, weight); //$NON-NLS-1$ //$NON-NLS-2$
			default -> throw new IllegalArgumentException("unknown ranker '" + spec //$NON-NLS-1$
					+ "' (expected bm25, citation, dense:MODEL, rrf:MODEL or convex:MODEL[@WEIGHT], optionally citation+...)"); //$NON-NLS-1$
		};
	}
}
