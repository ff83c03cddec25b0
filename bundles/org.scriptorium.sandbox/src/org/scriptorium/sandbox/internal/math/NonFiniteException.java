package org.scriptorium.sandbox.internal.math;

/**
 * A quantity that must be finite is NaN or infinite (router logits, a loss, a gradient). Routing strategies throw it
 * rather than turn NaN into a routing decision; the trainer turns it into a diverged run naming the step.
 */
public final class NonFiniteException extends ArithmeticException {

	private static final long serialVersionUID = 1L;

	private final String quantity;

	/**
	 * @param quantity what is not finite, as the user reads it ({@code router logits}, {@code train.ce},
	 *                 {@code gradient of W1})
	 * @param detail   where and what value ({@code token 3, expert 0 is NaN}); may be empty
	 */
	public NonFiniteException(String quantity, String detail) {
		super(quantity + " is not finite" + (detail.isEmpty() ? "" : " (" + detail + ")"));
		this.quantity = quantity;
	}

	public String quantity() {
		return quantity;
	}

	/** Throws unless every value of the first {@code cols} columns of {@code m} is finite. */
	public static void requireFinite(String quantity, double[][] m, int cols) {
		for (int t = 0; t < m.length; t++) {
			double[] row = m[t];
			for (int e = 0; e < cols; e++) {
				if (!Double.isFinite(row[e])) {
					throw new NonFiniteException(quantity, "token " + t + ", column " + e + " is " + row[e]);
				}
			}
		}
	}

	/** Throws unless {@code v} is finite. */
	public static double requireFinite(String quantity, double v) {
		if (!Double.isFinite(v)) {
			throw new NonFiniteException(quantity, String.valueOf(v));
		}
		return v;
	}
}
