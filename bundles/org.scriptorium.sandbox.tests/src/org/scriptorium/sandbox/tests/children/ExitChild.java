package org.scriptorium.sandbox.tests.children;

/** Sends a metric, then calls System.exit(0) before any result. */
public final class ExitChild {

	private ExitChild() {
	}

	public static void main(String[] args) {
		ChildSupport.started();
		ChildSupport.metric("train.ce", 1, 0.5);
		System.exit(0);
	}
}
