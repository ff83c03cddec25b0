package org.scriptorium.sandbox.ui.internal.papers;

import org.eclipse.core.expressions.PropertyTester;
import org.scriptorium.core.model.Paper;

/**
 * {@code org.scriptorium.sandbox.ui.paper.hasExampleExperiment}: the paper defines a strategy or loss of the sandbox
 * that a shipped example experiment uses.
 */
public final class PaperPropertyTester extends PropertyTester {

	/** The property's name. */
	public static final String HAS_EXAMPLE_EXPERIMENT = "hasExampleExperiment"; //$NON-NLS-1$

	@Override
	public boolean test(Object receiver, String property, Object[] args, Object expectedValue) {
		return HAS_EXAMPLE_EXPERIMENT.equals(property) && receiver instanceof Paper paper
				&& !ExampleExperiments.examplesFor(paper).isEmpty();
	}
}
