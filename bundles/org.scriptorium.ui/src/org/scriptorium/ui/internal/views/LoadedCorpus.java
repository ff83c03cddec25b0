package org.scriptorium.ui.internal.views;

import java.util.List;
import java.util.OptionalInt;

import org.scriptorium.core.graph.CitationGraph;
import org.scriptorium.core.graph.CitationPaths;
import org.scriptorium.core.graph.Direction;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.model.Paper;

/** A corpus with its citation graph, built off the UI thread and then only read. */
record LoadedCorpus(ICorpus corpus, CitationGraph graph) {

	static LoadedCorpus of(ICorpus corpus) {
		CitationGraph graph = CitationGraph.of(corpus);
		return new LoadedCorpus(corpus, graph);
	}

	int citedByCount(Paper paper) {
		OptionalInt node = graph.indexOf(paper.id());
		return node.isPresent() ? graph.citedByCount(node.getAsInt()) : 0;
	}

	List<Paper> references(Paper paper) {
		return papers(graph.references(paper.id()));
	}

	List<Paper> citedBy(Paper paper) {
		return papers(graph.citedBy(paper.id()));
	}

	/**
	 * The shortest chain of citations from {@code from} to {@code to}, following references first and, if there is
	 * no such chain, citations either way; empty when the papers are not connected.
	 */
	List<Paper> path(Paper from, Paper to) {
		CitationPaths paths = new CitationPaths(graph);
		List<String> ids = paths.shortestPath(from.id(), to.id(), Direction.REFERENCES);
		if (ids.isEmpty()) {
			ids = paths.shortestPath(from.id(), to.id(), Direction.BOTH);
		}
		return papers(ids);
	}

	private List<Paper> papers(List<String> ids) {
		return ids.stream().map(this::paper).filter(p -> p != null).toList();
	}

	/** The paper with this id, or null. */
	Paper paper(String id) {
		return corpus.find(id).orElse(null);
	}
}
