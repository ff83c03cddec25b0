package org.scriptorium.sandbox.internal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Dotted paths with array indexes ({@code losses[0].weight}) into a Gson tree. */
public final class JsonPaths {

	private static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9_$-]+)((?:\\[\\d+\\])*)");
	private static final Pattern INDEX = Pattern.compile("\\[(\\d+)\\]");

	private JsonPaths() {
	}

	/** Splits a path into keys (String) and indexes (Integer); null if malformed or an index is above 2^31 - 1. */
	public static List<Object> parse(String path) {
		List<Object> out = new ArrayList<>();
		if (path == null || path.isEmpty()) {
			return null;
		}
		for (String part : path.split("\\.", -1)) {
			Matcher m = SEGMENT.matcher(part);
			if (!m.matches()) {
				return null;
			}
			out.add(m.group(1));
			Matcher im = INDEX.matcher(m.group(2));
			while (im.find()) {
				String digits = im.group(1);
				if (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
					return null; // no array has that element
				}
				out.add(Integer.parseInt(digits));
			}
		}
		return out;
	}

	/**
	 * Sets {@code value} at {@code path}, creating missing object members (not array elements). Returns
	 * null on success or a reason.
	 */
	public static String set(JsonObject root, String path, JsonElement value) {
		List<Object> segs = parse(path);
		if (segs == null) {
			return "is not a valid path (use a.b or a[0].b, with indexes below 2147483648)";
		}
		JsonElement cur = root;
		for (int i = 0; i < segs.size(); i++) {
			Object seg = segs.get(i);
			boolean last = i == segs.size() - 1;
			if (seg instanceof String key) {
				if (!cur.isJsonObject()) {
					return "does not lead to an object at \"" + key + "\"";
				}
				JsonObject o = cur.getAsJsonObject();
				if (last) {
					o.add(key, value.deepCopy());
					return null;
				}
				JsonElement next = o.get(key);
				if (next == null || next.isJsonNull()) {
					if (segs.get(i + 1) instanceof Integer) {
						return "refers to an element of \"" + key + "\", which is not present";
					}
					next = new JsonObject();
					o.add(key, next);
				}
				cur = next;
			} else {
				int idx = (Integer) seg;
				if (!cur.isJsonArray() || idx >= cur.getAsJsonArray().size()) {
					return "refers to element [" + idx + "], which is not present";
				}
				JsonArray a = cur.getAsJsonArray();
				if (last) {
					a.set(idx, value.deepCopy());
					return null;
				}
				cur = a.get(idx);
			}
		}
		return null;
	}
}
