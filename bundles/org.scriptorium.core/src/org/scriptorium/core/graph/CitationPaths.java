package org.scriptorium.core.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Shortest citation paths by bidirectional breadth-first search: the two frontiers grow from both ends, the smaller
 * one first, so a path between distant papers of a large graph touches far fewer nodes than a one-sided search.
 */
public final class CitationPaths {

	private final CitationGraph g;

	public CitationPaths(CitationGraph graph) {
		this.g = graph;
	}

	/**
	 * A shortest path {@code from → ... → to} (node numbers, both ends included), or an empty list when there is
	 * none. With {@link Direction#REFERENCES} each step goes from a paper to one it cites; with
	 * {@link Direction#CITED_BY} to one citing it; with {@link Direction#BOTH} edges are undirected.
	 */
	public List<Integer> shortestPath(int from, int to, Direction direction) {
		if (from == to) {
			return List.of(from);
		}
		int n = g.size();
		int[] parentF = new int[n];
		int[] parentB = new int[n];
		Arrays.fill(parentF, -1);
		Arrays.fill(parentB, -1);
		parentF[from] = from;
		parentB[to] = to;
		ArrayDeque<Integer> qf = new ArrayDeque<>(List.of(from));
		ArrayDeque<Integer> qb = new ArrayDeque<>(List.of(to));
		Direction back = direction.reverse();
		while (!qf.isEmpty() && !qb.isEmpty()) {
			int meet;
			if (qf.size() <= qb.size()) {
				meet = expandLevel(qf, parentF, parentB, direction);
			} else {
				meet = expandLevel(qb, parentB, parentF, back);
			}
			if (meet >= 0) {
				return join(meet, parentF, parentB);
			}
		}
		return List.of();
	}

	/** Expands one whole BFS level; returns a node reached from both sides, or -1. */
	private int expandLevel(ArrayDeque<Integer> queue, int[] mine, int[] other, Direction dir) {
		int[] meet = {-1};
		for (int i = queue.size(); i > 0 && meet[0] < 0; i--) {
			int u = queue.poll();
			dir.forEachNeighbour(g, u, v -> {
				if (meet[0] >= 0 || mine[v] >= 0) {
					return;
				}
				mine[v] = u;
				if (other[v] >= 0) {
					meet[0] = v;
				} else {
					queue.add(v);
				}
			});
		}
		return meet[0];
	}

	private static List<Integer> join(int meet, int[] parentF, int[] parentB) {
		List<Integer> path = new ArrayList<>();
		for (int v = meet;; v = parentF[v]) {
			path.add(v);
			if (parentF[v] == v) {
				break;
			}
		}
		Collections.reverse(path);
		for (int v = meet; parentB[v] != v;) {
			v = parentB[v];
			path.add(v);
		}
		return path;
	}

	/** {@link #shortestPath(int, int, Direction)} by paper ids; empty when an id is unknown or there is no path. */
	public List<String> shortestPath(String from, String to, Direction direction) {
		var f = g.indexOf(from);
		var t = g.indexOf(to);
		if (f.isEmpty() || t.isEmpty()) {
			return List.of();
		}
		return g.toIds(shortestPath(f.getAsInt(), t.getAsInt(), direction).stream().mapToInt(Integer::intValue)
				.toArray());
	}
}
