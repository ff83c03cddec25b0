package org.scriptorium.core.internal.io;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.scriptorium.core.model.Paper;

/**
 * Cite keys for export. A paper that has a cite key keeps it; the others get {@code family + year + first word of the
 * title} ({@code fedus2022switch}), in ASCII. Keys are made unique within one export by appending {@code a},
 * {@code b}, ... in list order, so the same list always gets the same keys.
 */
public final class CiteKeys {

	private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "on", "of", "for", "in", "to", "and", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$ //$NON-NLS-9$
			"with", "from", "by", "at", "is", "are", "towards", "toward", "via", "do", "does", "how", "what", "why", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$ //$NON-NLS-9$ //$NON-NLS-10$ //$NON-NLS-11$ //$NON-NLS-12$ //$NON-NLS-13$ //$NON-NLS-14$
			"when", "can", "not"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	private CiteKeys() {
	}

	/** The cite key of one paper: its own (made safe for BibTeX) or a generated one. */
	public static String of(Paper p) {
		String own = p.ids().citeKey() == null ? null : sanitize(p.ids().citeKey());
		return own != null && !own.isEmpty() ? own : generate(p);
	}

	/** Unique cite keys for these papers, in the same order. */
	public static List<String> assign(List<Paper> papers) {
		List<String> keys = new ArrayList<>(papers.size());
		Set<String> used = new HashSet<>();
		// papers with a key of their own claim it first, so a generated key never takes it from them
		for (Paper p : papers) {
			String own = p.ids().citeKey() == null ? null : sanitize(p.ids().citeKey());
			if (own != null && !own.isEmpty()) {
				used.add(own.toLowerCase(Locale.ROOT));
			}
		}
		Set<String> ownTaken = new HashSet<>();
		for (Paper p : papers) {
			String own = p.ids().citeKey() == null ? null : sanitize(p.ids().citeKey());
			String key;
			if (own != null && !own.isEmpty() && ownTaken.add(own.toLowerCase(Locale.ROOT))) {
				key = own;
			} else {
				key = unique(own != null && !own.isEmpty() ? own : generate(p), used);
			}
			keys.add(key);
		}
		return keys;
	}

	private static String unique(String base, Set<String> used) {
		if (used.add(base.toLowerCase(Locale.ROOT))) {
			return base;
		}
		for (int n = 0;; n++) {
			String candidate = base + suffix(n);
			if (used.add(candidate.toLowerCase(Locale.ROOT))) {
				return candidate;
			}
		}
	}

	/** a, b, ..., z, aa, ab, ... */
	private static String suffix(int n) {
		StringBuilder b = new StringBuilder();
		int i = n;
		do {
			b.insert(0, (char) ('a' + i % 26));
			i = i / 26 - 1;
		} while (i >= 0);
		return b.toString();
	}

	static String generate(Paper p) {
		String family = ascii(p.firstAuthorFamily());
		StringBuilder key = new StringBuilder(family.isEmpty() ? "anon" : family); //$NON-NLS-1$
		p.year().ifPresent(key::append);
		String title = Normalizer.normalize(p.title(), Normalizer.Form.NFKD).replaceAll("\\p{M}", "") //$NON-NLS-1$ //$NON-NLS-2$
				.toLowerCase(Locale.ROOT);
		for (String w : title.split("[^a-z0-9]+")) { //$NON-NLS-1$
			if (!w.isEmpty() && !STOP_WORDS.contains(w)) {
				key.append(w);
				break;
			}
		}
		return key.toString();
	}

	/** Lower-case ASCII letters and digits of a name: "Müller-Lüdenscheidt" gives "mullerludenscheidt". */
	private static String ascii(String s) {
		return Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT) //$NON-NLS-1$ //$NON-NLS-2$
				.replace("\u00f8", "o").replace("\u00df", "ss").replace("\u0142", "l").replace("\u00e6", "ae") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$
				.replaceAll("[^a-z0-9]", ""); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** A key BibTeX accepts: no white space, commas, braces, quotes, {@code #}, {@code %}, {@code ~} or {@code =}. */
	static String sanitize(String key) {
		return key.strip().replaceAll("[\\s,{}()\"#%~=\\\\']", ""); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
