package org.scriptorium.sandbox.internal.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;

/**
 * Parses JSON with Gson's streaming {@link JsonReader} in strict mode and remembers the line/column of
 * every value by its path ({@code a.b[2].c}). Duplicate keys are errors. Gson exposes the location only
 * through {@link JsonReader#toString()} ("JsonReader at line L column C path P"), which is parsed here.
 */
public final class PositionedJson {

	/** A 1-based source position. */
	public record Pos(int line, int column) {
	}

	/** Thrown for malformed JSON, with its position. */
	public static final class SyntaxError extends Exception {
		private static final long serialVersionUID = 1L;
		public final transient Pos pos;
		public final String path;

		SyntaxError(String message, String path, Pos pos) {
			super(message);
			this.path = path;
			this.pos = pos;
		}
	}

	private static final Pattern LOCATION = Pattern.compile("line (\\d+) column (\\d+)");

	private final Map<String, Pos> positions = new HashMap<>();
	private final JsonElement root;

	private PositionedJson(JsonElement root) {
		this.root = root;
	}

	public JsonElement root() {
		return root;
	}

	public Map<String, Pos> positions() {
		return positions;
	}

	private String text = "";
	private int[] lineStarts = {0};

	public static PositionedJson parse(Reader in) throws SyntaxError {
		StringBuilder sb = new StringBuilder();
		char[] buf = new char[8192];
		try {
			int n;
			while ((n = in.read(buf)) > 0) {
				sb.append(buf, 0, n);
			}
		} catch (IOException e) {
			throw new SyntaxError("cannot read: " + e.getMessage(), "", new Pos(0, 0));
		}
		return parse(sb.toString());
	}

	public static PositionedJson parse(String text) throws SyntaxError {
		JsonReader r = new JsonReader(new StringReader(text));
		r.setStrictness(Strictness.STRICT);
		PositionedJson pj = new PositionedJson(null);
		pj.text = text;
		java.util.List<Integer> starts = new java.util.ArrayList<>();
		starts.add(0);
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				starts.add(i + 1);
			}
		}
		pj.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
		try {
			JsonElement root = pj.read(r, "");
			if (r.peek() != JsonToken.END_DOCUMENT) {
				throw new SyntaxError("unexpected content after the top-level value", "", pos(r));
			}
			PositionedJson done = new PositionedJson(root);
			done.positions.putAll(pj.positions);
			return done;
		} catch (MalformedJsonException | IllegalStateException e) {
			throw new SyntaxError("malformed JSON: " + firstSentence(e.getMessage()), "", pos(r));
		} catch (java.io.EOFException e) {
			throw new SyntaxError("unexpected end of file", "", pos(r));
		} catch (IOException e) {
			throw new SyntaxError("cannot read: " + e.getMessage(), "", pos(r));
		}
	}

	private JsonElement read(JsonReader r, String path) throws IOException, SyntaxError {
		Pos before = pos(r);
		JsonToken token = r.peek();
		positions.put(path, valueStart(before));
		switch (token) {
			case BEGIN_OBJECT -> {
				JsonObject o = new JsonObject();
				r.beginObject();
				while (r.hasNext()) {
					String name = r.nextName();
					String child = path.isEmpty() ? name : path + "." + name;
					if (o.has(name)) {
						r.peek();
						throw new SyntaxError(child + " is given twice", child, pos(r));
					}
					o.add(name, read(r, child));
				}
				r.endObject();
				return o;
			}
			case BEGIN_ARRAY -> {
				JsonArray a = new JsonArray();
				r.beginArray();
				int i = 0;
				while (r.hasNext()) {
					a.add(read(r, path + "[" + i++ + "]"));
				}
				r.endArray();
				return a;
			}
			case STRING -> {
				return new JsonPrimitive(r.nextString());
			}
			case NUMBER -> {
				return new JsonPrimitive(new java.math.BigDecimal(r.nextString()));
			}
			case BOOLEAN -> {
				return new JsonPrimitive(r.nextBoolean());
			}
			case NULL -> {
				r.nextNull();
				return JsonNull.INSTANCE;
			}
			default -> throw new SyntaxError("unexpected " + token, path, pos(r));
		}
	}

	/**
	 * Gson reports the position after its look-ahead; the value starts at the first character after the
	 * pre-peek position that is not whitespace, ':' or ','.
	 */
	private Pos valueStart(Pos before) {
		if (before.line() < 1 || before.line() > lineStarts.length) {
			return before;
		}
		int off = lineStarts[before.line() - 1] + before.column() - 1;
		while (off < text.length() && " \t\r\n:,".indexOf(text.charAt(off)) >= 0) {
			off++;
		}
		int line = java.util.Arrays.binarySearch(lineStarts, off);
		if (line < 0) {
			line = -line - 2;
		}
		return new Pos(line + 1, off - lineStarts[line] + 1);
	}

	static Pos pos(JsonReader r) {
		Matcher m = LOCATION.matcher(r.toString());
		if (m.find()) {
			return new Pos(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
		}
		return new Pos(0, 0);
	}

	private static String firstSentence(String msg) {
		if (msg == null) {
			return "syntax error";
		}
		int cut = msg.indexOf(" at line ");
		String s = cut > 0 ? msg.substring(0, cut) : msg;
		int see = s.indexOf("\nSee ");
		s = see > 0 ? s.substring(0, see) : s;
		// Gson's advice is for programmers (which reader setting would accept it); say what the file holds instead
		if (s.startsWith("Use JsonReader.setStrictness")) {
			return "something that is not JSON here (a word without quotes, a comment, single quotes, a trailing "
					+ "comma or NaN?)";
		}
		if (s.startsWith("JSON forbids NaN and infinities")) {
			return "NaN and infinities are not JSON numbers";
		}
		return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
	}
}
