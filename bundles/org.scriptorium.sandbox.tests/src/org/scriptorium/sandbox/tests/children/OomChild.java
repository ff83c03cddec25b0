package org.scriptorium.sandbox.tests.children;

import java.util.ArrayList;
import java.util.List;

/** Sends a metric, then allocates until the heap limit is hit (uncaught OutOfMemoryError). */
public final class OomChild {

	private OomChild() {
	}

	public static void main(String[] args) {
		ChildSupport.started();
		ChildSupport.metric("train.ce", 1, 0.75);
		List<long[]> hog = new ArrayList<>();
		while (true) {
			hog.add(new long[1 << 20]);
		}
	}
}
