package org.scriptorium.core.internal.io;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Null-tolerant accessors for Gson trees. */
final class Json {

	private static final Pattern YEAR = Pattern.compile("(?<!\\d)(1[5-9]\\d\\d|20\\d\\d|21\\d\\d)(?!\\d)"); //$NON-NLS-1$

	private Json() {
	}

	static String str(JsonObject o, String key) {
		if (o == null) {
			return null;
		}
		JsonElement e = o.get(key);
		if (e == null || e.isJsonNull()) {
			return null;
		}
		if (e.isJsonPrimitive()) {
			String s = e.getAsString();
			return s.isBlank() ? null : s.strip();
		}
		if (e.isJsonArray() && !e.getAsJsonArray().isEmpty() && e.getAsJsonArray().get(0).isJsonPrimitive()) {
			return e.getAsJsonArray().get(0).getAsString();
		}
		return null;
	}

	static JsonObject obj(JsonObject o, String key) {
		JsonElement e = o == null ? null : o.get(key);
		return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
	}

	static JsonArray arr(JsonObject o, String key) {
		JsonElement e = o == null ? null : o.get(key);
		return e != null && e.isJsonArray() ? e.getAsJsonArray() : new JsonArray();
	}

	static List<JsonObject> objects(JsonObject o, String key) {
		List<JsonObject> out = new ArrayList<>();
		for (JsonElement e : arr(o, key)) {
			if (e.isJsonObject()) {
				out.add(e.getAsJsonObject());
			}
		}
		return out;
	}

	static List<String> strings(JsonObject o, String key) {
		List<String> out = new ArrayList<>();
		for (JsonElement e : arr(o, key)) {
			if (e.isJsonPrimitive() && !e.getAsString().isBlank()) {
				out.add(e.getAsString().strip());
			}
		}
		return out;
	}

	/** An integer year from a number or the first plausible year in a text. */
	static Integer year(JsonObject o, String key) {
		JsonElement e = o == null ? null : o.get(key);
		if (e == null || e.isJsonNull() || !e.isJsonPrimitive()) {
			return null;
		}
		return yearIn(e.getAsString());
	}

	static Integer yearIn(String s) {
		if (s == null) {
			return null;
		}
		Matcher m = YEAR.matcher(s);
		return m.find() ? Integer.valueOf(m.group(1)) : null;
	}

	static String require(String value, String what) throws ImportContext.BadRecord {
		if (value == null || value.isBlank()) {
			throw new ImportContext.BadRecord("the record has no " + what); //$NON-NLS-1$
		}
		return value;
	}
}
