package org.scriptorium.sandbox.internal.runner;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonWriter;

/**
 * Writes protocol events as JSON lines (one compact object per line, flushed). Non-finite numbers are
 * written as {@code null}. Thread-safe.
 */
public final class EventWriter {

	/** Protocol version announced in the {@code started} event. */
	public static final int PROTOCOL = 1;

	private static final com.google.gson.Gson GSON = new com.google.gson.GsonBuilder().serializeNulls()
			.disableHtmlEscaping().create();

	private final PrintStream out;

	public EventWriter(OutputStream out) {
		this.out = new PrintStream(out, false, StandardCharsets.UTF_8);
	}

	public synchronized void write(JsonObject event) {
		StringWriter sw = new StringWriter();
		try (JsonWriter w = new JsonWriter(sw)) {
			w.setStrictness(Strictness.STRICT);
			w.setSerializeNulls(true);
			GSON.toJson(event, w);
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
		out.print(sw);
		out.print('\n');
		out.flush();
	}

	public static JsonObject event(String type) {
		JsonObject o = new JsonObject();
		o.addProperty("event", type);
		return o;
	}

	public void started(String runId, long seed) {
		JsonObject e = event("started");
		e.addProperty("protocol", PROTOCOL);
		e.addProperty("runId", runId);
		e.addProperty("seed", seed);
		e.addProperty("pid", ProcessHandle.current().pid());
		e.addProperty("time", System.currentTimeMillis());
		write(e);
	}

	public void progress(long step, long total) {
		JsonObject e = event("progress");
		e.addProperty("step", step);
		e.addProperty("total", total);
		write(e);
	}

	public void metric(String name, long step, double value) {
		JsonObject e = event("metric");
		e.addProperty("name", name);
		e.addProperty("step", step);
		putNumber(e, "value", value);
		write(e);
	}

	public void log(String level, String message) {
		JsonObject e = event("log");
		e.addProperty("level", level);
		e.addProperty("message", message);
		write(e);
	}

	public void artifact(String name, String mediaType, String content) {
		JsonObject e = event("artifact");
		e.addProperty("name", name);
		e.addProperty("mediaType", mediaType);
		e.addProperty("content", content);
		write(e);
	}

	public void result(Map<String, Double> metrics) {
		JsonObject e = event("result");
		JsonObject m = new JsonObject();
		metrics.forEach((k, v) -> putNumber(m, k, v));
		e.add("metrics", m);
		write(e);
	}

	public void error(String kind, String message) {
		JsonObject e = event("error");
		e.addProperty("kind", kind);
		e.addProperty("message", message);
		write(e);
	}

	public static void putNumber(JsonObject o, String key, double v) {
		if (Double.isFinite(v)) {
			o.addProperty(key, v);
		} else {
			o.add(key, com.google.gson.JsonNull.INSTANCE);
		}
	}

	/** Compact JSON text of an element (used for files). */
	public static String toJson(JsonElement e, boolean pretty) {
		StringWriter sw = new StringWriter();
		try (JsonWriter w = new JsonWriter(sw)) {
			if (pretty) {
				w.setIndent("  ");
			}
			w.setSerializeNulls(true);
			GSON.toJson(e, w);
		} catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return sw.toString();
	}
}
