package sample;

/**
 * Samples of references in Java comments, written for the tests of org.scriptorium.refs.
 * Expert choice routing (arXiv:2202.09368); noisy top-k gating as in arXiv:1701.06538v1.
 */
@SuppressWarnings("unused")
public class Router {
	// see https://doi.org/10.1162/neco.1991.3.1.79 (Adaptive mixtures of local experts)
	private final double[] weights = new double[10];

	@Override
	public String toString() {
		return "Router[" + weights.length + "]"; // version 10.1234 is no DOI without a slash
	}
}
