package org.scriptorium.cli.internal;

import java.io.PrintStream;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** What {@code --json} prints: one pretty-printed JSON value on standard output. */
public final class Json {

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
			.serializeSpecialFloatingPointValues().create();

	private Json() {
	}

	public static void print(PrintStream out, Object value) {
		out.println(GSON.toJson(value));
	}
}
