package org.scriptorium.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an offset of a JSON text is, for an editor's completion and hover: the path of the object or array around
 * it, whether a key or a value goes there, the key whose value it is, and the word typed so far. A tolerant scan of
 * the text before the offset: the text may be incomplete or invalid, as it is while being typed.
 *
 * @param path        the keys from the root to the object or array the offset is in ({@link ExperimentSchema#ITEM}
 *                    for an array's element)
 * @param keyPosition true where a key goes (after <code>{</code> or a comma in an object), false where a value goes
 * @param key         the key whose value is at the offset (when {@code keyPosition} is false), or ""
 * @param prefix      the part of the key or value typed before the offset (without its opening quote)
 * @param prefixStart the offset where {@code prefix} starts
 * @param quoted      whether the prefix is inside a string (its opening quote is before {@code prefixStart})
 */
public record JsonContext(List<String> path, boolean keyPosition, String key, String prefix, int prefixStart,
		boolean quoted) {

	/** The context of {@code offset} in {@code text}. */
	public static JsonContext at(String text, int offset) {
		List<Frame> stack = new ArrayList<>();
		String lastString = null;
		boolean afterColon = false;
		int i = 0;
		int stringStart = -1;
		while (i < offset) {
			char c = text.charAt(i);
			if (c == '"') {
				int start = i + 1;
				int j = start;
				StringBuilder s = new StringBuilder();
				while (j < text.length() && text.charAt(j) != '"') {
					if (text.charAt(j) == '\\' && j + 1 < text.length()) {
						j++;
					}
					s.append(text.charAt(j));
					j++;
				}
				if (j >= offset) { // the offset is inside this string
					stringStart = start;
					break;
				}
				lastString = s.toString();
				i = j + 1;
				continue;
			}
			switch (c) {
				case '{', '[' -> {
					Frame top = stack.isEmpty() ? null : stack.get(stack.size() - 1);
					String segment = top == null ? null : top.object ? top.key : ExperimentSchema.ITEM;
					stack.add(new Frame(c == '{', segment));
					afterColon = false;
					lastString = null;
				}
				case '}', ']' -> {
					if (!stack.isEmpty()) {
						stack.remove(stack.size() - 1);
					}
					afterColon = false;
				}
				case ':' -> {
					if (!stack.isEmpty() && stack.get(stack.size() - 1).object) {
						stack.get(stack.size() - 1).key = lastString == null ? "" : lastString;
					}
					afterColon = true;
				}
				case ',' -> {
					afterColon = false;
					if (!stack.isEmpty() && stack.get(stack.size() - 1).object) {
						stack.get(stack.size() - 1).key = "";
					}
				}
				default -> {
					// whitespace and the characters of numbers and literals
				}
			}
			i++;
		}
		List<String> path = new ArrayList<>();
		for (int f = 1; f < stack.size(); f++) {
			path.add(stack.get(f).segment);
		}
		Frame top = stack.isEmpty() ? null : stack.get(stack.size() - 1);
		boolean inObject = top != null && top.object;
		boolean keyPosition = inObject && !afterColon;
		String key = inObject && afterColon ? top.key : "";
		if (!inObject && top != null) {
			// an array's element: its values are those of the array's items
			key = ""; //$NON-NLS-1$
		}
		int prefixStart;
		boolean quoted = stringStart >= 0;
		if (quoted) {
			prefixStart = stringStart;
		} else {
			prefixStart = offset;
			while (prefixStart > 0 && isWordChar(text.charAt(prefixStart - 1))) {
				prefixStart--;
			}
		}
		return new JsonContext(List.copyOf(path), keyPosition, key, text.substring(prefixStart, offset), prefixStart,
				quoted);
	}

	private static boolean isWordChar(char c) {
		return Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '$';
	}

	/** The path of the value at the offset: {@link #path()} and the key (or the array item). */
	public List<String> valuePath() {
		List<String> out = new ArrayList<>(path);
		out.add(key.isEmpty() ? ExperimentSchema.ITEM : key);
		return out;
	}

	private static final class Frame {
		final boolean object;
		final String segment;
		String key = "";

		Frame(boolean object, String segment) {
			this.object = object;
			this.segment = segment;
		}
	}
}
