package org.scriptorium.core.internal.io;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jbibtex.LaTeXObject;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;
import org.jbibtex.ParseException;

/**
 * Converts the LaTeX of BibTeX field values to Unicode text and back. Parsing and printing go through jbibtex's
 * {@link LaTeXParser} and {@link LaTeXPrinter}; this class first rewrites what they do not cover (most accents, the
 * special letters such as {@code \o} and {@code \ss}, math dollars, ties, unescaped specials and characters beyond
 * Latin-1) into forms they read.
 */
public final class LaTeXText {

	/** Accent commands and the combining mark each one puts on its letter. */
	private static final Map<Character, Character> ACCENTS = Map.ofEntries(Map.entry('`', '\u0300'),
			Map.entry('\'', '\u0301'), Map.entry('^', '\u0302'), Map.entry('~', '\u0303'), Map.entry('=', '\u0304'),
			Map.entry('u', '\u0306'), Map.entry('.', '\u0307'), Map.entry('"', '\u0308'), Map.entry('r', '\u030A'),
			Map.entry('H', '\u030B'), Map.entry('v', '\u030C'), Map.entry('d', '\u0323'), Map.entry('c', '\u0327'),
			Map.entry('k', '\u0328'), Map.entry('b', '\u0331'));

	/** Letters that have a command of their own. */
	private static final Map<String, String> LETTERS = Map.ofEntries(Map.entry("ss", "\u00DF"), //$NON-NLS-1$ //$NON-NLS-2$
			Map.entry("ae", "\u00E6"), Map.entry("AE", "\u00C6"), Map.entry("oe", "\u0153"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			Map.entry("OE", "\u0152"), Map.entry("aa", "\u00E5"), Map.entry("AA", "\u00C5"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			Map.entry("o", "\u00F8"), Map.entry("O", "\u00D8"), Map.entry("l", "\u0142"), Map.entry("L", "\u0141"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$
			Map.entry("i", "\u0131"), Map.entry("j", "\u0237"), Map.entry("dj", "\u0111"), Map.entry("DJ", "\u0110"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$
			Map.entry("ng", "\u014B"), Map.entry("NG", "\u014A"), Map.entry("th", "\u00FE"), Map.entry("TH", "\u00DE"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$
			Map.entry("dh", "\u00F0"), Map.entry("DH", "\u00D0")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$

	/** The reverse of {@link #LETTERS} for writing ({@code \i} and {@code \j} only occur under accents). */
	private static final Map<Integer, String> LETTER_COMMANDS = Map.ofEntries(Map.entry(0xDF, "ss"), //$NON-NLS-1$
			Map.entry(0xE6, "ae"), Map.entry(0xC6, "AE"), Map.entry(0x153, "oe"), Map.entry(0x152, "OE"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			Map.entry(0xF8, "o"), Map.entry(0xD8, "O"), Map.entry(0x142, "l"), Map.entry(0x141, "L"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			Map.entry(0x131, "i"), Map.entry(0x111, "dj"), Map.entry(0x110, "DJ"), Map.entry(0x14B, "ng"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			Map.entry(0x14A, "NG"), Map.entry(0xFE, "th"), Map.entry(0xDE, "TH"), Map.entry(0xF0, "dh"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			Map.entry(0xD0, "DH")); //$NON-NLS-1$

	private static final Pattern SYMBOL_ACCENT = Pattern
			.compile(
					"\\\\([`'^~=.\"])\\s*(?:\\{\\s*(\\\\[ij](?![A-Za-z])|[A-Za-z0-9])\\s*\\}|(\\\\[ij](?![A-Za-z])|[A-Za-z0-9]))"); //$NON-NLS-1$
	private static final Pattern LETTER_ACCENT = Pattern
			.compile(
					"\\\\([uvHcdbrk])(?:\\s*\\{\\s*(\\\\[ij](?![A-Za-z])|[A-Za-z])\\s*\\}|\\s+(\\\\[ij](?![A-Za-z])|[A-Za-z]))"); //$NON-NLS-1$
	private static final Pattern LETTER = Pattern
			.compile(
					"\\\\(ss|ae|AE|oe|OE|aa|AA|dj|DJ|ng|NG|th|TH|dh|DH|o|O|l|L|i|j)(?![A-Za-z])(?:\\{\\}|\\s+(?=[A-Za-z]))?"); //$NON-NLS-1$
	/** {@code $...$}: inline math. */
	private static final Pattern MATH = Pattern.compile("(?<!\\\\)\\$([^$]*)\\$"); //$NON-NLS-1$
	private static final Pattern SUB_SUPER = Pattern.compile("([_^])(?:\\{\\s*([0-9+\\-=()]+)\\s*\\}|([0-9+\\-=()]))"); //$NON-NLS-1$
	private static final Pattern TEXT_SUB_SUPER = Pattern
			.compile("\\\\text(sub|super)script\\s*\\{\\s*([0-9+\\-=()]+)\\s*\\}"); //$NON-NLS-1$
	private static final Pattern BAR = Pattern.compile("\\\\(bar|overline)\\s*\\{([^{}\\\\]*)\\}"); //$NON-NLS-1$
	private static final Pattern DELIMITER = Pattern.compile("\\\\(left|right)\\s*([()\\[\\]|.])"); //$NON-NLS-1$
	private static final String SUBSCRIPTS = "\u2080\u2081\u2082\u2083\u2084\u2085\u2086\u2087\u2088\u2089\u208A\u208B\u208C\u208D\u208E"; //$NON-NLS-1$
	private static final String SUPERSCRIPTS = "\u2070\u00B9\u00B2\u00B3\u2074\u2075\u2076\u2077\u2078\u2079\u207A\u207B\u207C\u207D\u207E"; //$NON-NLS-1$
	private static final String SCRIPT_CHARS = "0123456789+-=()"; //$NON-NLS-1$
	private static final Pattern SENTINEL = Pattern.compile("\\{U\\+([0-9A-F]{1,6})\\}"); //$NON-NLS-1$
	private static final Pattern COMMAND = Pattern.compile("\\\\[A-Za-z]+\\s*|\\\\(.)"); //$NON-NLS-1$

	/** Commands with a fixed text (math and text symbols, Greek letters, operator names): latex-symbols.tsv. */
	private static final Map<String, String> SYMBOLS = new java.util.HashMap<>();
	/** The command written for a symbol (math symbols, arrows and Greek letters only; other characters stay UTF-8). */
	private static final Map<Integer, String> SYMBOL_COMMANDS = new java.util.HashMap<>();
	static {
		try (var in = LaTeXText.class.getResourceAsStream("latex-symbols.tsv"); //$NON-NLS-1$
				var r = new java.io.BufferedReader(
						new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))) {
			for (String line = r.readLine(); line != null; line = r.readLine()) {
				int tab = line.indexOf('\t');
				if (line.startsWith("#") || tab <= 0) { //$NON-NLS-1$
					continue;
				}
				String name = line.substring(0, tab);
				String value = line.substring(tab + 1);
				if (LETTERS.containsKey(name) || name.length() == 1 && ACCENTS.containsKey(name.charAt(0))
						|| value.chars().allMatch(c -> c < 0x80) && !value.matches("[A-Za-z]+")) { //$NON-NLS-1$
					// ASCII punctuation (\textasciitilde, \&, ...) is left to the LaTeX printer
					continue;
				}
				SYMBOLS.put(name, value);
				if (value.codePointCount(0, value.length()) == 1 && isMathLike(value.codePointAt(0))) {
					SYMBOL_COMMANDS.merge(value.codePointAt(0), name, LaTeXText::preferred);
				}
			}
		} catch (java.io.IOException | NullPointerException e) {
			throw new IllegalStateException("latex-symbols.tsv is missing from the bundle", e); //$NON-NLS-1$
		}
	}

	private static boolean isMathLike(int cp) {
		int t = Character.getType(cp);
		return t == Character.MATH_SYMBOL || cp >= 0x391 && cp <= 0x3C9 || cp >= 0x2190 && cp <= 0x22FF;
	}

	/** Of two commands for one character: a math one over a text one, then the longer ({@code leq} over {@code le}). */
	private static String preferred(String a, String b) {
		boolean ta = a.startsWith("text"), tb = b.startsWith("text"); //$NON-NLS-1$ //$NON-NLS-2$
		if (ta != tb) {
			return ta ? b : a;
		}
		if (a.length() != b.length()) {
			return a.length() > b.length() ? a : b;
		}
		return a.compareTo(b) <= 0 ? a : b;
	}

	private static final Pattern SYMBOL_COMMAND = Pattern.compile("\\\\([A-Za-z]+)(?![A-Za-z])(\\{\\}|[ \\t]*)"); //$NON-NLS-1$

	/** jbibtex's parser re-initialises itself for each text; building one costs more than a parse. */
	private static final ThreadLocal<LaTeXParser> PARSER = ThreadLocal.withInitial(() -> {
		try {
			return new LaTeXParser();
		} catch (ParseException e) {
			throw new IllegalStateException(e);
		}
	});
	private static final ThreadLocal<LaTeXPrinter> PRINTER = ThreadLocal.withInitial(LaTeXPrinter::new);

	private LaTeXText() {
	}

	// ------------------------------------------------------------------ reading

	/** The Unicode text of a BibTeX field value: accents composed, commands and grouping braces gone. */
	public static String toUnicode(String latex) {
		if (latex.indexOf('\\') < 0 && latex.indexOf('{') < 0 && latex.indexOf('$') < 0 && latex.indexOf('~') < 0
				&& latex.indexOf('-') < 0 && latex.indexOf('`') < 0 && latex.indexOf("''") < 0) { //$NON-NLS-1$
			return collapse(latex);
		}
		String s = replace(MATH, latex, m -> "$" + math(m.group(1)) + "$"); //$NON-NLS-1$ //$NON-NLS-2$
		s = replace(TEXT_SUB_SUPER, s, m -> scripts(m.group(2), m.group(1).equals("sub") ? SUBSCRIPTS : SUPERSCRIPTS)); //$NON-NLS-1$
		s = accents(s);
		s = replace(LETTER, s, m -> LETTERS.get(m.group(1)));
		s = symbols(s);
		String prepared = protect(s);
		String printed;
		try {
			if (braceDepth(prepared) > MAX_PARSED_DEPTH) {
				throw new ParseException("nested too deep for the recursive LaTeX parser"); //$NON-NLS-1$
			}
			List<LaTeXObject> objects = PARSER.get().parse(prepared);
			printed = PRINTER.get().print(objects);
		} catch (ParseException | RuntimeException e) { // TokenMgrException is a RuntimeException
			// LaTeX the parser does not know: keep the words, drop the markup
			printed = COMMAND.matcher(prepared).replaceAll(m -> m.group(1) == null
					? "" //$NON-NLS-1$
					: Matcher.quoteReplacement(m.group(1))).replace("{", "").replace("}", ""); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		}
		printed = replace(SENTINEL, printed, m -> Character.toString(Integer.parseInt(m.group(1), 16)));
		return collapse(printed);
	}

	/** Symbol commands as their Unicode text: {@code $\\leq$ 2} is "≤ 2", {@code $O(n \\log n)$} "O(n log n)". */
	private static String symbols(String s) {
		if (s.indexOf('\\') < 0) {
			return s;
		}
		return SYMBOL_COMMAND.matcher(s).replaceAll(m -> {
			String v = SYMBOLS.get(m.group(1));
			if (v == null) {
				return Matcher.quoteReplacement(m.group());
			}
			boolean space = !m.group(2).isEmpty() && !m.group(2).equals("{}"); //$NON-NLS-1$
			return Matcher.quoteReplacement(v + (space ? " " : "")); //$NON-NLS-1$ //$NON-NLS-2$
		});
	}

	/**
	 * Braces nested deeper than this are not given to jbibtex's LaTeX parser, which recurses on them; such text keeps
	 * its words without the markup.
	 */
	private static final int MAX_PARSED_DEPTH = 100;

	private static int braceDepth(String s) {
		int depth = 0;
		int max = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '{') {
				max = Math.max(max, ++depth);
			} else if (c == '}') {
				depth--;
			}
		}
		return max;
	}

	/** Inside math: bars and overlines as combining marks, digit sub- and superscripts as Unicode, sized delimiters. */
	private static String math(String m) {
		String s = replace(BAR, m, b -> {
			char mark = b.group(1).equals("bar") ? '\u0304' : '\u0305'; //$NON-NLS-1$
			StringBuilder out = new StringBuilder();
			for (char c : b.group(2).strip().toCharArray()) {
				out.append(c).append(mark);
			}
			return out.toString();
		});
		s = replace(DELIMITER, s, d -> d.group(2).equals(".") ? "" : d.group(2)); //$NON-NLS-1$ //$NON-NLS-2$
		return replace(SUB_SUPER, s, x -> scripts(x.group(2) != null ? x.group(2) : x.group(3),
				x.group(1).equals("_") ? SUBSCRIPTS : SUPERSCRIPTS)); //$NON-NLS-1$
	}

	private static String scripts(String chars, String table) {
		StringBuilder b = new StringBuilder();
		for (char c : chars.toCharArray()) {
			b.append(table.charAt(SCRIPT_CHARS.indexOf(c)));
		}
		return b.toString();
	}

	private static String accents(String s) {
		String r = replace(SYMBOL_ACCENT, s,
				m -> compose(m.group(1).charAt(0), m.group(2) != null ? m.group(2) : m.group(3)));
		return replace(LETTER_ACCENT, r,
				m -> compose(m.group(1).charAt(0), m.group(2) != null ? m.group(2) : m.group(3)));
	}

	private static String compose(char accent, String letter) {
		String base = letter.startsWith("\\") ? letter.substring(1) : letter; //$NON-NLS-1$ (\i and \j lose their dot)
		return Normalizer.normalize(base + ACCENTS.get(accent), Normalizer.Form.NFC);
	}

	/**
	 * Rewrites what jbibtex's LaTeX grammar rejects or reads differently: math dollars are dropped, a tie is a space,
	 * unescaped specials are escaped, and single quotes and non-ASCII characters are carried through as sentinels.
	 */
	private static String protect(String s) {
		StringBuilder b = new StringBuilder(s.length() + 16);
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
			if (c == '\\' && next != 0) {
				if (next == '$' || next == '&' || next == '%' || next == '#' || next == '_' || next == '{'
						|| next == '}'
						|| Character.isLetter(next) || next == '\\') {
					b.append(c).append(next);
					i++;
				} else if (next == ' ' || next == ',' || next == ';' || next == ':') {
					b.append(' '); // a control space or a thin, medium or thick space
					i++;
				} else if (next == '~' || next == '^') {
					b.append(next == '~' ? "\\textasciitilde{}" : "\\textasciicircum{}"); //$NON-NLS-1$ //$NON-NLS-2$
					i++;
					if (i + 2 < s.length() && s.charAt(i + 1) == '{' && s.charAt(i + 2) == '}') {
						i += 2;
					}
				} else {
					i++; // \- \/ \@ and the like: hyphenation and spacing hints
				}
			} else if (c == '\\') {
				b.append("\\textbackslash{}"); //$NON-NLS-1$
			} else if (c == '$') {
				// math delimiters: keep the formula's text
			} else if (c == '~') {
				b.append(' ');
			} else if (c == '&' || c == '%' || c == '#' || c == '_') {
				b.append('\\').append(c);
			} else if (c == '^') {
				b.append("\\textasciicircum{}"); //$NON-NLS-1$
			} else if ((c == '\'' || c == '`') && next == c) {
				b.append(c).append(next); // `` and '' are LaTeX's double quotes
				i++;
			} else if (c == '\'' || c == '`' || c > 0x7E || c < ' ' && !Character.isWhitespace(c)) {
				int cp = s.codePointAt(i);
				b.append("\\{U+").append(Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT)).append("\\}"); //$NON-NLS-1$ //$NON-NLS-2$
				i += Character.charCount(cp) - 1;
			} else {
				b.append(c);
			}
		}
		return b.toString();
	}

	private static String collapse(String s) {
		return s.replaceAll("\\s+", " ").strip(); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static String replace(Pattern p, String s,
			java.util.function.Function<java.util.regex.MatchResult, String> f) {
		return p.matcher(s).replaceAll(m -> Matcher.quoteReplacement(f.apply(m)));
	}

	// ------------------------------------------------------------------ writing

	/**
	 * The LaTeX for a Unicode text: specials escaped, accented Latin letters and special letters as commands, dashes
	 * as {@code --}/{@code ---}; other characters stay Unicode (the file is written in UTF-8).
	 */
	public static String toLatex(String text) {
		StringBuilder b = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			char next = i < text.length() ? text.charAt(i) : 0;
			switch (cp) {
				case '\\' -> b.append("\\textbackslash{}"); //$NON-NLS-1$
				case '{', '}', '&', '%', '$', '#', '_' -> b.append('\\').append((char) cp);
				case '~' -> b.append("\\textasciitilde{}"); //$NON-NLS-1$
				case '^' -> b.append("\\textasciicircum{}"); //$NON-NLS-1$
				case '-', '\'', '`' -> b.append((char) cp).append(next == cp ? "{}" : ""); //$NON-NLS-1$ //$NON-NLS-2$
				case 0x2013 -> b.append("--"); //$NON-NLS-1$
				case 0x2014 -> b.append("---"); //$NON-NLS-1$
				default -> appendLetter(b, cp);
			}
		}
		return b.toString();
	}

	private static void appendLetter(StringBuilder b, int cp) {
		String command = LETTER_COMMANDS.get(cp);
		if (command != null) {
			b.append("{\\").append(command).append('}'); //$NON-NLS-1$
			return;
		}
		String symbol = cp > 0x7F ? SYMBOL_COMMANDS.get(cp) : null;
		if (symbol != null) {
			b.append("{$\\").append(symbol).append("$}"); //$NON-NLS-1$ //$NON-NLS-2$
			return;
		}
		if (cp > 0x7F) {
			String d = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFD);
			if (d.length() == 2 && d.charAt(0) < 0x80 && Character.isLetter(d.charAt(0))) {
				for (Map.Entry<Character, Character> a : ACCENTS.entrySet()) {
					if (a.getValue() == d.charAt(1)) {
						char base = d.charAt(0);
						String letter = base == 'i' ? "\\i" : base == 'j' ? "\\j" : String.valueOf(base); //$NON-NLS-1$ //$NON-NLS-2$
						b.append("{\\").append(a.getKey()); //$NON-NLS-1$
						b.append(Character.isLetter(a.getKey())
								? "{" + letter + "}" //$NON-NLS-1$//$NON-NLS-2$
								: letter.length() > 1 ? "{" + letter + "}" : letter); //$NON-NLS-1$ //$NON-NLS-2$
						b.append('}');
						return;
					}
				}
			}
		}
		b.appendCodePoint(cp);
	}
}
