package org.scriptorium.ui.internal.views;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.scriptorium.core.graph.CitationGraph;
import org.scriptorium.core.graph.CitationSimilarity;
import org.scriptorium.core.graph.ScoredPaper;
import org.scriptorium.core.model.Paper;
import org.scriptorium.ui.internal.Messages;

/**
 * The citation neighbourhood of a paper as trees, two levels deep: for each relation (references, cited by, co-cited,
 * coupled) the papers so related to it, and under each of them the papers so related to that one.
 */
final class Neighbourhood {

	/** The relations, in the order the view shows them. */
	enum Relation {
		REFERENCES, CITED_BY, CO_CITED, COUPLED;

		String label() {
			return switch (this) {
				case REFERENCES -> Messages.Neighbourhood_references;
				case CITED_BY -> Messages.Neighbourhood_citedBy;
				case CO_CITED -> Messages.Neighbourhood_coCited;
				case COUPLED -> Messages.Neighbourhood_coupled;
			};
		}
	}

	/** A relation of a paper and the papers in it ({@code total} may exceed the papers listed). */
	record Group(Relation relation, List<Node> nodes, int total) {
		String label() {
			return relation.label() + " (" + total + ")"; //$NON-NLS-1$ //$NON-NLS-2$
		}

		// a tree shows a group once, by identity
		@Override
		public boolean equals(Object o) {
			return this == o;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this);
		}
	}

	/** A paper of a group and, on the first level, the papers related to it in the same way. */
	record Node(Paper paper, List<Node> children, int total) {
		// the same paper can appear under several groups: each appearance is its own tree item
		@Override
		public boolean equals(Object o) {
			return this == o;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this);
		}
	}

	/** How many papers a group lists at most (references and citing papers can be thousands). */
	static final int LIMIT = 100;
	/** How many co-cited or coupled papers a group lists (the best ones). */
	static final int SIMILAR = 10;

	private final LoadedCorpus corpus;
	private final CitationSimilarity similarity;

	Neighbourhood(LoadedCorpus corpus) {
		this.corpus = corpus;
		this.similarity = new CitationSimilarity(corpus.graph());
	}

	/** The four groups of {@code paper}, two levels deep. */
	List<Group> of(Paper paper, IProgressMonitor monitor) {
		List<Group> groups = new ArrayList<>();
		for (Relation r : Relation.values()) {
			List<Paper> first = related(paper, r);
			List<Node> nodes = new ArrayList<>();
			for (Paper p : first.subList(0, Math.min(LIMIT, first.size()))) {
				if (monitor.isCanceled()) {
					throw new OperationCanceledException();
				}
				List<Paper> second = related(p, r);
				nodes.add(new Node(p, second.subList(0, Math.min(LIMIT, second.size())).stream()
						.map(q -> new Node(q, List.of(), 0)).toList(), second.size()));
			}
			groups.add(new Group(r, nodes, first.size()));
		}
		return groups;
	}

	private List<Paper> related(Paper paper, Relation relation) {
		CitationGraph graph = corpus.graph();
		OptionalInt node = graph.indexOf(paper.id());
		if (node.isEmpty()) {
			return List.of();
		}
		List<String> ids = switch (relation) {
			case REFERENCES -> graph.references(paper.id());
			case CITED_BY -> graph.citedBy(paper.id());
			case CO_CITED -> similarity.topCoCited(node.getAsInt(), SIMILAR).stream().map(ScoredPaper::id).toList();
			case COUPLED -> similarity.topCoupled(node.getAsInt(), SIMILAR).stream().map(ScoredPaper::id).toList();
		};
		return ids.stream().map(corpus::paper).filter(p -> p != null).toList();
	}
}
