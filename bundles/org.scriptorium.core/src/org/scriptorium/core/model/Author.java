package org.scriptorium.core.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One author of a paper, split into given and family names as bibliographic formats expect.
 *
 * @param given  the given names, may be empty (e.g. for organisations or mononyms)
 * @param family the family name, never empty
 */
public record Author(String given, String family) {

	public Author {
		Objects.requireNonNull(family, "family"); //$NON-NLS-1$
		given = given == null ? "" : given.strip(); //$NON-NLS-1$
		family = family.strip();
	}

	private static final Pattern WHITESPACE = Pattern.compile("\\s+"); //$NON-NLS-1$

	/**
	 * Splits a display name such as {@code "Percy S. Liang"} or {@code "Liang, Percy S."} into given and family
	 * names. A trailing suffix such as {@code "Jr."} stays with the family name.
	 */
	public static Author parse(String name) {
		String n = WHITESPACE.matcher(name.strip()).replaceAll(" "); //$NON-NLS-1$
		int comma = n.indexOf(',');
		if (comma > 0) {
			return new Author(n.substring(comma + 1), n.substring(0, comma));
		}
		String[] parts = n.split(" "); //$NON-NLS-1$
		int last = parts.length - 1;
		if (last > 0 && parts[last].matches("(?i)(jr|sr|ii|iii|iv)\\.?")) { //$NON-NLS-1$
			last--;
		}
		if (last <= 0) {
			return new Author("", n); //$NON-NLS-1$
		}
		String given = String.join(" ", java.util.Arrays.copyOfRange(parts, 0, last)); //$NON-NLS-1$
		String family = String.join(" ", java.util.Arrays.copyOfRange(parts, last, parts.length)); //$NON-NLS-1$
		return new Author(given, family);
	}

	/** The name as a reader writes it: given names first. */
	public String displayName() {
		return given.isEmpty() ? family : given + " " + family; //$NON-NLS-1$
	}
}
