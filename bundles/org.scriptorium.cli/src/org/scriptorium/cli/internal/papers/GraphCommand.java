package org.scriptorium.cli.internal.papers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.scriptorium.cli.internal.CliCommand;
import org.scriptorium.cli.internal.CorpusOption;
import org.scriptorium.cli.internal.ExitCode;
import org.scriptorium.cli.internal.Failure;
import org.scriptorium.cli.internal.Json;
import org.scriptorium.cli.internal.PositiveInt;
import org.scriptorium.core.graph.CitationGraph;
import org.scriptorium.core.graph.CitationPaths;
import org.scriptorium.core.graph.CitationResolver;
import org.scriptorium.core.graph.CitationSimilarity;
import org.scriptorium.core.graph.Direction;
import org.scriptorium.core.graph.ScoredPaper;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.model.Paper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scriptorium graph cites|cited-by|related PAPER} and {@code graph path FROM TO}, on the built-in corpus or a
 * corpus file (whose references are resolved to its papers first). A paper is named by its id or by any citation
 * string the {@link CitationResolver} understands. Results go to standard output, one paper a line after a {@code #}
 * summary line, or as JSON.
 */
@Command(name = "graph", description = {"Citing and cited papers, related papers, citation paths.",
		"The citation graph of a corpus: the papers citing a paper or cited by it, co-cited and coupled papers, and "
				+ "the shortest citation path between two papers."}, footer = GraphCommand.PAPER_HELP, subcommands = {
						GraphCommand.Cites.class, GraphCommand.CitedBy.class, GraphCommand.Related.class,
						GraphCommand.PathCommand.class})
public final class GraphCommand extends CliCommand {

	static final String PAPER_HELP = "%nPAPER is a paper id, an arXiv id, a DOI, a cite key, \"Author et al., YEAR\" or "
			+ "words of the title (several words need no quotes).";

	@Override
	public Integer call() {
		throw usage("graph needs a command: cites, cited-by, related or path");
	}

	/** What every graph command shares: the corpus and its graph, naming papers, printing them. */
	abstract static class OnGraph extends CliCommand {

		@Mixin
		CorpusOption corpusOption;

		@Option(names = "--json", description = "Print the result as JSON.")
		boolean json;

		ICorpus corpus;
		CitationGraph graph;
		private CitationResolver resolver;

		void load() {
			corpus = corpusOption.corpus();
			graph = CitationGraph.of(corpus);
			resolver = new CitationResolver(corpus);
		}

		/** The paper a user names; refuses a name that matches nothing or several papers equally well. */
		Paper find(String name) {
			List<CitationResolver.Match> m = resolver.resolve(name, 4);
			if (m.isEmpty()) {
				throw new Failure(ExitCode.NO_SUCH_PAPER, "no paper of " + corpus.name() + " matches \"" + name + "\"");
			}
			if (m.size() > 1 && m.get(1).score() >= m.get(0).score() && m.get(0).score() < 1) {
				StringBuilder b = new StringBuilder("\"" + name + "\" matches several papers equally well: ");
				for (int i = 0; i < m.size() && m.get(i).score() >= m.get(0).score(); i++) {
					b.append(i == 0 ? "" : "; ").append(m.get(i).paper().id()).append(" \"")
							.append(m.get(i).paper().title()).append('"');
				}
				throw new Failure(ExitCode.AMBIGUOUS_PAPER, b.append("; name one by its id").toString());
			}
			return m.get(0).paper();
		}

		int node(Paper p) {
			return graph.indexOf(p.id()).orElseThrow();
		}

		Paper paper(int node) {
			return corpus.find(graph.idOf(node)).orElseThrow();
		}

		void line(Paper p, String note) {
			out().printf(Locale.ROOT, "%-32s %4s  %s%s%s%n", p.id(), p.year().map(String::valueOf).orElse("----"),
					p.title(), p.isReferenceOnly() ? "  (known from reference lists only)" : "", note);
		}

		static String label(Paper p) {
			return p.id() + " \"" + p.title() + "\"";
		}

		static Map<String, Object> json(Paper p) {
			Map<String, Object> o = new LinkedHashMap<>();
			o.put("id", p.id());
			o.put("year", p.year().orElse(null));
			o.put("title", p.title());
			o.put("referenceOnly", p.isReferenceOnly());
			return o;
		}
	}

	/** {@code cites} and {@code cited-by}: a paper's neighbours in the graph. */
	abstract static class Neighbours extends OnGraph {

		@Parameters(paramLabel = "PAPER", arity = "1..*", description = "The paper.")
		List<String> words;

		@Option(names = "--limit", paramLabel = "N", converter = PositiveInt.class, description = "List at most N papers (default: all).")
		Integer limit;

		abstract boolean citing();

		@Override
		public Integer call() {
			load();
			Paper p = find(String.join(" ", words));
			int n = node(p);
			int[] nodes = citing() ? graph.citedBy(n) : graph.references(n);
			int shown = limit == null ? nodes.length : Math.min(limit, nodes.length);
			List<Map<String, Object>> papers = new ArrayList<>();
			if (!json) {
				out().println("# " + nodes.length + (citing() ? " papers cite " : " papers are cited by ") + label(p));
			}
			for (int i = 0; i < shown; i++) {
				int kinds = citing() ? graph.edgeKinds(nodes[i], n) : graph.edgeKinds(n, nodes[i]);
				boolean surveyList = kinds == CitationGraph.SURVEY_LIST;
				if (json) {
					Map<String, Object> o = json(paper(nodes[i]));
					o.put("surveyListOnly", surveyList);
					papers.add(o);
				} else {
					line(paper(nodes[i]), surveyList ? "  [listed by the survey's repository]" : "");
				}
			}
			if (json) {
				Map<String, Object> o = new LinkedHashMap<>();
				o.put("paper", json(p));
				o.put(citing() ? "citedByTotal" : "referencesTotal", nodes.length);
				o.put(citing() ? "citedBy" : "references", papers);
				Json.print(out(), o);
			}
			return ExitCode.OK;
		}
	}

	@Command(name = "cites", description = "The papers citing PAPER.", footer = PAPER_HELP)
	static final class Cites extends Neighbours {
		@Override
		boolean citing() {
			return true;
		}
	}

	@Command(name = "cited-by", description = "The papers PAPER cites (its references).", footer = PAPER_HELP)
	static final class CitedBy extends Neighbours {
		@Override
		boolean citing() {
			return false;
		}
	}

	@Command(name = "related", description = "The papers most often cited together with PAPER (co-citation, Salton "
			+ "cosine) and those sharing the most references with it (bibliographic coupling, Adamic/Adar).", footer = PAPER_HELP)
	static final class Related extends OnGraph {

		@Parameters(paramLabel = "PAPER", arity = "1..*", description = "The paper.")
		List<String> words;

		@Option(names = "--limit", paramLabel = "N", converter = PositiveInt.class, defaultValue = "10", description = "List at most N papers of each kind (default: ${DEFAULT-VALUE}).")
		int limit;

		@Override
		public Integer call() {
			load();
			Paper p = find(String.join(" ", words));
			int n = node(p);
			CitationSimilarity sim = new CitationSimilarity(graph);
			List<ScoredPaper> coCited = sim.topCoCited(n, limit);
			List<ScoredPaper> coupled = sim.topCoupled(n, limit);
			if (json) {
				Map<String, Object> o = new LinkedHashMap<>();
				o.put("paper", json(p));
				o.put("coCited", scored(coCited));
				o.put("coupled", scored(coupled));
				Json.print(out(), o);
				return ExitCode.OK;
			}
			out().println("# " + coCited.size() + " papers most often cited together with " + label(p)
					+ " (co-citation, Salton cosine)");
			for (ScoredPaper s : coCited) {
				line(paper(s.node()), String.format(Locale.ROOT, "  [%.3f]", s.score()));
			}
			out().println("# " + coupled.size() + " papers sharing the most references with it (bibliographic "
					+ "coupling, Adamic/Adar)");
			for (ScoredPaper s : coupled) {
				line(paper(s.node()), String.format(Locale.ROOT, "  [%.3f]", s.score()));
			}
			return ExitCode.OK;
		}

		private List<Map<String, Object>> scored(List<ScoredPaper> papers) {
			List<Map<String, Object>> list = new ArrayList<>();
			for (ScoredPaper s : papers) {
				Map<String, Object> o = json(paper(s.node()));
				o.put("score", s.score());
				list.add(o);
			}
			return list;
		}
	}

	@Command(name = "path", description = {"The shortest citation path from FROM to TO: a chain of references, "
			+ "else (without --direction) citations either way.",
			"Exit code 1 when the papers are not connected."}, footer = PAPER_HELP)
	static final class PathCommand extends OnGraph {

		@Parameters(paramLabel = "FROM TO", arity = "0..*", description = "The two papers (quote a name of several words).")
		List<String> papers = List.of();

		@Option(names = "--direction", paramLabel = "references|cited-by|both", converter = DirectionName.class, description = "Follow only references, only citations, or both.")
		Direction direction;

		@Override
		public Integer call() {
			if (papers.size() != 2) {
				throw usage("graph path needs two papers (quote a citation of several words)");
			}
			load();
			Paper from = find(papers.get(0));
			Paper to = find(papers.get(1));
			CitationPaths paths = new CitationPaths(graph);
			Direction used = direction == null ? Direction.REFERENCES : direction;
			List<Integer> nodes = paths.shortestPath(node(from), node(to), used);
			if (nodes.isEmpty() && direction == null) {
				// as the Papers view does: a chain of references first, else citations either way
				used = Direction.BOTH;
				nodes = paths.shortestPath(node(from), node(to), used);
			}
			List<Map<String, Object>> steps = new ArrayList<>();
			for (int i = 0; i < nodes.size(); i++) {
				Map<String, Object> o = json(paper(nodes.get(i)));
				if (i > 0) {
					o.put("link", graph.hasEdge(nodes.get(i - 1), nodes.get(i))
							? "cited by the paper above"
							: "cites the paper above");
				}
				steps.add(o);
			}
			if (json) {
				Map<String, Object> o = new LinkedHashMap<>();
				o.put("from", json(from));
				o.put("to", json(to));
				o.put("direction", DirectionName.name(used));
				o.put("path", steps);
				Json.print(out(), o);
			} else if (nodes.isEmpty()) {
				out().println("# no citation path from " + label(from) + " to " + label(to)
						+ (used == Direction.BOTH ? "" : " following " + DirectionName.name(used)));
			} else {
				out().println("# a citation path of " + (nodes.size() - 1) + " steps from " + label(from) + " to "
						+ label(to));
				for (int i = 0; i < nodes.size(); i++) {
					line(paper(nodes.get(i)), i == 0 ? "" : "  (" + steps.get(i).get("link") + ")");
				}
			}
			return nodes.isEmpty() ? ExitCode.NOTHING_FOUND : ExitCode.OK;
		}
	}

	/** {@code references}, {@code cited-by} or {@code both}. */
	static final class DirectionName implements picocli.CommandLine.ITypeConverter<Direction> {
		@Override
		public Direction convert(String value) {
			return switch (value) {
				case "references" -> Direction.REFERENCES;
				case "cited-by" -> Direction.CITED_BY;
				case "both" -> Direction.BOTH;
				default -> throw new picocli.CommandLine.TypeConversionException(
						"--direction is references, cited-by or both, not \"" + value + "\"");
			};
		}

		static String name(Direction d) {
			return d.name().toLowerCase(Locale.ROOT).replace('_', '-');
		}
	}
}
