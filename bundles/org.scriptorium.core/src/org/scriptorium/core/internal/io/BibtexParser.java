package org.scriptorium.core.internal.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A lenient BibTeX/BibLaTeX parser, written for this project because jbibtex refuses whole files for one bad entry,
 * resolves macros and cross-references without bounds and scans long tokens in quadratic time. It reads what BibTeX,
 * JabRef and Better BibTeX read: {@code @type{...}} and {@code @type(...)}, {@code @string}, {@code @preamble},
 * {@code @comment}, free text between entries, {@code #} concatenation, macros (undefined ones keep their name), any
 * field name, entries without a key or with a key used before. A malformed entry is reported with its line and column
 * and skipped; reading goes on at the next line that starts with {@code @}.
 * <p>
 * Every step is linear in the input and nothing recurses on it: a brace or quote left open stops at the next line
 * that starts an entry, a macro is expanded when it is defined (as BibTeX does) and no field or macro may exceed
 * {@link ImportContext#MAX_FIELD_CHARS}; macros nest at most {@link #MAX_MACRO_DEPTH} deep.
 */
public final class BibtexParser {

	/** How deep macros may be defined in terms of other macros. */
	public static final int MAX_MACRO_DEPTH = 64;

	/**
	 * The longest run of characters without white space a field may hold: no real BibTeX field holds a word of this
	 * length (it is binary data or a damaged file).
	 */
	static final int MAX_WORD = 100_000;

	/** One field as written: its name in lower case and its value with macros expanded (still LaTeX). */
	public record Field(String name, String value, int line, boolean macroOnly) {
	}

	/** One entry: its type in lower case, its key as written, its first line and its fields in order. */
	public record Entry(String type, String key, int line, List<Field> fields) {
		/** The first field of this name, or {@code null}. */
		public Field field(String name) {
			for (Field f : fields) {
				if (f.name().equals(name)) {
					return f;
				}
			}
			return null;
		}
	}

	/** The outcome: entries in file order, the preambles, and the problems (each with line and column). */
	public record Result(List<Entry> entries, List<String> preambles) {
	}

	private static final class Bad extends Exception {
		private static final long serialVersionUID = 1L;
		final int offset;
		final boolean resumeHere;

		Bad(int offset, String message, boolean resumeHere) {
			super(message, null, false, false);
			this.offset = offset;
			this.resumeHere = resumeHere;
		}
	}

	private record Macro(String value, int depth, int line, boolean refused) {
	}

	private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$
			"August", "September", "October", "November", "December"}; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$

	/** The month macros as BibTeX's standard styles define them. */
	public static String month(String macro) {
		for (String m : MONTHS) {
			if (m.substring(0, 3).equalsIgnoreCase(macro)) {
				return m;
			}
		}
		return null;
	}

	private final String text;
	private final LineIndex lines;
	private final ImportContext ctx;
	private final Map<String, Macro> macros = new HashMap<>();
	private int pos;
	/** Undefined or refused macros used by the entry being read, for one message each. */
	private final Map<String, String> undefined = new LinkedHashMap<>();
	private int valueDepth;
	private boolean inString;
	/** The line of the refused macro the @string being read uses, or 0. */
	private int refusedRoot;

	private BibtexParser(String text, ImportContext ctx) {
		this.text = text;
		this.lines = new LineIndex(text);
		this.ctx = ctx;
	}

	/** Parses the whole text; problems go to {@code ctx}. */
	public static Result parse(String text, ImportContext ctx) {
		return new BibtexParser(text, ctx).run();
	}

	private Result run() {
		List<Entry> entries = new ArrayList<>();
		List<String> preambles = new ArrayList<>();
		int n = text.length();
		while (true) {
			int at = text.indexOf('@', pos);
			if (at < 0) {
				break;
			}
			pos = at + 1;
			int typeStart = skipSpace(pos);
			int typeEnd = typeStart;
			while (typeEnd < n && isNameChar(text.charAt(typeEnd))) {
				typeEnd++;
			}
			if (typeEnd == typeStart || !Character.isLetter(text.charAt(typeStart))) {
				continue; // an @ in free text
			}
			String type = text.substring(typeStart, typeEnd).toLowerCase(Locale.ROOT);
			int open = skipSpace(typeEnd);
			if (open >= n || text.charAt(open) != '{' && text.charAt(open) != '(') {
				if (atLineStart(at) && !type.equals("comment")) { //$NON-NLS-1$
					ctx.problem(lines.line(at), lines.column(at), "\"@" + text.substring(typeStart, typeEnd) //$NON-NLS-1$
							+ "\" is not followed by \"{\" or \"(\"; this entry cannot be read and is skipped"); //$NON-NLS-1$
				}
				pos = typeEnd;
				continue;
			}
			char close = text.charAt(open) == '{' ? '}' : ')';
			pos = open + 1;
			switch (type) {
				case "comment" -> skipComment(close); //$NON-NLS-1$
				case "preamble" -> preamble(at, close, preambles); //$NON-NLS-1$
				case "string" -> string(at, close); //$NON-NLS-1$
				default -> {
					Entry e = entry(at, type, close);
					if (e != null) {
						entries.add(e);
					}
				}
			}
		}
		return new Result(entries, preambles);
	}

	// ------------------------------------------------------------------ the kinds of @

	private void skipComment(char close) {
		int depth = 0;
		for (; pos < text.length(); pos++) {
			char c = text.charAt(pos);
			if (c == '{') {
				depth++;
			} else if (c == '}' && depth > 0) {
				depth--;
			} else if (c == close && depth == 0) {
				pos++;
				return;
			} else if (c == '\n' && entryStartsAfter(pos)) {
				pos++;
				return; // an unclosed comment ends where the next entry starts
			}
		}
	}

	private void preamble(int at, char close, List<String> preambles) {
		try {
			undefined.clear();
			String v = value(at, close, "@preamble"); //$NON-NLS-1$
			expectClose(at, close, "@preamble"); //$NON-NLS-1$
			preambles.add(v);
		} catch (Bad b) {
			report(b, "the @preamble", 0, at); //$NON-NLS-1$
		}
	}

	private void string(int at, char close) {
		try {
			undefined.clear();
			pos = skipSpace(pos);
			int nameStart = pos;
			while (pos < text.length() && isFieldNameChar(text.charAt(pos))) {
				pos++;
			}
			if (pos == nameStart) {
				throw unexpected("a macro name"); //$NON-NLS-1$
			}
			String name = text.substring(nameStart, pos).toLowerCase(Locale.ROOT);
			pos = skipSpace(pos);
			if (pos >= text.length() || text.charAt(pos) != '=') {
				throw unexpected("\"=\""); //$NON-NLS-1$
			}
			pos++;
			valueDepth = 0;
			String v;
			boolean refused = false;
			inString = true;
			refusedRoot = 0;
			try {
				v = value(at, close, "the @string \"" + name + "\""); //$NON-NLS-1$ //$NON-NLS-2$
			} catch (Bad b) {
				if (b.getMessage().startsWith(TOO_LONG)) {
					ctx.problem(lines.line(at), lines.column(at), "the @string \"" + name + "\" is refused: " //$NON-NLS-1$ //$NON-NLS-2$
							+ b.getMessage());
					macros.put(name, new Macro("", 0, lines.line(at), true)); //$NON-NLS-1$
					recoverFrom(at);
					return;
				}
				throw b;
			} finally {
				inString = false;
			}
			if (refusedRoot > 0) {
				// built from a refused macro: refused too, without a message of its own
				macros.put(name, new Macro("", 0, refusedRoot, true)); //$NON-NLS-1$
				expectClose(at, close, "the @string \"" + name + "\""); //$NON-NLS-1$ //$NON-NLS-2$
				return;
			}
			if (valueDepth > MAX_MACRO_DEPTH) {
				ctx.problem(lines.line(at), lines.column(at), "the @string \"" + name + "\" is refused: macros nest " //$NON-NLS-1$ //$NON-NLS-2$
						+ valueDepth + " deep, more than the limit of " + MAX_MACRO_DEPTH); //$NON-NLS-1$
				refused = true;
			}
			if (!undefined.isEmpty() && !refused) {
				reportUndefined(at, "the @string \"" + name + "\""); //$NON-NLS-1$ //$NON-NLS-2$
			}
			macros.put(name, new Macro(refused ? "" : v, valueDepth, lines.line(at), refused)); //$NON-NLS-1$
			expectClose(at, close, "the @string \"" + name + "\""); //$NON-NLS-1$ //$NON-NLS-2$
		} catch (Bad b) {
			report(b, "the @string", 0, at); //$NON-NLS-1$
		}
	}

	private Entry entry(int at, String type, char close) {
		int line = lines.line(at);
		String key = ""; //$NON-NLS-1$
		try {
			undefined.clear();
			pos = skipSpace(pos);
			int keyStart = pos;
			while (pos < text.length() && isKeyChar(text.charAt(pos), close)) {
				pos++;
			}
			int keyEnd = pos;
			pos = skipSpace(pos);
			if (pos < text.length() && text.charAt(pos) == '=') {
				pos = keyStart; // no key: the first field follows at once
				keyEnd = keyStart;
			}
			key = text.substring(keyStart, keyEnd);
			List<Field> fields = new ArrayList<>();
			while (true) {
				pos = skipSpace(pos);
				if (pos >= text.length()) {
					throw eof();
				}
				char c = text.charAt(pos);
				if (c == close) {
					pos++;
					break;
				}
				if (c == ',') {
					pos++;
					continue;
				}
				if (!isFieldNameChar(c)) {
					throw unexpected("a field name or \"" + close + "\""); //$NON-NLS-1$ //$NON-NLS-2$
				}
				int nameStart = pos;
				while (pos < text.length() && isFieldNameChar(text.charAt(pos))) {
					pos++;
				}
				String name = text.substring(nameStart, pos).toLowerCase(Locale.ROOT);
				int fieldLine = lines.line(nameStart);
				pos = skipSpace(pos);
				if (pos >= text.length()) {
					throw eof();
				}
				if (text.charAt(pos) != '=') {
					throw unexpected("\"=\""); //$NON-NLS-1$
				}
				pos++;
				int valueStart = skipSpace(pos);
				valueDepth = 0;
				String v = value(at, close, label(key));
				boolean macroOnly = isMacroOnly(valueStart, pos);
				fields.add(new Field(name, v, fieldLine, macroOnly));
				pos = skipSpace(pos);
				if (pos >= text.length()) {
					throw eof();
				}
				char after = text.charAt(pos);
				if (after != ',' && after != close) {
					throw unexpected("\",\" or \"" + close + "\""); //$NON-NLS-1$ //$NON-NLS-2$
				}
			}
			if (!undefined.isEmpty()) {
				reportUndefined(at, label(key));
			}
			return new Entry(type, key, line, fields);
		} catch (Bad b) {
			report(b, label(key), line, at);
			return null;
		}
	}

	private boolean isMacroOnly(int from, int to) {
		for (int i = from; i < to; i++) {
			if (!isFieldNameChar(text.charAt(i)) && !Character.isWhitespace(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private void reportUndefined(int at, String what) {
		for (Map.Entry<String, String> u : undefined.entrySet()) {
			ctx.warning(lines.line(at), 0, what + " uses the string \"" + u.getKey() + "\", " + u.getValue()); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	// ------------------------------------------------------------------ values

	private static final String TOO_LONG = "the value is longer than"; //$NON-NLS-1$

	/** Parses {@code part (# part)*}; leaves {@link #pos} after the last part. */
	private String value(int entryAt, char close, String what) throws Bad {
		StringBuilder b = new StringBuilder();
		while (true) {
			pos = skipSpace(pos);
			if (pos >= text.length()) {
				throw new Bad(text.length(), "", false); // reported as the end of the file //$NON-NLS-1$
			}
			char c = text.charAt(pos);
			if (c == '{') {
				delimited(b, '}', entryAt);
			} else if (c == '"') {
				delimited(b, '"', entryAt);
			} else if (Character.isDigit(c)) {
				int s = pos;
				while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
					pos++;
				}
				b.append(text, s, pos);
			} else if (isFieldNameChar(c)) {
				int s = pos;
				while (pos < text.length() && isFieldNameChar(text.charAt(pos))) {
					pos++;
				}
				String name = text.substring(s, pos);
				Macro m = macros.get(name.toLowerCase(Locale.ROOT));
				String month = month(name);
				if (m != null && !m.refused()) {
					b.append(m.value());
					valueDepth = Math.max(valueDepth, m.depth() + 1);
				} else if (m == null && month != null && name.length() == 3) {
					b.append(month);
				} else if (inString && m != null) {
					refusedRoot = m.line();
					b.append(name);
				} else {
					undefined.putIfAbsent(name, m != null
							? "which was refused on line " + m.line() //$NON-NLS-1$
							: "which no @string defines"); //$NON-NLS-1$
					b.append(name);
				}
			} else {
				throw unexpected("a value (\"{...}\", \"\\\"...\\\"\", a number or a @string name)"); //$NON-NLS-1$
			}
			if (b.length() > ImportContext.MAX_FIELD_CHARS) {
				throw new Bad(pos, TOO_LONG + " " + ImportContext.MAX_FIELD_LIMIT, false); //$NON-NLS-1$
			}
			int next = skipSpace(pos);
			if (next < text.length() && text.charAt(next) == '#') {
				pos = next + 1;
				continue;
			}
			return b.toString();
		}
	}

	/** A braced or quoted part: braces nest ({@code \{} and {@code \}} do not count), the outer delimiters dropped. */
	private void delimited(StringBuilder b, char end, int entryAt) throws Bad {
		int start = pos;
		pos++;
		int depth = 0;
		int word = 0;
		int from = pos;
		for (; pos < text.length(); pos++) {
			char c = text.charAt(pos);
			if (c == '\\' && pos + 1 < text.length() && (text.charAt(pos + 1) == '{' || text.charAt(pos + 1) == '}')) {
				pos++;
				word += 2;
				continue;
			}
			if (c == '{') {
				depth++;
			} else if (c == '}') {
				if (depth == 0) {
					if (end == '}') {
						break;
					}
					throw new Bad(pos, "unexpected \"}\" in a quoted value (a brace is not opened)", false); //$NON-NLS-1$
				}
				depth--;
			} else if (c == '"' && end == '"' && depth == 0) {
				break;
			} else if (c == '\n' && entryStartsAfter(pos)) {
				throw new Bad(start, "the " + (end == '}' ? "brace" : "quote") + " opened on line " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
						+ lines.line(start) + " is not closed before the next entry (line " + lines.line(pos + 1) + ")", //$NON-NLS-1$ //$NON-NLS-2$
						true);
			}
			if (Character.isWhitespace(c)) {
				word = 0;
			} else if (++word > MAX_WORD) {
				int s = pos - word + 1;
				throw new Bad(s, "a word of more than " + String.format(Locale.ROOT, "%,d", MAX_WORD) //$NON-NLS-1$ //$NON-NLS-2$
						+ " characters without a space or line break starts here; a BibTeX file holds no such word (is this binary data or a damaged file?)", //$NON-NLS-1$
						false);
			}
			if (pos - from > ImportContext.MAX_FIELD_CHARS) {
				throw new Bad(start, TOO_LONG + " " + ImportContext.MAX_FIELD_LIMIT, false); //$NON-NLS-1$
			}
		}
		if (pos >= text.length()) {
			throw new Bad(text.length(), "", false); //$NON-NLS-1$
		}
		b.append(text, from, pos);
		pos++;
	}

	private void expectClose(int at, char close, String what) throws Bad {
		pos = skipSpace(pos);
		if (pos < text.length() && text.charAt(pos) == ',') {
			pos = skipSpace(pos + 1);
		}
		if (pos >= text.length()) {
			throw new Bad(text.length(), "", false); //$NON-NLS-1$
		}
		if (text.charAt(pos) != close) {
			throw unexpected("\"" + close + "\""); //$NON-NLS-1$ //$NON-NLS-2$
		}
		pos++;
	}

	// ------------------------------------------------------------------ errors and recovery

	private Bad unexpected(String expected) {
		if (pos >= text.length()) {
			return new Bad(text.length(), "", false); //$NON-NLS-1$
		}
		int end = pos + 1;
		if (isFieldNameChar(text.charAt(pos))) {
			while (end < text.length() && end - pos < 40 && isFieldNameChar(text.charAt(end))) {
				end++;
			}
		}
		String found = text.substring(pos, end).replace("\n", "\\n"); //$NON-NLS-1$ //$NON-NLS-2$
		return new Bad(pos, "unexpected \"" + found + "\" where " + expected + " was expected", false); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	private Bad eof() {
		return new Bad(text.length(), "", false); //$NON-NLS-1$
	}

	private void report(Bad b, String what, int line, int at) {
		String where = line > 0 ? what + " (line " + line + ")" : what; //$NON-NLS-1$ //$NON-NLS-2$
		if (b.offset >= text.length() || b.getMessage().isEmpty()) {
			ctx.problem(lines.line(Math.max(0, text.length() - 1)) + (text.endsWith("\n") ? 1 : 0), 0, //$NON-NLS-1$
					"the file ends inside an entry: a brace or quote is not closed (" + what //$NON-NLS-1$
							+ (line > 0 ? ", starts on line " + line : "") //$NON-NLS-1$ //$NON-NLS-2$
							+ "; is the file truncated?); it is skipped"); //$NON-NLS-1$
			recoverFrom(at);
			return;
		}
		ctx.problem(lines.line(b.offset), lines.column(b.offset),
				b.getMessage() + " in " + where + ", which is skipped" //$NON-NLS-1$ //$NON-NLS-2$
						+ (b.resumeHere || b.getMessage().startsWith(TOO_LONG) || b.getMessage().startsWith("a word of") //$NON-NLS-1$
								? "" //$NON-NLS-1$
								: "; is a brace, quote or comma missing?")); //$NON-NLS-1$
		recoverFrom(at);
	}

	/** Goes on at the next line after {@code at} that starts with {@code @} (or the end of the text). */
	private void recoverFrom(int at) {
		int i = at + 1;
		while (true) {
			int nl = text.indexOf('\n', i);
			if (nl < 0) {
				pos = text.length();
				return;
			}
			int s = nl + 1;
			while (s < text.length() && (text.charAt(s) == ' ' || text.charAt(s) == '\t')) {
				s++;
			}
			if (s < text.length() && text.charAt(s) == '@') {
				pos = s;
				return;
			}
			i = s;
		}
	}

	/** Whether the line after the line break at {@code nl} starts an entry: {@code @type{} or {@code @type(}. */
	private boolean entryStartsAfter(int nl) {
		int s = nl + 1;
		int n = text.length();
		while (s < n && (text.charAt(s) == ' ' || text.charAt(s) == '\t')) {
			s++;
		}
		if (s >= n || text.charAt(s) != '@') {
			return false;
		}
		s++;
		int t = s;
		while (t < n && t - s < 40 && isNameChar(text.charAt(t))) {
			t++;
		}
		if (t == s || !Character.isLetter(text.charAt(s))) {
			return false;
		}
		while (t < n && (text.charAt(t) == ' ' || text.charAt(t) == '\t')) {
			t++;
		}
		return t < n && (text.charAt(t) == '{' || text.charAt(t) == '(');
	}

	private boolean atLineStart(int at) {
		for (int i = at - 1; i >= 0; i--) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r') {
				return true;
			}
			if (c != ' ' && c != '\t') {
				return false;
			}
		}
		return true;
	}

	private static String label(String key) {
		return key.isEmpty() ? "the entry without a cite key" : "the entry \"" + key + "\""; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	private int skipSpace(int i) {
		while (i < text.length()) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c) || c == '\u00A0' || c == '\uFEFF') {
				i++;
			} else {
				break;
			}
		}
		return i;
	}

	private static boolean isNameChar(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == ':' || c == '.' || c == '+';
	}

	/** Field and macro names: anything BibTeX does not use as syntax (odd names are kept as written). */
	private static boolean isFieldNameChar(char c) {
		return !Character.isWhitespace(c) && c != '=' && c != ',' && c != '{' && c != '}' && c != '(' && c != ')'
				&& c != '"' && c != '#' && c != '%' && c != '\u00A0' && c != '@';
	}

	private static boolean isKeyChar(char c, char close) {
		return !Character.isWhitespace(c) && c != ',' && c != close && c != '}' && c != '=' && c != '\u00A0';
	}
}
