package org.scriptorium.sandbox.internal.runner;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonWriter;

/**
 * The one writer of protocol events as JSON lines (one compact object per line, flushed): the child's events on its
 * standard output, and the launch's {@code --json} stream. Non-finite numbers are written as {@code null}; an
 * event holding one as a number is refused. Thread-safe: a line is written under the stream's lock.
 */
public final class EventWriter {

	/** Protocol version announced in the {@code started} event. */
	public static final int PROTOCOL = 1;

	private static final com.google.gson.Gson GSON = new com.google.gson.GsonBuilder().serializeNulls()
			.disableHtmlEscaping().create();

	private final PrintStream out;

	/** A writer on a byte stream (a child's standard output), in UTF-8. */
	public EventWriter(OutputStream out) {
		this(new PrintStream(out, false, StandardCharsets.UTF_8));
	}

	/** A writer on a print stream that others may print on too: each line is written under its lock. */
	public EventWriter(PrintStream out) {
		this.out = out;
	}

	/** Writes one event as a line and flushes. */
	public void write(JsonObject event) {
		String line = json(event, false, true);
		synchronized (out) {
			out.print(line);
			out.print('\n');
			out.flush();
		}
	}

	/**
	 * An event of {@code type} with fields given as name, value pairs: a string, number, boolean, JSON element or
	 * null; a non-finite double becomes {@code null}.
	 */
	public static JsonObject event(String type, Object... fields) {
		JsonObject o = new JsonObject();
		o.addProperty("event", type);
		for (int i = 0; i < fields.length; i += 2) {
			String key = (String) fields[i];
			switch (fields[i + 1]) {
				case null -> o.add(key, JsonNull.INSTANCE);
				case Double d -> putNumber(o, key, d);
				case Number n -> o.addProperty(key, n);
				case String v -> o.addProperty(key, v);
				case Boolean b -> o.addProperty(key, b);
				case JsonElement e -> o.add(key, e);
				default -> throw new IllegalArgumentException(key + ": not a JSON value: " + fields[i + 1]);
			}
		}
		return o;
	}

	public void started(String runId, long seed) {
		write(event("started", "protocol", PROTOCOL, "runId", runId, "seed", seed, "pid",
				ProcessHandle.current().pid(), "time", System.currentTimeMillis()));
	}

	public void progress(long step, long total) {
		write(event("progress", "step", step, "total", total));
	}

	public void metric(String name, long step, double value) {
		write(event("metric", "name", name, "step", step, "value", value));
	}

	public void log(String level, String message) {
		write(event("log", "level", level, "message", message));
	}

	public void artifact(String name, String mediaType, String content) {
		write(event("artifact", "name", name, "mediaType", mediaType, "content", content));
	}

	public void result(Map<String, Double> metrics) {
		JsonObject m = new JsonObject();
		metrics.forEach((k, v) -> putNumber(m, k, v));
		write(event("result", "metrics", m));
	}

	public void error(String kind, String message) {
		write(event("error", "kind", kind, "message", message));
	}

	public static void putNumber(JsonObject o, String key, double v) {
		if (Double.isFinite(v)) {
			o.addProperty(key, v);
		} else {
			o.add(key, JsonNull.INSTANCE);
		}
	}

	/** Compact (or, {@code pretty}, indented) JSON text of an element, for files. */
	public static String toJson(JsonElement e, boolean pretty) {
		return json(e, pretty, false);
	}

	/** {@code strict}: a non-finite number is refused (the protocol has none); otherwise it is written as is. */
	private static String json(JsonElement e, boolean pretty, boolean strict) {
		StringWriter sw = new StringWriter();
		try (JsonWriter w = new JsonWriter(sw)) {
			if (pretty) {
				w.setIndent("  ");
			}
			if (strict) {
				w.setStrictness(Strictness.STRICT);
			}
			w.setSerializeNulls(true);
			GSON.toJson(e, w);
		} catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return sw.toString();
	}
}
