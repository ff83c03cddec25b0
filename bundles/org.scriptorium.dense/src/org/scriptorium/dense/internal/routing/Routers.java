package org.scriptorium.dense.internal.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * The routers of the experiment: RouterRetriever's pilot embeddings, the best single expert, a query classifier and
 * the per-query oracle. (Uniform fusion does not choose an expert; {@link Fusion} computes it.)
 * <p>
 * Every learning router labels each training query with its best expert by nDCG@10 ({@link ExpertTable#best}); a
 * tie goes to the expert with the higher mean nDCG@10 on the training queries, then to the one listed first in the
 * task. RouterRetriever's Alg. 1 takes an argmax without saying how ties are broken; on SciFact many queries tie
 * (all experts reach 1.0, or all 0), so the rule matters and is stated here.
 */
public final class Routers {

	private Routers() {
	}

	/** The router of this name ({@code best-single}, {@code classifier}, {@code pilot}, {@code oracle}). */
	public static Router named(String name) {
		return switch (name) {
			case "best-single" -> bestSingle();
			case "classifier" -> classifier(LogisticRegression.DEFAULT_L2, LogisticRegression.DEFAULT_ITERATIONS);
			case "pilot" -> pilot();
			case "oracle" -> oracle();
			default -> throw new IllegalArgumentException("no router named " + name);
		};
	}

	/** The expert with the best mean nDCG@10 on the training queries, for every query. */
	public static Router bestSingle() {
		return new Router() {
			@Override
			public String name() {
				return "best-single";
			}

			@Override
			public Fitted fit(ExpertTable table, int[] train) {
				int best = table.strengthOrder(train)[0];
				return (t, q) -> best;
			}
		};
	}

	/** The best expert of each query itself (an upper bound that looks at the judgments; nothing to fit). */
	public static Router oracle() {
		return new Router() {
			@Override
			public String name() {
				return "oracle";
			}

			@Override
			public Fitted fit(ExpertTable table, int[] train) {
				int[] preference = table.strengthOrder(train);
				return (t, q) -> t.best(q, preference);
			}
		};
	}

	/**
	 * RouterRetriever's pilot embeddings (routing-spec 1.6, Alg. 1, one dataset): each training query joins the
	 * group of its best expert; each non-empty group's pilot is the mean of its members' base embeddings; a query
	 * goes to the expert whose pilot is most similar to its base embedding. Similarity is the cosine (the pilot is
	 * normalised to unit length), the similarity the bundled base encoders are trained for; the paper does not say
	 * whether it uses the dot product or the cosine [unverified]. An expert without training queries has no pilot
	 * and is never chosen. Equal similarities go to the stronger expert.
	 */
	public static Router pilot() {
		return new Router() {
			@Override
			public String name() {
				return "pilot";
			}

			@Override
			public Fitted fit(ExpertTable table, int[] train) {
				int[] preference = table.strengthOrder(train);
				float[][] pilots = pilots(table, train, preference);
				return (t, q) -> {
					int best = -1;
					double bestSim = Double.NEGATIVE_INFINITY;
					for (int e : preference) {
						if (pilots[e] != null) {
							double sim = dot(pilots[e], t.base()[q]);
							if (sim > bestSim) {
								bestSim = sim;
								best = e;
							}
						}
					}
					return best;
				};
			}
		};
	}

	/** The unit-length pilot (group centroid) of each expert, or null for an expert that is best for no query. */
	static float[][] pilots(ExpertTable table, int[] train, int[] preference) {
		int dim = table.base()[0].length;
		double[][] sum = new double[table.expertCount()][];
		for (int q : train) {
			int e = table.best(q, preference);
			if (sum[e] == null) {
				sum[e] = new double[dim];
			}
			float[] x = table.base()[q];
			for (int i = 0; i < dim; i++) {
				sum[e][i] += x[i];
			}
		}
		float[][] out = new float[table.expertCount()][];
		for (int e = 0; e < sum.length; e++) {
			if (sum[e] != null) {
				double norm = 0;
				for (double v : sum[e]) {
					norm += v * v;
				}
				norm = Math.sqrt(norm);
				out[e] = new float[dim];
				for (int i = 0; i < dim; i++) {
					out[e][i] = (float) (norm == 0 ? 0 : sum[e][i] / norm);
				}
			}
		}
		return out;
	}

	/**
	 * A query classifier (RouterRetriever's "ClassificationHeadRouter" baseline): multinomial logistic regression
	 * from the base embedding to the training query's best expert, trained by {@link LogisticRegression}.
	 */
	public static Router classifier(double l2, int iterations) {
		return new Router() {
			@Override
			public String name() {
				return "classifier";
			}

			@Override
			public Fitted fit(ExpertTable table, int[] train) {
				int[] preference = table.strengthOrder(train);
				List<float[]> x = new ArrayList<>(train.length);
				int[] y = new int[train.length];
				for (int i = 0; i < train.length; i++) {
					x.add(table.base()[train[i]]);
					y[i] = table.best(train[i], preference);
				}
				LogisticRegression model = LogisticRegression.train(x, y, table.expertCount(), l2, iterations);
				return (t, q) -> model.predict(t.base()[q], preference);
			}
		};
	}

	static double dot(float[] a, float[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++) {
			s += a[i] * b[i];
		}
		return s;
	}
}
