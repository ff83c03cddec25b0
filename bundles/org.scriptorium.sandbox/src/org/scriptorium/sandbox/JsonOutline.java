package org.scriptorium.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * The structure of a JSON text as an editor's outline shows it: one node per member of an object (labelled with its
 * key, and for a single value with the value too: {@code name: e4-thor}) and per element of an array (an object with
 * a {@code name} is labelled with its name, as an experiment's variants are), each with the range of the text it
 * covers. A tolerant scan: for text that is incomplete or invalid, as it is while being typed, the nodes read before
 * the error are kept.
 */
public final class JsonOutline {

	/** The longest value shown in a label; longer ones end with an ellipsis. */
	static final int MAX_VALUE = 40;

	/**
	 * A node of the outline.
	 *
	 * @param label    what the outline shows
	 * @param offset   where its text starts (a member's key, an element's first character)
	 * @param length   the length of its text (through the end of its value)
	 * @param children the members or elements of its value, if it is an object or array
	 */
	public record Node(String label, int offset, int length, List<Node> children) {
	}

	private final String text;
	private int pos;

	private JsonOutline(String text) {
		this.text = text;
	}

	/** The members of the root object of {@code text} (empty if it does not start with an object). */
	public static List<Node> of(String text) {
		JsonOutline scan = new JsonOutline(text);
		List<Node> members = new ArrayList<>();
		try {
			scan.skipSpace();
			if (scan.peek() == '{') {
				scan.object(members);
			}
		} catch (IllegalStateException e) {
			// invalid or incomplete text: keep what was read
		}
		return List.copyOf(members);
	}

	/** Reads an object at {@code pos}, adding a node per member to {@code into}. */
	private void object(List<Node> into) {
		pos++; // {
		skipSpace();
		if (peek() == '}') {
			pos++;
			return;
		}
		while (true) {
			skipSpace();
			int start = pos;
			String key = string();
			skipSpace();
			expect(':');
			skipSpace();
			boolean array = peek() == '[';
			List<Node> children = new ArrayList<>();
			String value = value(children);
			String label = value != null
					? key + ": " + value //$NON-NLS-1$
					: array ? key + " (" + children.size() + ')' : key; //$NON-NLS-1$
			into.add(new Node(label, start, pos - start, List.copyOf(children)));
			skipSpace();
			char c = next();
			if (c == '}') {
				return;
			}
			if (c != ',') {
				throw new IllegalStateException();
			}
		}
	}

	/** Reads an array at {@code pos}, adding a node per element to {@code into}. */
	private void array(List<Node> into) {
		pos++; // [
		skipSpace();
		if (peek() == ']') {
			pos++;
			return;
		}
		int index = 0;
		while (true) {
			skipSpace();
			int start = pos;
			List<Node> children = new ArrayList<>();
			String value = value(children);
			String label = value != null ? value : nameOf(children, index);
			into.add(new Node(label, start, pos - start, List.copyOf(children)));
			index++;
			skipSpace();
			char c = next();
			if (c == ']') {
				return;
			}
			if (c != ',') {
				throw new IllegalStateException();
			}
		}
	}

	/** An element's label: the value of its {@code name} member, else its index. */
	private static String nameOf(List<Node> members, int index) {
		for (Node m : members) {
			if (m.label().startsWith("name: ")) { //$NON-NLS-1$
				return m.label().substring(6);
			}
		}
		return "[" + index + ']'; //$NON-NLS-1$
	}

	/**
	 * Reads a value at {@code pos}: for an object or array adds its nodes to {@code children} and returns null, else
	 * returns the value as shown (a string without quotes).
	 */
	private String value(List<Node> children) {
		char c = peek();
		if (c == '{') {
			object(children);
			return null;
		}
		if (c == '[') {
			array(children);
			return null;
		}
		if (c == '"') {
			return shorten(string());
		}
		int start = pos;
		while (pos < text.length() && ",}] \t\r\n".indexOf(text.charAt(pos)) < 0) {
			pos++;
		}
		if (pos == start) {
			throw new IllegalStateException();
		}
		return shorten(text.substring(start, pos));
	}

	private static String shorten(String value) {
		return value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE - 1) + '\u2026';
	}

	/** Reads a string at {@code pos} and returns its content (escapes kept as written, but \" as "). */
	private String string() {
		expect('"');
		StringBuilder s = new StringBuilder();
		while (true) {
			char c = next();
			if (c == '"') {
				return s.toString();
			}
			if (c == '\\') {
				char escaped = next();
				s.append(escaped == '"' || escaped == '\\' || escaped == '/' ? String.valueOf(escaped) : "\\" + escaped); //$NON-NLS-1$
			} else {
				s.append(c);
			}
		}
	}

	private void expect(char c) {
		if (next() != c) {
			throw new IllegalStateException();
		}
	}

	private char peek() {
		if (pos >= text.length()) {
			throw new IllegalStateException();
		}
		return text.charAt(pos);
	}

	private char next() {
		char c = peek();
		pos++;
		return c;
	}

	private void skipSpace() {
		while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
			pos++;
		}
	}
}
