package org.scriptorium.sandbox.tests.children;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Helpers for the misbehaving test children: they speak just enough of the protocol. */
final class ChildSupport {

	static final PrintStream OUT = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
			StandardCharsets.UTF_8);

	private ChildSupport() {
	}

	static void started() {
		OUT.println("{\"event\":\"started\",\"protocol\":1,\"runId\":\"test\",\"seed\":1}");
	}

	static void metric(String name, int step, double value) {
		OUT.println("{\"event\":\"metric\",\"name\":\"" + name + "\",\"step\":" + step + ",\"value\":" + value + "}");
	}

	static void result(double acc) {
		OUT.println("{\"event\":\"result\",\"metrics\":{\"test.accuracy\":" + acc + "}}");
	}
}
