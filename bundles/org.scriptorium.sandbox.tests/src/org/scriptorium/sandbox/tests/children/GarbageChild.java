package org.scriptorium.sandbox.tests.children;

/**
 * Prints garbage around valid events: plain text, broken JSON, a JSON object that is not an event, raw
 * bytes and a 6 MB line without a newline; with {@code -Dgarbage.finish=true} it ends with a valid result.
 */
public final class GarbageChild {

	private GarbageChild() {
	}

	public static void main(String[] args) throws Exception {
		boolean finish = Boolean.getBoolean("garbage.finish");
		ChildSupport.OUT.println("Hello from a chatty library");
		ChildSupport.OUT.println("{\"event\":\"metric\",\"name\":");
		ChildSupport.OUT.println("{\"not\":\"an event\"}");
		ChildSupport.started();
		ChildSupport.OUT.write(new byte[]{0, (byte) 0xff, (byte) 0xfe, 7, '\n'});
		ChildSupport.metric("train.ce", 1, 0.5);
		StringBuilder big = new StringBuilder();
		for (int i = 0; i < 6_000_000; i++) {
			big.append('x');
		}
		ChildSupport.OUT.print(big);
		ChildSupport.OUT.println();
		if (finish) {
			ChildSupport.result(0.5);
		}
		ChildSupport.OUT.flush();
	}
}
