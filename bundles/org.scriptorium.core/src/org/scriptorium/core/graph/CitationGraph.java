package org.scriptorium.core.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.RandomAccess;
import java.util.stream.IntStream;

import org.scriptorium.core.model.Citation;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.model.Paper;

/**
 * An immutable, compact citation graph in compressed sparse row (CSR) form. Papers are numbered {@code 0..size()-1}
 * in corpus order; both directions (references and cited-by) are stored as offset/target {@code int} arrays with
 * sorted, duplicate-free rows, so one million papers with twenty million edges take about 180 MB.
 * <p>
 * Only edges whose two ends are papers of the corpus are kept; self-citations are dropped. When the same pair is
 * listed by a reference list and a survey list, the edge carries both {@linkplain #edgeKinds(int, int) kinds}.
 * Instances are safe for concurrent reading.
 */
public final class CitationGraph {

	/** Edge kind bit: the citing paper's own reference list. */
	public static final int REFERENCE_LIST = 1;
	/** Edge kind bit: a survey's companion paper list. */
	public static final int SURVEY_LIST = 2;

	private static final int[] NO_INTS = new int[0];

	private final String[] ids;
	private final Map<String, Integer> index;
	private final int[] refOffsets;
	private final int[] refTargets;
	private final byte[] refKinds;
	private final int[] citedByOffsets;
	private final int[] citedBySources;
	private final int droppedEdges;

	private CitationGraph(String[] ids, Map<String, Integer> index, int[] refOffsets, int[] refTargets,
			byte[] refKinds, int[] citedByOffsets, int[] citedBySources, int droppedEdges) {
		this.ids = ids;
		this.index = index;
		this.refOffsets = refOffsets;
		this.refTargets = refTargets;
		this.refKinds = refKinds;
		this.citedByOffsets = citedByOffsets;
		this.citedBySources = citedBySources;
		this.droppedEdges = droppedEdges;
	}

	/**
	 * The graph of a corpus: its papers and {@link ICorpus#citations()}. A large citation list is resolved to node
	 * numbers on all cores; the graph is the same as when its edges are added one by one.
	 */
	public static CitationGraph of(ICorpus corpus) {
		return of(corpus, PARALLEL_CHUNK);
	}

	/** Citations per parallel task of {@link #of(ICorpus)}; smaller lists are resolved on the calling thread. */
	static final int PARALLEL_CHUNK = 1 << 16;

	/** {@link #of(ICorpus)} with the given number of citations per parallel task (for tests). */
	static CitationGraph of(ICorpus corpus, int chunk) {
		List<Paper> papers = corpus.papers();
		Builder b = new Builder(papers.size());
		for (Paper p : papers) {
			b.addNode(p.id());
		}
		b.addCitations(corpus.citations(), chunk);
		return b.build();
	}

	private static int kindBits(Citation c) {
		return c.kind() == Citation.Kind.SURVEY_LIST ? SURVEY_LIST : REFERENCE_LIST;
	}

	/** An empty graph over the given ids (no edges). */
	public static CitationGraph empty(List<String> ids) {
		Builder b = new Builder(ids.size());
		ids.forEach(b::addNode);
		return b.build();
	}

	/** A builder for graphs that do not come from an {@link ICorpus} (benchmarks, synthetic data). */
	public static Builder builder(int expectedNodes) {
		return new Builder(expectedNodes);
	}

	/** The number of papers (nodes). */
	public int size() {
		return ids.length;
	}

	/** The number of distinct directed edges. */
	public int edgeCount() {
		return refTargets.length;
	}

	/** How many input edges were dropped (an end not in the corpus, self-citations); duplicates are merged. */
	public int droppedEdges() {
		return droppedEdges;
	}

	/** The node number of a paper id. */
	public OptionalInt indexOf(String paperId) {
		Integer i = index.get(paperId);
		return i == null ? OptionalInt.empty() : OptionalInt.of(i);
	}

	/** The paper id of a node number. */
	public String idOf(int node) {
		return ids[node];
	}

	/** The papers that {@code node} cites (its in-corpus references), ascending node numbers; a fresh array. */
	public int[] references(int node) {
		return Arrays.copyOfRange(refTargets, refOffsets[node], refOffsets[node + 1]);
	}

	/** The papers citing {@code node}, ascending node numbers; a fresh array. */
	public int[] citedBy(int node) {
		return Arrays.copyOfRange(citedBySources, citedByOffsets[node], citedByOffsets[node + 1]);
	}

	/** The ids of the papers that {@code paperId} cites; empty for an unknown id. */
	public List<String> references(String paperId) {
		OptionalInt i = indexOf(paperId);
		return i.isPresent() ? toIds(references(i.getAsInt())) : List.of();
	}

	/** The ids of the papers citing {@code paperId}; empty for an unknown id. */
	public List<String> citedBy(String paperId) {
		OptionalInt i = indexOf(paperId);
		return i.isPresent() ? toIds(citedBy(i.getAsInt())) : List.of();
	}

	/** Out-degree: how many corpus papers {@code node} cites. */
	public int referenceCount(int node) {
		return refOffsets[node + 1] - refOffsets[node];
	}

	/** In-corpus in-degree: how many corpus papers cite {@code node}. */
	public int citedByCount(int node) {
		return citedByOffsets[node + 1] - citedByOffsets[node];
	}

	/** The kind bits ({@link #REFERENCE_LIST}, {@link #SURVEY_LIST}) of the edge citing→cited, 0 if absent. */
	public int edgeKinds(int citing, int cited) {
		int from = refOffsets[citing];
		int to = refOffsets[citing + 1];
		int pos = Arrays.binarySearch(refTargets, from, to, cited);
		return pos >= 0 ? refKinds[pos] : 0;
	}

	/** Whether {@code citing} lists {@code cited}. */
	public boolean hasEdge(int citing, int cited) {
		return edgeKinds(citing, cited) != 0;
	}

	/** Translates node numbers to ids. */
	public List<String> toIds(int[] nodes) {
		List<String> out = new ArrayList<>(nodes.length);
		for (int n : nodes) {
			out.add(ids[n]);
		}
		return out;
	}

	// package-private raw access for the algorithms of this package (no copies)
	int refStart(int node) {
		return refOffsets[node];
	}

	int refEnd(int node) {
		return refOffsets[node + 1];
	}

	int refTarget(int pos) {
		return refTargets[pos];
	}

	int citedByStart(int node) {
		return citedByOffsets[node];
	}

	int citedByEnd(int node) {
		return citedByOffsets[node + 1];
	}

	int citedBySource(int pos) {
		return citedBySources[pos];
	}

	/** Approximate heap footprint of the arrays in bytes (ids and their map excluded). */
	public long arrayBytes() {
		return 4L * (refOffsets.length + refTargets.length + citedByOffsets.length + citedBySources.length)
				+ refKinds.length;
	}

	/** Collects nodes and edges, then builds the CSR arrays in {@code O(nodes + edges)} plus per-row sorting. */
	public static final class Builder {
		private final List<String> idList;
		private final Map<String, Integer> index;
		private int[] src = NO_INTS;
		private int[] dst = NO_INTS;
		private byte[] kind = new byte[0];
		private int edges;
		private int dropped;

		private Builder(int expectedNodes) {
			idList = new ArrayList<>(Math.max(16, expectedNodes));
			index = new HashMap<>(Math.max(16, expectedNodes * 4 / 3 + 1));
		}

		/** Adds a node and returns its number; a known id keeps its number. */
		public int addNode(String id) {
			Objects.requireNonNull(id, "id"); //$NON-NLS-1$
			Integer known = index.putIfAbsent(id, idList.size());
			if (known != null) {
				return known;
			}
			idList.add(id);
			return idList.size() - 1;
		}

		/** Adds an edge by ids; it is dropped (and counted) when an end is unknown or it is a self-citation. */
		public Builder addEdge(String citing, String cited, int kindBits) {
			Integer s = index.get(citing);
			Integer t = index.get(cited);
			if (s == null || t == null) {
				dropped++;
				return this;
			}
			return addEdge(s, t, kindBits);
		}

		/**
		 * Adds citations by ids, in list order, exactly as {@link #addEdge(String, String, int)} one by one would.
		 * A random-access list longer than {@code chunk} is resolved in fixed chunks on all cores; the edges are
		 * then kept in list order, so the result does not depend on the number of threads.
		 */
		void addCitations(List<Citation> citations, int chunk) {
			int m = citations.size();
			if (m <= chunk || !(citations instanceof RandomAccess)) {
				for (Citation c : citations) {
					addEdge(c.citing(), c.cited(), kindBits(c));
				}
				return;
			}
			int base = edges;
			ensureCapacity(base + m);
			int[] s = src, t = dst;
			byte[] k = kind;
			int chunks = (m + chunk - 1) / chunk;
			// resolve citation e into slot base + e; an unknown end becomes -1
			IntStream.range(0, chunks).parallel().forEach(c -> {
				String lastCiting = null;
				int lastNode = -1;
				for (int e = c * chunk, end = Math.min(m, e + chunk); e < end; e++) {
					Citation ci = citations.get(e);
					String citing = ci.citing();
					if (!citing.equals(lastCiting)) { // reference lists are contiguous: one lookup per list
						lastCiting = citing;
						lastNode = nodeOf(citing);
					}
					s[base + e] = lastNode;
					t[base + e] = nodeOf(ci.cited());
					k[base + e] = (byte) kindBits(ci);
				}
			});
			// keep the resolved non-self edges in list order (in place: the write position never passes the read)
			int w = base;
			for (int r = base; r < base + m; r++) {
				if (s[r] < 0 || t[r] < 0 || s[r] == t[r]) {
					dropped++;
				} else {
					s[w] = s[r];
					t[w] = t[r];
					k[w] = k[r];
					w++;
				}
			}
			edges = w;
		}

		private int nodeOf(String id) {
			Integer n = index.get(id);
			return n == null ? -1 : n;
		}

		private void ensureCapacity(int capacity) {
			if (capacity > src.length) {
				src = Arrays.copyOf(src, capacity);
				dst = Arrays.copyOf(dst, capacity);
				kind = Arrays.copyOf(kind, capacity);
			}
		}

		/** Adds an edge by node numbers. */
		public Builder addEdge(int citing, int cited, int kindBits) {
			if (citing == cited) {
				dropped++;
				return this;
			}
			if (edges == src.length) {
				int cap = Math.max(16, src.length + (src.length >> 1));
				src = Arrays.copyOf(src, cap);
				dst = Arrays.copyOf(dst, cap);
				kind = Arrays.copyOf(kind, cap);
			}
			src[edges] = citing;
			dst[edges] = cited;
			kind[edges] = (byte) (kindBits & (REFERENCE_LIST | SURVEY_LIST));
			edges++;
			return this;
		}

		public CitationGraph build() {
			int n = idList.size();
			for (int e = 0; e < edges; e++) {
				if (src[e] < 0 || src[e] >= n || dst[e] < 0 || dst[e] >= n) {
					throw new IllegalArgumentException("edge " + e + " has a node outside 0.." + (n - 1)); //$NON-NLS-1$ //$NON-NLS-2$
				}
			}
			// counting sort by source
			int[] off = new int[n + 1];
			for (int e = 0; e < edges; e++) {
				off[src[e] + 1]++;
			}
			for (int i = 0; i < n; i++) {
				off[i + 1] += off[i];
			}
			long[] rows = new long[edges];
			int[] fill = Arrays.copyOf(off, n);
			for (int e = 0; e < edges; e++) {
				rows[fill[src[e]]++] = ((long) dst[e] << 2) | kind[e];
			}
			// sort each row, merge duplicates (OR their kinds), compact
			int[] refOff = new int[n + 1];
			int[] targets = new int[edges];
			byte[] kinds = new byte[edges];
			int w = 0;
			for (int i = 0; i < n; i++) {
				refOff[i] = w;
				Arrays.sort(rows, off[i], off[i + 1]);
				int last = -1;
				for (int p = off[i]; p < off[i + 1]; p++) {
					int t = (int) (rows[p] >>> 2);
					byte k = (byte) (rows[p] & 3);
					if (t == last) {
						kinds[w - 1] |= k;
					} else {
						targets[w] = t;
						kinds[w] = k;
						w++;
						last = t;
					}
				}
			}
			refOff[n] = w;
			if (w < edges) { // duplicates were merged
				targets = Arrays.copyOf(targets, w);
				kinds = Arrays.copyOf(kinds, w);
			}
			// reverse CSR: rows sorted because sources are visited in ascending order
			int[] inOff = new int[n + 1];
			for (int p = 0; p < w; p++) {
				inOff[targets[p] + 1]++;
			}
			for (int i = 0; i < n; i++) {
				inOff[i + 1] += inOff[i];
			}
			int[] sources = new int[w];
			int[] inFill = Arrays.copyOf(inOff, n);
			for (int i = 0; i < n; i++) {
				for (int p = refOff[i]; p < refOff[i + 1]; p++) {
					sources[inFill[targets[p]]++] = i;
				}
			}
			String[] idArray = idList.toArray(String[]::new);
			return new CitationGraph(idArray, index, refOff, targets, kinds, inOff, sources, dropped);
		}
	}
}
