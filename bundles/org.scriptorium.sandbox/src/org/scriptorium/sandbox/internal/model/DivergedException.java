package org.scriptorium.sandbox.internal.model;

/**
 * Training diverged: at optimizer step {@link #step()} the quantity {@link #quantity()} (the first one checked, in the
 * order of a step: router logits, output logits, train.ce, the auxiliary losses, the gradients) is NaN or infinite.
 * The run ends as {@code DIVERGED}, not as a success with metrics of NaN probabilities.
 */
public final class DivergedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final long step;
	private final String quantity;

	public DivergedException(long step, String quantity, String message) {
		super("diverged at step " + step + ": " + message);
		this.step = step;
		this.quantity = quantity;
	}

	public long step() {
		return step;
	}

	public String quantity() {
		return quantity;
	}
}
