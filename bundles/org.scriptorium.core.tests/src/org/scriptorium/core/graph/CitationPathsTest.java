package org.scriptorium.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CitationPathsTest {

	@Test
	void directedAndUndirectedPaths() {
		CitationGraph g = CitationGraph.of(new TestCorpus().nodes("a", "b", "c", "d", "e").cite("a", "b")
				.cite("b", "c").cite("c", "d").cite("e", "d"));
		CitationPaths p = new CitationPaths(g);
		assertEquals(List.of("a", "b", "c", "d"), p.shortestPath("a", "d", Direction.REFERENCES));
		assertEquals(List.of(), p.shortestPath("d", "a", Direction.REFERENCES));
		assertEquals(List.of("d", "c", "b", "a"), p.shortestPath("d", "a", Direction.CITED_BY));
		assertEquals(List.of("a", "b", "c", "d", "e"), p.shortestPath("a", "e", Direction.BOTH));
		assertEquals(List.of(), p.shortestPath("a", "e", Direction.REFERENCES));
		assertEquals(List.of("c"), p.shortestPath("c", "c", Direction.REFERENCES));
		assertEquals(List.of(), p.shortestPath("a", "nope", Direction.BOTH));
	}

	@Test
	void lengthsEqualPlainBreadthFirstSearchOnRandomGraphs() {
		Random r = new Random(42);
		for (int round = 0; round < 20; round++) {
			int n = 60;
			CitationGraph.Builder b = CitationGraph.builder(n);
			for (int i = 0; i < n; i++) {
				b.addNode("n" + i);
			}
			for (int e = 0; e < 90; e++) {
				b.addEdge(r.nextInt(n), r.nextInt(n), CitationGraph.REFERENCE_LIST);
			}
			CitationGraph g = b.build();
			CitationPaths paths = new CitationPaths(g);
			for (Direction d : Direction.values()) {
				for (int q = 0; q < 30; q++) {
					int s = r.nextInt(n), t = r.nextInt(n);
					List<Integer> path = paths.shortestPath(s, t, d);
					int expected = bfs(g, s, t, d);
					assertEquals(expected, path.size() - 1, "length " + s + "→" + t + " " + d);
					if (!path.isEmpty()) {
						assertEquals(s, path.get(0));
						assertEquals(t, path.get(path.size() - 1));
						for (int i = 0; i + 1 < path.size(); i++) {
							int u = path.get(i), v = path.get(i + 1);
							boolean ok = switch (d) {
								case REFERENCES -> g.hasEdge(u, v);
								case CITED_BY -> g.hasEdge(v, u);
								case BOTH -> g.hasEdge(u, v) || g.hasEdge(v, u);
							};
							assertTrue(ok, "step " + u + "→" + v + " is an edge");
						}
					}
				}
			}
		}
	}

	private static int bfs(CitationGraph g, int s, int t, Direction d) {
		int[] dist = new int[g.size()];
		Arrays.fill(dist, -1);
		dist[s] = 0;
		ArrayDeque<Integer> q = new ArrayDeque<>(List.of(s));
		while (!q.isEmpty()) {
			int u = q.poll();
			d.forEachNeighbour(g, u, v -> {
				if (dist[v] < 0) {
					dist[v] = dist[u] + 1;
					q.add(v);
				}
			});
		}
		return dist[t];
	}
}
