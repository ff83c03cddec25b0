package org.scriptorium.core.internal.io;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.scriptorium.core.model.Paper;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * Walks the records of a JSON input in any of the usual shapes: JSON Lines (one record per line, each line read on
 * its own so a bad line does not stop the rest), one array of records, one record, or a wrapper object whose
 * {@code data}, {@code results} or {@code items} array holds the records. Syntax errors name line and column.
 */
public final class JsonRecords {

	/** Maps one record object to papers (usually one). */
	@FunctionalInterface
	public interface Mapper {
		List<Paper.Builder> map(JsonObject record) throws ImportContext.BadRecord;
	}

	private static final Pattern LOCATION = Pattern.compile("line (\\d+) column (\\d+)"); //$NON-NLS-1$
	private static final List<String> WRAPPERS = List.of("data", "results", "items"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	private JsonRecords() {
	}

	public static void read(Reader in, ImportContext ctx, Mapper mapper) throws IOException, ImportContext.Fatal {
		BufferedReader br = new BufferedReader(in, 1 << 16);
		String first = br.readLine();
		int firstLineNo = 1;
		while (first != null && first.isBlank()) {
			first = br.readLine();
			firstLineNo++;
		}
		if (first == null) {
			throw new ImportContext.Fatal("the file holds no JSON"); //$NON-NLS-1$
		}
		if (first.strip().startsWith("{") && isCompleteObject(first)) { //$NON-NLS-1$
			readLines(first, firstLineNo, br, ctx, mapper);
		} else {
			String rest = ctx.readAll(br);
			readDocument("\n".repeat(firstLineNo - 1) + first + "\n" + rest, ctx, mapper); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	private static boolean isCompleteObject(String line) {
		try {
			JsonReader r = new JsonReader(new StringReader(line));
			r.setStrictness(Strictness.LEGACY_STRICT);
			r.skipValue();
			return r.peek() == JsonToken.END_DOCUMENT;
		} catch (IOException | RuntimeException e) {
			return false;
		}
	}

	private static void readLines(String first, int firstLineNo, BufferedReader br, ImportContext ctx, Mapper mapper)
			throws IOException {
		int n = firstLineNo;
		for (String line = first; line != null; line = br.readLine(), n++) {
			if (line.isBlank()) {
				continue;
			}
			JsonElement e;
			try {
				JsonReader r = new JsonReader(new StringReader(line));
				r.setStrictness(Strictness.LEGACY_STRICT);
				e = JsonParser.parseReader(r);
				if (r.peek() != JsonToken.END_DOCUMENT) {
					ctx.problem(n, 0, "more than one JSON value on this line (JSON Lines holds one record per line)"); //$NON-NLS-1$
					continue;
				}
			} catch (JsonParseException | IOException | IllegalStateException ex) {
				int[] at = location(ex);
				ctx.problem(n, at[1], syntaxMessage(ex));
				continue;
			}
			record(e, n, ctx, mapper);
		}
	}

	private static void readDocument(String text, ImportContext ctx, Mapper mapper) throws ImportContext.Fatal {
		JsonReader r = new JsonReader(new StringReader(text));
		r.setStrictness(Strictness.LEGACY_STRICT);
		try {
			JsonToken t = r.peek();
			if (t == JsonToken.BEGIN_ARRAY) {
				r.beginArray();
				while (r.hasNext()) {
					r.peek();
					int line = location(r.toString())[0];
					record(JsonParser.parseReader(r), line, ctx, mapper);
				}
				r.endArray();
			} else {
				r.peek();
				int line = location(r.toString())[0];
				JsonElement e = JsonParser.parseReader(r);
				JsonElement records = wrapped(e);
				if (records != null) {
					for (JsonElement x : records.getAsJsonArray()) {
						record(x, line, ctx, mapper);
					}
				} else {
					record(e, line, ctx, mapper);
				}
			}
			if (r.peek() != JsonToken.END_DOCUMENT) {
				int[] at = location(r.toString());
				throw new ImportContext.Fatal(at[0], at[1], "unexpected text after the end of the JSON document"); //$NON-NLS-1$
			}
		} catch (JsonParseException | IOException | IllegalStateException e) {
			int[] at = location(e);
			throw new ImportContext.Fatal(at[0], at[1], syntaxMessage(e));
		}
	}

	private static JsonElement wrapped(JsonElement e) {
		if (!e.isJsonObject()) {
			return null;
		}
		for (String w : WRAPPERS) {
			JsonElement x = e.getAsJsonObject().get(w);
			if (x != null && x.isJsonArray()) {
				return x;
			}
		}
		return null;
	}

	private static void record(JsonElement e, int line, ImportContext ctx, Mapper mapper) {
		if (!e.isJsonObject()) {
			ctx.problem(line, 0, "a record must be a JSON object, not " + describe(e)); //$NON-NLS-1$
			return;
		}
		try {
			for (Paper.Builder b : mapper.map(e.getAsJsonObject())) {
				if (b.title().isEmpty()) {
					ctx.warning(line, 0, "the record has no title; it is imported, marked incomplete"); //$NON-NLS-1$
				}
				ctx.paper(b, line);
			}
		} catch (ImportContext.BadRecord bad) {
			ctx.problem(line, 0, bad.getMessage());
		} catch (RuntimeException bad) {
			// a value of an unexpected JSON type (e.g. a number where an object belongs)
			ctx.problem(line, 0, "the record has a value of the wrong kind (" + bad.getMessage() + ")"); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	private static String describe(JsonElement e) {
		return e.isJsonArray() ? "a list" : e.isJsonNull() ? "null" : "the value " + abbreviate(e.toString()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	private static String abbreviate(String s) {
		return s.length() <= 40 ? s : s.substring(0, 40) + "..."; //$NON-NLS-1$
	}

	/** Line and column of a Gson error or reader, {0, 0} when unknown. */
	static int[] location(Object errorOrReader) {
		String s = errorOrReader instanceof Throwable t ? String.valueOf(t.getMessage()) : errorOrReader.toString();
		if (errorOrReader instanceof Throwable t && t.getCause() != null && !LOCATION.matcher(s).find()) {
			s = String.valueOf(t.getCause().getMessage());
		}
		Matcher m = LOCATION.matcher(s);
		return m.find() ? new int[]{Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))} : new int[2];
	}

	/** Gson's message without its location and troubleshooting link, phrased for a reader. */
	static String syntaxMessage(Throwable e) {
		Throwable t = e instanceof JsonParseException && e.getCause() != null ? e.getCause() : e;
		if (t instanceof EOFException) {
			return "the JSON ends in the middle of a record (is the file truncated?)"; //$NON-NLS-1$
		}
		String m = String.valueOf(t.getMessage());
		int cut = m.indexOf(" at line "); //$NON-NLS-1$
		if (cut < 0) {
			cut = m.indexOf("\nSee "); //$NON-NLS-1$
		}
		if (cut >= 0) {
			m = m.substring(0, cut);
		}
		if (m.startsWith("End of input")) { //$NON-NLS-1$
			return "the JSON ends in the middle of a record (is the file truncated?)"; //$NON-NLS-1$
		}
		return "malformed JSON: " + m; //$NON-NLS-1$
	}
}
