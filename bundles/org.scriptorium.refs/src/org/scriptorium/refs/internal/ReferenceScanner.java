package org.scriptorium.refs.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.scriptorium.core.model.PaperIds;
import org.scriptorium.refs.CompletionContext;
import org.scriptorium.refs.Reference;
import org.scriptorium.refs.ReferenceKind;

/**
 * The recogniser: one left-to-right pass over the text that looks at a character only where a reference can start
 * ({@code \} of a cite command, {@code [} of a Pandoc citation, {@code a}/{@code A} of {@code arXiv:},
 * {@code arxiv.org/} or {@code abs/}, {@code 1} of {@code 10.} and {@code /} of an old-style arXiv id), so a
 * 10,000-line file is scanned in one pass without regular expressions.
 */
public final class ReferenceScanner {

	/** The arXiv archives of old-style ids ({@code hep-th/9901001}); a bare old-style id needs one of them. */
	static final Set<String> ARCHIVES = Set.of("acc-phys", "adap-org", "alg-geom", "ao-sci", "astro-ph", "atom-ph", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			"bayes-an", "chao-dyn", "chem-ph", "cmp-lg", "comp-gas", "cond-mat", "cs", "dg-ga", "funct-an", "gr-qc", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$ //$NON-NLS-9$ //$NON-NLS-10$
			"hep-ex", "hep-lat", "hep-ph", "hep-th", "math", "math-ph", "mtrl-th", "nlin", "nucl-ex", "nucl-th", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$ //$NON-NLS-9$ //$NON-NLS-10$
			"patt-sol", "physics", "plasm-ph", "q-alg", "q-bio", "quant-ph", "solv-int", "supr-con"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$

	/** Commands whose name holds "cite" but whose argument is no key. */
	private static final Set<String> NOT_CITE = Set.of("citestyle", "citetext", "citeindextrue", "citeindexfalse", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			"citeindextype", "citereset", "citesetup"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	/**
	 * What may come before "cite" in a cite command: natbib's {@code \citep}, {@code \citet}, ... have none,
	 * BibLaTeX's {@code \parencite}, {@code \textcite}, {@code \autocite}, {@code \footcite},
	 * {@code \footfullcite}, {@code \fullcite}, {@code \smartcite}, {@code \supercite}, {@code \nocite}, natbib's
	 * {@code \defcitealias}.
	 */
	private static final String[] CITE_PREFIXES = {"", "paren", "text", "auto", "foot", "footfull", "full", "smart", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$
			"super", "no", "def"}; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	/** How far a Pandoc bracket or a cite command's optional argument may reach (characters). */
	static final int MAX_GROUP = 1000;

	private final CharSequence text;
	private final int n;
	private final List<Reference> out = new ArrayList<>();

	private ReferenceScanner(CharSequence text) {
		this.text = text;
		this.n = text.length();
	}

	/** The references of the text, in text order, not overlapping. */
	public static List<Reference> scan(CharSequence text) {
		ReferenceScanner s = new ReferenceScanner(text);
		s.run();
		return s.out;
	}

	private void run() {
		int i = 0;
		while (i < n) {
			char c = text.charAt(i);
			int next = -1;
			switch (c) {
				case '\\' :
					next = cite(i);
					break;
				case '[' :
					next = pandoc(i);
					break;
				case 'a', 'A' :
					next = arxivPrefix(i);
					break;
				case '1' :
					next = doi(i);
					break;
				case '/' :
					next = bareOldStyle(i);
					break;
				default :
					break;
			}
			i = next > i ? next : i + 1;
		}
	}

	// ---- completion

	/** Where content assist may propose a key or id at {@code offset}, if it may. */
	public static CompletionContext completionAt(CharSequence text, int offset) {
		if (offset < 0 || offset > text.length()) {
			return null;
		}
		ReferenceScanner s = new ReferenceScanner(text);
		CompletionContext c = s.latexCompletion(offset);
		if (c == null) {
			c = s.pandocCompletion(offset);
		}
		return c != null ? c : s.arxivCompletion(offset);
	}

	private CompletionContext latexCompletion(int offset) {
		int p = offset;
		while (p > 0 && isKeyChar(text.charAt(p - 1)) && text.charAt(p - 1) != '[' && text.charAt(p - 1) != ']') {
			p--;
		}
		int limit = Math.max(0, p - MAX_GROUP);
		int brace = -1;
		for (int j = p - 1; j >= limit; j--) {
			char c = text.charAt(j);
			if (c == '{') {
				brace = j;
				break;
			}
			if (c != ',' && !Character.isWhitespace(c) && !isKeyChar(c) || c == '\n' && blankLineBefore(j)) {
				return null;
			}
		}
		if (brace < 0) {
			return null;
		}
		// the command is at one of the last backslashes before the brace (an optional argument may hold some)
		int tries = 0;
		for (int b = brace - 1; b >= Math.max(0, brace - MAX_GROUP) && tries < 8; b--) {
			if (text.charAt(b) == '\\') {
				tries++;
				String command = commandOpening(b, brace);
				if (command != null) {
					return new CompletionContext(ReferenceKind.CITE_KEY, command, p,
							text.subSequence(p, offset).toString());
				}
			}
		}
		return null;
	}

	/** Whether only spaces separate the line break at {@code newline} from an earlier one. */
	private boolean blankLineBefore(int newline) {
		for (int j = newline - 1; j >= 0; j--) {
			char c = text.charAt(j);
			if (c == '\n') {
				return true;
			}
			if (c != ' ' && c != '\t' && c != '\r') {
				return false;
			}
		}
		return false;
	}

	/** The cite command at {@code backslash} if its arguments lead to the key group opened at {@code brace}. */
	private String commandOpening(int backslash, int brace) {
		int nameEnd = letters(backslash + 1);
		String name = citeCommand(backslash + 1, nameEnd);
		if (name == null) {
			return null;
		}
		int j = nameEnd;
		if (j < n && text.charAt(j) == '*') {
			j++;
		}
		String command = text.subSequence(backslash, j).toString();
		boolean multi = name.endsWith("cites"); //$NON-NLS-1$
		while (j <= brace) {
			j = skipOptionalArguments(j, multi);
			if (j == brace) {
				return command;
			}
			if (!multi || j >= n || text.charAt(j) != '{') {
				return null;
			}
			int close = closing(j, '}');
			if (close < 0 || close > brace) {
				return null;
			}
			j = close + 1;
		}
		return null;
	}

	private CompletionContext pandocCompletion(int offset) {
		int p = offset;
		while (p > 0 && (isPandocKeyStart(text.charAt(p - 1)) || isPandocPunct(text.charAt(p - 1)))) {
			p--;
		}
		if (p == 0 || text.charAt(p - 1) != '@') {
			return null;
		}
		int at = p - 1;
		int limit = Math.max(0, at - MAX_GROUP);
		for (int j = at - 1; j >= limit; j--) {
			char c = text.charAt(j);
			if (c == '[') {
				return pandocAtStart(j, at)
						? new CompletionContext(ReferenceKind.CITE_KEY, Reference.PANDOC, p,
								text.subSequence(p, offset).toString())
						: null;
			}
			if (c == ']' || c == '\n' && j > 0 && text.charAt(j - 1) == '\n') {
				return null;
			}
		}
		return null;
	}

	private CompletionContext arxivCompletion(int offset) {
		int p = offset;
		while (p > 0 && p > offset - 30) {
			char c = text.charAt(p - 1);
			if (!(c >= '0' && c <= '9' || c == '.' || c == '/' || c == '-' || isAsciiLetter(c))) {
				break;
			}
			p--;
		}
		// "arXiv:" itself is made of letters: the prefix starts after the last colon
		int colon = -1;
		for (int j = offset - 1; j >= Math.max(0, p - 2); j--) {
			if (text.charAt(j) == ':') {
				colon = j;
				break;
			}
		}
		if (colon < 0) {
			return null;
		}
		int start = colon + 1;
		if (start < offset && text.charAt(start) == ' ') {
			start++;
		}
		if (!endsWithIgnoreCase(colon + 1, "arxiv:") //$NON-NLS-1$
				|| colon >= 6 && Character.isLetterOrDigit(text.charAt(colon - 6))) {
			return null;
		}
		for (int j = start; j < offset; j++) {
			if (Character.isWhitespace(text.charAt(j))) {
				return null;
			}
		}
		return new CompletionContext(ReferenceKind.ARXIV, CompletionContext.ARXIV_PREFIX, start,
				text.subSequence(start, offset).toString());
	}

	// ---- LaTeX cite commands

	/**
	 * A cite command at {@code i} (the backslash): {@code \cite}, {@code \citep*}, {@code \parencite},
	 * {@code \textcites}, ... with optional arguments {@code [..]} (and {@code (..)} for multi-cite commands) and
	 * one key group {@code {a,b}}, or several for the multi-cite commands ({@code \cites[p.~3]{a}[4]{b}}).
	 *
	 * @return the index after the command, or -1 if none is here
	 */
	private int cite(int i) {
		int nameEnd = letters(i + 1);
		if (nameEnd == i + 1) {
			return -1;
		}
		String name = citeCommand(i + 1, nameEnd);
		if (name == null) {
			return nameEnd;
		}
		int j = nameEnd;
		if (j < n && text.charAt(j) == '*') {
			j++;
		}
		String command = text.subSequence(i, j).toString();
		boolean multi = name.endsWith("cites"); //$NON-NLS-1$
		int groups = 0;
		while (true) {
			j = skipOptionalArguments(j, multi);
			if (j < n && text.charAt(j) == '{') {
				int close = keys(j, command);
				if (close < 0) {
					return j + 1;
				}
				j = close + 1;
				groups++;
				if (!multi) {
					return j;
				}
			} else {
				return groups == 0 ? nameEnd : j;
			}
		}
	}

	/** The lower-case name of a cite command whose name is {@code [from, to)}, or {@code null}. */
	private String citeCommand(int from, int to) {
		if (to - from < 4 || to - from > 20) {
			return null;
		}
		String name = text.subSequence(from, to).toString().toLowerCase(Locale.ROOT);
		if (NOT_CITE.contains(name)) {
			return null;
		}
		for (String prefix : CITE_PREFIXES) {
			if (name.startsWith(prefix) && name.startsWith("cite", prefix.length())) { //$NON-NLS-1$
				return name;
			}
		}
		return null;
	}

	/** Skips white space (no blank line) and {@code [..]} groups, and {@code (..)} groups when {@code parens}. */
	private int skipOptionalArguments(int from, boolean parens) {
		int j = from;
		while (true) {
			int k = skipSpace(j);
			if (k < n && (text.charAt(k) == '[' || parens && text.charAt(k) == '(')) {
				int close = closing(k, text.charAt(k) == '[' ? ']' : ')');
				if (close < 0) {
					return j;
				}
				j = close + 1;
			} else {
				return k;
			}
		}
	}

	/** White space from {@code from} on, but not a blank line (which ends a LaTeX paragraph). */
	private int skipSpace(int from) {
		int j = from;
		int newlines = 0;
		while (j < n) {
			char c = text.charAt(j);
			if (c == '\n' && ++newlines > 1) {
				break;
			}
			if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
				break;
			}
			j++;
		}
		return j;
	}

	/** The index of the bracket closing the one at {@code open} (braces inside nest), or -1. */
	private int closing(int open, char close) {
		int depth = 0;
		int limit = Math.min(n, open + MAX_GROUP);
		for (int j = open + 1; j < limit; j++) {
			char c = text.charAt(j);
			if (c == close && depth == 0) {
				return j;
			} else if (c == '{') {
				depth++;
			} else if (c == '}') {
				if (--depth < 0) {
					return -1;
				}
			} else if (c == '\n' && j + 1 < n && text.charAt(j + 1) == '\n') {
				return -1;
			}
		}
		return -1;
	}

	/**
	 * The keys of the group whose {@code {} is at {@code open}: each non-empty, space-free key between commas is a
	 * reference. {@code \nocite{*}} has none.
	 *
	 * @return the index of the closing brace, or -1 if the group does not close (being typed, or not a key list)
	 */
	private int keys(int open, String command) {
		int close = -1;
		int limit = Math.min(n, open + MAX_GROUP);
		for (int j = open + 1; j < limit; j++) {
			char c = text.charAt(j);
			if (c == '}') {
				close = j;
				break;
			}
			if (c == '{' || c == '\\') {
				return -1;
			}
		}
		if (close < 0) {
			return -1;
		}
		int start = open + 1;
		for (int j = open + 1; j <= close; j++) {
			if (j == close || text.charAt(j) == ',') {
				key(start, j, command);
				start = j + 1;
			}
		}
		return close;
	}

	private void key(int from, int to, String command) {
		int a = from;
		int b = to;
		while (a < b && Character.isWhitespace(text.charAt(a))) {
			a++;
		}
		while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
			b--;
		}
		if (a == b) {
			return;
		}
		for (int j = a; j < b; j++) {
			if (!isKeyChar(text.charAt(j))) {
				return;
			}
		}
		if (b - a == 1 && text.charAt(a) == '*') {
			return;
		}
		out.add(new Reference(ReferenceKind.CITE_KEY, a, b - a, text.subSequence(a, b).toString(), null, command));
	}

	/** A character a BibTeX key may have (BibTeX refuses white space, commas, braces, {@code %}, {@code #}, ...). */
	public static boolean isKeyChar(char c) {
		return c > ' ' && c != ',' && c != '{' && c != '}' && c != '%' && c != '#' && c != '~' && c != '\\'
				&& c != '"' && c != '\'' && c != '(' && c != ')' && c != '=';
	}

	// ---- Pandoc citations

	/**
	 * A Pandoc citation at {@code i} (the bracket): {@code [@key]}, {@code [-@key]}, {@code [see @a, p. 3; @b]},
	 * {@code [@{key}]}. An {@code @} counts only at the start of the bracket or after white space, {@code ;} or
	 * {@code -} (so {@code [mail a@b.org]} is none); a bracket followed by {@code (} or {@code [} is a link.
	 *
	 * @return the index after the bracket if it held a citation, else -1
	 */
	private int pandoc(int i) {
		int limit = Math.min(n, i + MAX_GROUP);
		int close = -1;
		boolean at = false;
		for (int j = i + 1; j < limit; j++) {
			char c = text.charAt(j);
			if (c == ']') {
				close = j;
				break;
			}
			if (c == '[' || c == '\n' && j + 1 < n && text.charAt(j + 1) == '\n') {
				return -1;
			}
			if (c == '@') {
				at = true;
			}
		}
		if (close < 0 || !at || close + 1 < n && (text.charAt(close + 1) == '(' || text.charAt(close + 1) == '[')) {
			return -1;
		}
		int before = out.size();
		for (int j = i + 1; j < close; j++) {
			if (text.charAt(j) == '@' && pandocAtStart(i, j)) {
				j = pandocKey(j + 1, close) - 1;
			}
		}
		return out.size() > before ? close + 1 : -1;
	}

	private boolean pandocAtStart(int open, int at) {
		int p = at - 1;
		if (p > open && text.charAt(p) == '-') {
			p--;
		}
		if (p == open) {
			return true;
		}
		char c = text.charAt(p);
		return c == ';' || Character.isWhitespace(c);
	}

	/** The key starting at {@code from} (after the {@code @}); returns the index after it. */
	private int pandocKey(int from, int close) {
		if (from < close && text.charAt(from) == '{') {
			int end = from + 1;
			while (end < close && text.charAt(end) != '}') {
				end++;
			}
			if (end < close && end > from + 1) {
				String key = text.subSequence(from + 1, end).toString().strip();
				if (!key.isEmpty()) {
					out.add(new Reference(ReferenceKind.CITE_KEY, from + 1, end - from - 1, key, null,
							Reference.PANDOC));
				}
			}
			return end + 1;
		}
		int end = from;
		if (end < close && isPandocKeyStart(text.charAt(end))) {
			end++;
			while (end < close && (isPandocKeyStart(text.charAt(end)) || isPandocPunct(text.charAt(end)))) {
				end++;
			}
			// internal punctuation only: "@doe99." ends before the full stop
			while (end > from && isPandocPunct(text.charAt(end - 1))) {
				end--;
			}
		}
		if (end > from) {
			out.add(new Reference(ReferenceKind.CITE_KEY, from, end - from, text.subSequence(from, end).toString(),
					null, Reference.PANDOC));
		}
		return Math.max(end, from);
	}

	public static boolean isPandocKeyStart(char c) {
		return Character.isLetterOrDigit(c) || c == '_';
	}

	public static boolean isPandocPunct(char c) {
		return ":.#$%&-+?<>~/".indexOf(c) >= 0; //$NON-NLS-1$
	}

	// ---- arXiv

	/**
	 * {@code arXiv:ID} (also {@code arXiv: ID}), {@code arxiv.org/abs/ID}, {@code arxiv.org/pdf/ID(.pdf)} with their
	 * {@code https://}, {@code www.} or {@code export.}, and the CoRR form {@code abs/ID} of DBLP reference lists.
	 */
	private int arxivPrefix(int i) {
		if (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
			return -1;
		}
		if (startsWithIgnoreCase(i, "abs/")) { //$NON-NLS-1$
			if (i > 0 && (text.charAt(i - 1) == '/' || text.charAt(i - 1) == '.')) {
				return -1;
			}
			return arxivId(i, i + 4, false);
		}
		if (!startsWithIgnoreCase(i, "arxiv")) { //$NON-NLS-1$
			return -1;
		}
		int j = i + 5;
		if (j < n && text.charAt(j) == ':') {
			j++;
			if (j < n && text.charAt(j) == ' ') {
				j++;
			}
			return arxivId(i, j, false);
		}
		if (startsWithIgnoreCase(j, ".org/abs/") || startsWithIgnoreCase(j, ".org/pdf/")) { //$NON-NLS-1$ //$NON-NLS-2$
			boolean pdf = Character.toLowerCase(text.charAt(j + 5)) == 'p';
			return arxivId(urlStart(i), j + 9, pdf);
		}
		return -1;
	}

	/** Where a URL whose host starts at {@code host} begins ({@code https://}, {@code www.}, {@code export.}). */
	private int urlStart(int host) {
		int s = host;
		for (String sub : new String[]{"www.", "export.", "dx."}) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			if (endsWithIgnoreCase(s, sub)) {
				s -= sub.length();
				break;
			}
		}
		for (String scheme : new String[]{"https://", "http://"}) { //$NON-NLS-1$ //$NON-NLS-2$
			if (endsWithIgnoreCase(s, scheme)) {
				return s - scheme.length();
			}
		}
		return s;
	}

	/** An arXiv id at {@code from}; the reference spans {@code [start, end of id)}. */
	private int arxivId(int start, int from, boolean pdf) {
		int end = newStyle(from);
		if (end < 0) {
			end = oldStyle(from);
		}
		if (end < 0) {
			return -1;
		}
		int idEnd = end;
		int version = -1;
		if (end < n && (text.charAt(end) == 'v' || text.charAt(end) == 'V')) {
			int d = digits(end + 1);
			if (d > end + 1) {
				version = end;
				end = d;
			}
		}
		if (end < n && Character.isLetterOrDigit(text.charAt(end))) {
			return -1;
		}
		int spanEnd = end;
		if (pdf && startsWithIgnoreCase(end, ".pdf")) { //$NON-NLS-1$
			spanEnd = end + 4;
		}
		String id = text.subSequence(from, idEnd).toString();
		String v = version < 0 ? null : "v" + text.subSequence(version + 1, end); //$NON-NLS-1$
		out.add(new Reference(ReferenceKind.ARXIV, start, spanEnd - start, id, v, null));
		return spanEnd;
	}

	/** {@code YYMM.NNNN} or {@code YYMM.NNNNN} at {@code from}: the index after it, or -1. */
	private int newStyle(int from) {
		if (digits(from) != from + 4 || from + 4 >= n || text.charAt(from + 4) != '.') {
			return -1;
		}
		int month = (text.charAt(from + 2) - '0') * 10 + text.charAt(from + 3) - '0';
		int end = digits(from + 5);
		return month >= 1 && month <= 12 && (end == from + 9 || end == from + 10) ? end : -1;
	}

	/** {@code archive(.XX)/NNNNNNN} at {@code from}: the index after it, or -1. */
	private int oldStyle(int from) {
		int j = from;
		while (j < n && (isLowerAscii(text.charAt(j)) || text.charAt(j) == '-')) {
			j++;
		}
		if (j == from || !ARCHIVES.contains(text.subSequence(from, j).toString())) {
			return -1;
		}
		if (j + 2 < n && text.charAt(j) == '.' && isUpperAscii(text.charAt(j + 1))
				&& isUpperAscii(text.charAt(j + 2))) {
			j += 3;
		}
		if (j >= n || text.charAt(j) != '/' || digits(j + 1) != j + 8) {
			return -1;
		}
		return j + 8;
	}

	/** A bare old-style id ({@code hep-th/9901001}, {@code math.AG/0309136}) whose slash is at {@code slash}. */
	private int bareOldStyle(int slash) {
		if (digits(slash + 1) != slash + 8) {
			return -1;
		}
		int s = slash;
		if (s >= 3 && text.charAt(s - 3) == '.' && isUpperAscii(text.charAt(s - 1))
				&& isUpperAscii(text.charAt(s - 2))) {
			s -= 3;
		}
		int a = s;
		while (a > 0 && (isLowerAscii(text.charAt(a - 1)) || text.charAt(a - 1) == '-')) {
			a--;
		}
		if (a == s || a > 0 && !isBoundaryBefore(text.charAt(a - 1))) {
			return -1;
		}
		return arxivId(a, a, false);
	}

	private static boolean isBoundaryBefore(char c) {
		return !Character.isLetterOrDigit(c) && c != '/' && c != '.' && c != '-' && c != '_' && c != ':';
	}

	// ---- DOI

	/**
	 * A DOI starting at {@code i} ({@code 10.NNNN/suffix}) with its {@code doi:} or {@code https://doi.org/} before it
	 * in the region. The suffix takes the characters Crossref recommends ({@code A-Z a-z 0-9 - . _ ; ( ) / :}); a
	 * trailing {@code . , ; :} and an unbalanced closing parenthesis are punctuation of the sentence around it.
	 */
	private int doi(int i) {
		if (i + 3 >= n || text.charAt(i + 1) != '0' || text.charAt(i + 2) != '.') {
			return -1;
		}
		if (i > 0) {
			char b = text.charAt(i - 1);
			if (Character.isLetterOrDigit(b) || b == '.' || b == '-' || b == '_') {
				return -1;
			}
		}
		int reg = digits(i + 3);
		if (reg - (i + 3) < 4 || reg - (i + 3) > 9) {
			return -1;
		}
		// registrant codes may have sub-parts: 10.1000.10/123
		while (reg + 1 < n && text.charAt(reg) == '.' && Character.isDigit(text.charAt(reg + 1))) {
			reg = digits(reg + 1);
		}
		if (reg >= n || text.charAt(reg) != '/') {
			return -1;
		}
		int end = reg + 1;
		while (end < n && isDoiChar(text.charAt(end))) {
			end++;
		}
		end = trimDoi(reg + 1, end);
		if (end <= reg + 1) {
			return -1;
		}
		int start = doiPrefixStart(i);
		String id = PaperIds.normalizeDoi(text.subSequence(i, end).toString());
		out.add(new Reference(ReferenceKind.DOI, start, end - start, id, null, null));
		return end;
	}

	private static boolean isDoiChar(char c) {
		return c < 128 && (Character.isLetterOrDigit(c) || "-._;()/:".indexOf(c) >= 0); //$NON-NLS-1$
	}

	private int trimDoi(int from, int to) {
		int end = to;
		while (end > from) {
			char c = text.charAt(end - 1);
			if (c == '.' || c == ',' || c == ';' || c == ':') {
				end--;
			} else if (c == ')' && unbalanced(from, end)) {
				end--;
			} else {
				break;
			}
		}
		return end;
	}

	private boolean unbalanced(int from, int to) {
		int depth = 0;
		for (int j = from; j < to; j++) {
			char c = text.charAt(j);
			if (c == '(') {
				depth++;
			} else if (c == ')') {
				depth--;
			}
		}
		return depth < 0;
	}

	private int doiPrefixStart(int i) {
		if (endsWithIgnoreCase(i, "doi.org/")) { //$NON-NLS-1$
			return urlStart(i - 8);
		}
		if (endsWithIgnoreCase(i, "doi: ")) { //$NON-NLS-1$
			return i - 5;
		}
		if (endsWithIgnoreCase(i, "doi:")) { //$NON-NLS-1$
			return i - 4;
		}
		return i;
	}

	// ---- helpers

	private int letters(int from) {
		int j = from;
		while (j < n && isAsciiLetter(text.charAt(j))) {
			j++;
		}
		return j;
	}

	private int digits(int from) {
		int j = from;
		while (j < n && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
			j++;
		}
		return j;
	}

	private boolean startsWithIgnoreCase(int at, String s) {
		if (at < 0 || at + s.length() > n) {
			return false;
		}
		for (int k = 0; k < s.length(); k++) {
			if (Character.toLowerCase(text.charAt(at + k)) != s.charAt(k)) {
				return false;
			}
		}
		return true;
	}

	private boolean endsWithIgnoreCase(int end, String s) {
		return startsWithIgnoreCase(end - s.length(), s);
	}

	private static boolean isAsciiLetter(char c) {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
	}

	private static boolean isLowerAscii(char c) {
		return c >= 'a' && c <= 'z';
	}

	private static boolean isUpperAscii(char c) {
		return c >= 'A' && c <= 'Z';
	}
}
