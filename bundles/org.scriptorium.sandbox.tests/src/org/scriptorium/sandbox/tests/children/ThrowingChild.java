package org.scriptorium.sandbox.tests.children;

/** Sends two metrics, then dies of an uncaught exception (exit code 1, stack trace on stderr). */
public final class ThrowingChild {

	private ThrowingChild() {
	}

	public static void main(String[] args) {
		ChildSupport.started();
		ChildSupport.metric("train.ce", 1, 1.5);
		ChildSupport.metric("train.ce", 2, 1.25);
		throw new IllegalStateException("boom from the test child");
	}
}
