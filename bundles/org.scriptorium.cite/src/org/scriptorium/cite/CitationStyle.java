package org.scriptorium.cite;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The CSL styles Scriptorium ships, each the Citation Style Language project's style file of that name (CC BY-SA 3.0,
 * see the license beside the files in {@code org/scriptorium/cite/internal/csl}).
 */
public enum CitationStyle {
	/** American Psychological Association, 7th edition. */
	APA("apa", "APA", "apa.csl"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	/** IEEE (numbered, in citation order). */
	IEEE("ieee", "IEEE", "ieee.csl"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	/** Association for Computing Machinery (numbered, alphabetical). */
	ACM("acm", "ACM", "association-for-computing-machinery.csl"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	/** Chicago Manual of Style, author-date. */
	CHICAGO("chicago", "Chicago (author-date)", "chicago-author-date.csl"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	/** Nature (numbered, superscript citations). */
	NATURE("nature", "Nature", "nature.csl"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	private final String id;
	private final String label;
	private final String fileName;

	CitationStyle(String id, String label, String fileName) {
		this.id = id;
		this.label = label;
		this.fileName = fileName;
	}

	/** The name on the command line and in preferences: {@code apa}, {@code ieee}, {@code acm}, ... */
	public String id() {
		return id;
	}

	/** The name shown to users: "APA", "Chicago (author-date)", ... */
	public String label() {
		return label;
	}

	/** The CSL file's name, e.g. {@code chicago-author-date.csl}. */
	public String fileName() {
		return fileName;
	}

	/** The style with this {@link #id()} (case-insensitive), if any. */
	public static Optional<CitationStyle> byId(String id) {
		String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT); //$NON-NLS-1$
		return Arrays.stream(values()).filter(s -> s.id.equals(wanted)).findFirst();
	}

	/** Every style's id, as a message lists them: {@code apa, ieee, acm, chicago, nature}. */
	public static String ids() {
		return Arrays.stream(values()).map(CitationStyle::id).collect(Collectors.joining(", ")); //$NON-NLS-1$
	}
}
