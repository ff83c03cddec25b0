package org.scriptorium.core.graph;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;
import org.scriptorium.core.model.PaperKey;

/**
 * Resolves the ways researchers write a citation to the papers of a corpus, ranked: a paper id, an arXiv id
 * ({@code 2101.03961}, {@code arXiv:2101.03961v2}, an abs/pdf URL), a DOI (bare, {@code doi:} or a doi.org URL), a
 * cite key ({@code dai2024deepseekmoe}), an author–year citation ({@code Zhou et al., 2023}, {@code (Touvron et al.
 * 2023)}, {@code Dai and Deng 2024}, {@code Dai 2024}) or a title fragment. Exact identifiers score 1; author–year
 * matches score by author position and year distance; title fragments by the share of their words found in the
 * title. Immutable after construction; safe for concurrent use.
 */
public final class CitationResolver {

	/**
	 * One match.
	 *
	 * @param paper the matching paper
	 * @param score in (0, 1], higher is a better match
	 * @param how   why it matched, e.g. "arXiv id" or "first author and year"
	 */
	public record Match(Paper paper, double score, String how) {
	}

	private static final Pattern ARXIV = Pattern
			.compile(
					"(?i)^(?:arxiv:\\s*|https?://arxiv\\.org/(?:abs|pdf)/)?(\\d{4}\\.\\d{4,5}|[a-z][a-z.\\-]*/\\d{7})(?:v\\d+)?(?:\\.pdf)?$"); //$NON-NLS-1$
	private static final Pattern DOI = Pattern
			.compile("(?i)^(?:doi:\\s*|https?://(?:dx\\.)?doi\\.org/)?(10\\.\\d{4,9}/\\S+)$"); //$NON-NLS-1$
	private static final String NAME = "\\p{L}[\\p{L}'’\\-]*(?:\\s+\\p{L}[\\p{L}'’\\-]*)*?"; //$NON-NLS-1$
	private static final Pattern AUTHOR_YEAR = Pattern.compile("^(" + NAME + ")" //$NON-NLS-1$ //$NON-NLS-2$
			+ "(?:\\s+et\\s+al\\.?|\\s+(?:and|&)\\s+(" + NAME + "))?" //$NON-NLS-1$ //$NON-NLS-2$
			+ "\\s*,?\\s*\\(?((?:19|20)\\d{2})[a-z]?\\)?$"); //$NON-NLS-1$
	private static final Pattern CITE_KEY = Pattern.compile("^(\\p{L}+)[_:\\-]?((?:19|20)\\d{2})[_:\\-]?(\\p{L}*)$"); //$NON-NLS-1$

	private final List<Paper> papers;
	private final Map<String, Paper> byId = new HashMap<>();
	private final Map<String, Paper> byArxiv = new HashMap<>();
	private final Map<String, Paper> byDoi = new HashMap<>();
	private final Map<String, Paper> byCiteKey = new HashMap<>();
	private final Map<String, List<Paper>> byAuthor = new HashMap<>();
	private final Map<String, List<Integer>> titleWords = new HashMap<>();
	private final List<Set<String>> titleWordSets = new ArrayList<>();
	private final List<String> normalizedTitles = new ArrayList<>();
	private final Map<Paper, Integer> position = new java.util.IdentityHashMap<>();

	public CitationResolver(ICorpus corpus) {
		this.papers = List.copyOf(corpus.papers());
		for (int i = 0; i < papers.size(); i++) {
			Paper p = papers.get(i);
			position.put(p, i);
			byId.putIfAbsent(p.id(), p);
			PaperIds ids = p.ids();
			putIfSet(byArxiv, ids.arxiv(), p);
			putIfSet(byDoi, ids.doi(), p);
			putIfSet(byCiteKey, ids.citeKey() == null ? null : ids.citeKey().toLowerCase(Locale.ROOT), p);
			for (Author a : p.authors()) {
				byAuthor.computeIfAbsent(fold(a.family()), k -> new ArrayList<>()).add(p);
			}
			String title = PaperKey.normalizeTitle(p.title());
			normalizedTitles.add(title);
			Set<String> words = new HashSet<>(List.of(title.split(" "))); //$NON-NLS-1$
			titleWordSets.add(words);
			final int index = i;
			words.forEach(w -> titleWords.computeIfAbsent(w, k -> new ArrayList<>()).add(index));
		}
	}

	private static void putIfSet(Map<String, Paper> m, String key, Paper p) {
		if (key != null) {
			m.putIfAbsent(key, p);
		}
	}

	/** The best match, if any. */
	public java.util.Optional<Paper> resolveOne(String citation) {
		List<Match> m = resolve(citation, 1);
		return m.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(m.get(0).paper());
	}

	/** The matching papers, best first, at most {@code limit}. */
	public List<Match> resolve(String citation, int limit) {
		if (citation == null || citation.isBlank() || limit <= 0) {
			return List.of();
		}
		String text = strip(citation);
		Map<Paper, Match> out = new LinkedHashMap<>();
		Paper exact = byId.get(text);
		if (exact != null) {
			add(out, new Match(exact, 1, "paper id")); //$NON-NLS-1$
		}
		Matcher m = ARXIV.matcher(text);
		if (m.matches()) {
			Paper p = byArxiv.get(PaperIds.normalizeArxiv(m.group(1)));
			if (p != null) {
				add(out, new Match(p, 1, "arXiv id")); //$NON-NLS-1$
			}
		}
		m = DOI.matcher(text);
		if (m.matches()) {
			Paper p = byDoi.get(PaperIds.normalizeDoi(m.group(1)));
			if (p != null) {
				add(out, new Match(p, 1, "DOI")); //$NON-NLS-1$
			}
		}
		Paper keyed = byCiteKey.get(text.toLowerCase(Locale.ROOT));
		if (keyed != null) {
			add(out, new Match(keyed, 1, "cite key")); //$NON-NLS-1$
		}
		m = AUTHOR_YEAR.matcher(text);
		if (m.matches()) {
			authorYear(out, m.group(1), m.group(2), Integer.parseInt(m.group(3)), null);
		}
		m = CITE_KEY.matcher(text);
		if (out.isEmpty() && m.matches()) {
			authorYear(out, m.group(1), null, Integer.parseInt(m.group(2)),
					m.group(3).isEmpty() ? null : fold(m.group(3)));
		}
		titleFragment(out, text);
		List<Match> ranked = new ArrayList<>(out.values());
		ranked.sort(Comparator.comparingDouble(Match::score).reversed()
				.thenComparing(x -> -x.paper().year().orElse(0)).thenComparing(x -> x.paper().id()));
		return List.copyOf(ranked.subList(0, Math.min(limit, ranked.size())));
	}

	private void authorYear(Map<Paper, Match> out, String first, String second, int year, String titleWord) {
		for (Paper p : byAuthor.getOrDefault(fold(first), List.of())) {
			int pos = position(p, first);
			double s = pos == 0 ? 0.9 : 0.4;
			String how = pos == 0 ? "first author" : "co-author"; //$NON-NLS-1$ //$NON-NLS-2$
			if (second != null) {
				if (p.authors().size() > 1 && position(p, second) == 1) {
					s += 0.05;
					how += " and second author"; //$NON-NLS-1$
				} else {
					s -= 0.2;
				}
			}
			int dy = p.year().map(y -> Math.abs(y - year)).orElse(99);
			if (dy == 0) {
				how += " and year"; //$NON-NLS-1$
			} else if (dy == 1) {
				s *= 0.7; // a preprint year against a venue year
				how += ", year off by one"; //$NON-NLS-1$
			} else {
				continue;
			}
			if (titleWord != null) {
				int index = position.get(p);
				if (titleWordSets.get(index).stream().anyMatch(w -> fold(w).startsWith(titleWord))) {
					s = Math.min(1, s + 0.05);
					how += " and title word"; //$NON-NLS-1$
				} else {
					s *= 0.8;
				}
			}
			add(out, new Match(p, Math.min(1, s), how));
		}
	}

	private static int position(Paper p, String family) {
		String f = fold(family);
		for (int i = 0; i < p.authors().size(); i++) {
			if (fold(p.authors().get(i).family()).equals(f)) {
				return i;
			}
		}
		return -1;
	}

	private void titleFragment(Map<Paper, Match> out, String text) {
		String norm = PaperKey.normalizeTitle(text);
		if (norm.isEmpty()) {
			return;
		}
		String[] words = norm.split(" "); //$NON-NLS-1$
		Map<Integer, Integer> hits = new HashMap<>();
		for (String w : new HashSet<>(List.of(words))) {
			for (int i : titleWords.getOrDefault(w, List.of())) {
				hits.merge(i, 1, Integer::sum);
			}
		}
		int distinct = new HashSet<>(List.of(words)).size();
		for (Map.Entry<Integer, Integer> e : hits.entrySet()) {
			double share = e.getValue() / (double) distinct;
			String title = normalizedTitles.get(e.getKey());
			boolean contiguous = (" " + title + " ").contains(" " + norm + " "); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			if (title.equals(norm)) {
				add(out, new Match(papers.get(e.getKey()), 1, "title")); //$NON-NLS-1$
			} else if (contiguous) {
				// a longer fragment of a shorter title is a better match
				double cover = norm.length() / (double) title.length();
				add(out, new Match(papers.get(e.getKey()), 0.6 + 0.35 * cover, "title fragment")); //$NON-NLS-1$
			} else if (share >= 0.75 && distinct >= 2) {
				add(out, new Match(papers.get(e.getKey()), 0.5 * share, "title words")); //$NON-NLS-1$
			}
		}
	}

	private static void add(Map<Paper, Match> out, Match m) {
		out.merge(m.paper(), m, (a, b) -> a.score() >= b.score() ? a : b);
	}

	private static String strip(String citation) {
		String t = citation.strip();
		while (t.length() > 1 && (t.startsWith("(") && t.endsWith(")") || t.startsWith("[") && t.endsWith("]") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				|| t.startsWith("\"") && t.endsWith("\""))) { //$NON-NLS-1$ //$NON-NLS-2$
			t = t.substring(1, t.length() - 1).strip();
		}
		return t.replaceAll("\\s+", " "); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** Lower case without accents, for comparing names. */
	static String fold(String s) {
		return Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT) //$NON-NLS-1$ //$NON-NLS-2$
				.replace('’', '\'');
	}
}
