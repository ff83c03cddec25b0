package org.scriptorium.bench.internal;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.Citation;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;

/**
 * A deterministic synthetic corpus for benchmarks and crash tests: {@code n} papers with a Zipf-distributed
 * vocabulary (titles of ~8 words, abstracts of ~150), 1–6 authors from a pool, years 2000–2025, 60 venues, and
 * {@code refsPerPaper} references on average to earlier papers chosen by preferential attachment (so cited-by counts
 * follow a power law). Papers and edges are generated on access from {@code (seed, index)}: the corpus itself takes
 * only the reference arrays in memory. The same arguments always give the same corpus.
 */
public final class SyntheticPapers implements ICorpus {

	private static final String[] SYLLABLES = {"ka", "to", "ri", "mo", "ne", "sa", "lu", "pe", "di", "ga", "vo", "xi", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$ //$NON-NLS-9$ //$NON-NLS-10$ //$NON-NLS-11$ //$NON-NLS-12$
			"ber", "tan", "qui", "zo", "fla", "nor", "mix", "rou", "ter", "ex", "pert", "gat"}; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$ //$NON-NLS-9$ //$NON-NLS-10$ //$NON-NLS-11$ //$NON-NLS-12$
	private static final int VOCABULARY = 20_000;

	private final int size;
	private final long seed;
	private final String[] words;
	private final double[] zipfCdf;
	private final int[] refOffsets;
	private final int[] refTargets;
	private final List<Paper> papers;
	private final List<Citation> citations;

	public SyntheticPapers(int size, int refsPerPaper, long seed) {
		this.size = size;
		this.seed = seed;
		SplittableRandom r = new SplittableRandom(seed);
		words = new String[VOCABULARY];
		java.util.Set<String> seen = new java.util.HashSet<>();
		for (int i = 0; i < VOCABULARY; i++) {
			String w;
			do {
				StringBuilder sb = new StringBuilder();
				int syl = 1 + r.nextInt(4);
				for (int s = 0; s < syl; s++) {
					sb.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
				}
				w = sb.toString();
			} while (!seen.add(w) && seen.size() < 200_000);
			words[i] = w;
		}
		zipfCdf = new double[VOCABULARY];
		double sum = 0;
		for (int i = 0; i < VOCABULARY; i++) {
			sum += 1.0 / Math.pow(i + 1, 1.05);
			zipfCdf[i] = sum;
		}
		for (int i = 0; i < VOCABULARY; i++) {
			zipfCdf[i] /= sum;
		}
		// references: preferential attachment over earlier papers
		refOffsets = new int[size + 1];
		int[] targets = new int[Math.max(16, size * refsPerPaper)];
		int[] pool = new int[Math.max(16, size * (refsPerPaper + 1))];
		int poolSize = 0;
		int w = 0;
		for (int i = 0; i < size; i++) {
			refOffsets[i] = w;
			if (i > 0) {
				int k = Math.min(i, refsPerPaper / 2 + r.nextInt(refsPerPaper + 1));
				int start = w;
				for (int j = 0; j < k; j++) {
					int t = r.nextInt(3) == 0 || poolSize == 0 ? r.nextInt(i) : pool[r.nextInt(poolSize)];
					if (w == targets.length) {
						targets = Arrays.copyOf(targets, targets.length * 2);
					}
					targets[w++] = t;
				}
				Arrays.sort(targets, start, w);
				int u = start;
				for (int p = start; p < w; p++) {
					if (p == start || targets[p] != targets[p - 1]) {
						targets[u++] = targets[p];
					}
				}
				w = u;
				for (int p = start; p < w; p++) {
					if (poolSize == pool.length) {
						pool = Arrays.copyOf(pool, pool.length * 2);
					}
					pool[poolSize++] = targets[p];
				}
			}
			if (poolSize == pool.length) {
				pool = Arrays.copyOf(pool, pool.length * 2);
			}
			pool[poolSize++] = i;
		}
		refOffsets[size] = w;
		refTargets = Arrays.copyOf(targets, w);
		papers = new AbstractList<>() {
			@Override
			public Paper get(int index) {
				return paper(index);
			}

			@Override
			public int size() {
				return size;
			}
		};
		citations = new AbstractList<>() {
			@Override
			public Citation get(int index) {
				int citing = citingOf(index);
				return new Citation(id(citing), id(refTargets[index]), Citation.Kind.REFERENCE_LIST);
			}

			@Override
			public int size() {
				return refTargets.length;
			}
		};
	}

	private int citingOf(int edge) {
		int pos = Arrays.binarySearch(refOffsets, edge);
		if (pos >= 0) {
			while (pos < size && refOffsets[pos + 1] == edge) {
				pos++; // skip papers without references
			}
			return pos;
		}
		return -pos - 2;
	}

	/** The id of the i-th paper. */
	public static String id(int i) {
		return "syn:" + i; //$NON-NLS-1$
	}

	/** A word drawn from the Zipf distribution. */
	public String word(SplittableRandom r) {
		int i = Arrays.binarySearch(zipfCdf, r.nextDouble());
		return words[i >= 0 ? i : Math.min(VOCABULARY - 1, -i - 1)];
	}

	/** {@code k} words, space-separated. */
	public String words(SplittableRandom r, int k) {
		StringBuilder sb = new StringBuilder(k * 8);
		for (int i = 0; i < k; i++) {
			if (i > 0) {
				sb.append(' ');
			}
			sb.append(word(r));
		}
		return sb.toString();
	}

	private Paper paper(int i) {
		SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
		String title = words(r, 5 + r.nextInt(7));
		String abs = words(r, 100 + r.nextInt(100));
		int na = 1 + r.nextInt(6);
		List<Author> authors = new ArrayList<>(na);
		int pool = Math.max(10, size / 5);
		for (int a = 0; a < na; a++) {
			int who = r.nextInt(pool);
			authors.add(new Author(words[who % 997].substring(0, 1).toUpperCase() + ".", //$NON-NLS-1$
					capital(words[(who * 31 + 7) % VOCABULARY]) + (who / VOCABULARY == 0 ? "" : who / VOCABULARY))); //$NON-NLS-1$
		}
		return Paper.builder(id(i), title).abstractText(abs).authors(authors).year(2000 + i * 26 / Math.max(1, size))
				.venue("Venue " + (r.nextInt(60) + 1)) //$NON-NLS-1$
				.ids(new PaperIds(null, "10.5555/syn." + i, null, null, null, null)).build(); //$NON-NLS-1$
	}

	private static String capital(String s) {
		return Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}

	/** The references of paper i (node numbers). */
	public int[] references(int i) {
		return Arrays.copyOfRange(refTargets, refOffsets[i], refOffsets[i + 1]);
	}

	@Override
	public String name() {
		return "Synthetic corpus (" + size + " papers, seed " + seed + ")"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	@Override
	public List<Paper> papers() {
		return papers;
	}

	@Override
	public Optional<Paper> find(String id) {
		if (!id.startsWith("syn:")) { //$NON-NLS-1$
			return Optional.empty();
		}
		try {
			int i = Integer.parseInt(id.substring(4));
			return i >= 0 && i < size ? Optional.of(paper(i)) : Optional.empty();
		} catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	@Override
	public List<Citation> citations() {
		return citations;
	}

	@Override
	public boolean isReadOnly() {
		return true;
	}
}
