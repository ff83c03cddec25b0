package org.scriptorium.sandbox.tests.children;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Waits for "cancel" on stdin, then reports an error event and exits 130. */
public final class PoliteChild {

	private PoliteChild() {
	}

	public static void main(String[] args) throws Exception {
		ChildSupport.started();
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		String line;
		while ((line = in.readLine()) != null) {
			if (line.equals("cancel")) {
				break;
			}
		}
		ChildSupport.OUT.println("{\"event\":\"error\",\"kind\":\"cancelled\",\"message\":\"bye\"}");
		System.exit(130);
	}
}
