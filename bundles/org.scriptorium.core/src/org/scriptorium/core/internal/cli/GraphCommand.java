package org.scriptorium.core.internal.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.graph.CitationGraph;
import org.scriptorium.core.graph.CitationPaths;
import org.scriptorium.core.graph.CitationResolver;
import org.scriptorium.core.graph.CitationSimilarity;
import org.scriptorium.core.graph.Direction;
import org.scriptorium.core.graph.ScoredPaper;
import org.scriptorium.core.internal.corpus.CorpusAssembler;
import org.scriptorium.core.io.ImportException;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.model.Paper;

/**
 * {@code graph cites|cited-by|related PAPER} and {@code graph path FROM TO}, on the built-in corpus or a corpus file
 * (whose references are resolved to its papers first). A paper is named by its id or by any citation string the
 * {@link CitationResolver} understands. Results go to standard output, one paper a line after a {@code #} summary
 * line; user errors are one line on standard error with a distinct exit code.
 */
final class GraphCommand {

	static final String USAGE_TEXT = """
			usage: scriptorium graph cites PAPER [--corpus CORPUS.jsonl] [--limit N]      papers citing PAPER
			       scriptorium graph cited-by PAPER [--corpus CORPUS.jsonl] [--limit N]   papers PAPER cites
			       scriptorium graph related PAPER [--corpus CORPUS.jsonl] [--limit N]    co-cited and coupled papers
			       scriptorium graph path FROM TO [--corpus CORPUS.jsonl] [--direction references|cited-by|both]
			PAPER is a paper id, an arXiv id, a DOI, a cite key, "Author et al., YEAR" or words of the title."""; //$NON-NLS-1$

	/** A user error: its message (one line) and exit code. */
	static final class Failure extends Exception {
		private static final long serialVersionUID = 1L;
		final int code;

		Failure(int code, String message) {
			super(message);
			this.code = code;
		}
	}

	private final PrintStream out;
	private ICorpus corpus;
	private CitationGraph graph;
	private CitationResolver resolver;

	private GraphCommand(PrintStream out) {
		this.out = out;
	}

	/** Runs {@code args} (starting with "graph"). */
	static int run(String[] args, PrintStream out, PrintStream err) {
		try {
			return new GraphCommand(out).execute(args);
		} catch (Failure f) {
			err.println("error: " + f.getMessage()); //$NON-NLS-1$
			if (f.code == CoreCli.USAGE) {
				err.println(USAGE_TEXT);
			}
			return f.code;
		} catch (IOException e) {
			err.println("error: " + e.getMessage()); //$NON-NLS-1$
			return CoreCli.IO_ERROR;
		}
	}

	private int execute(String[] args) throws Failure, IOException {
		if (args.length < 2) {
			throw new Failure(CoreCli.USAGE, "graph needs a command: cites, cited-by, related or path"); //$NON-NLS-1$
		}
		String command = args[1];
		List<String> words = new ArrayList<>();
		Path corpusFile = null;
		int limit = -1;
		Direction direction = null;
		for (int i = 2; i < args.length; i++) {
			String a = args[i];
			if (!a.startsWith("--")) { //$NON-NLS-1$
				words.add(a);
				continue;
			}
			if (i + 1 >= args.length) {
				throw new Failure(CoreCli.USAGE, a + " needs a value"); //$NON-NLS-1$
			}
			String v = args[++i];
			switch (a) {
			case "--corpus" -> corpusFile = Path.of(v); //$NON-NLS-1$
			case "--limit" -> limit = positive(a, v); //$NON-NLS-1$
			case "--direction" -> direction = direction(v); //$NON-NLS-1$
			default -> throw new Failure(CoreCli.USAGE, "unknown option " + a); //$NON-NLS-1$
			}
		}
		if (direction != null && !command.equals("path")) { //$NON-NLS-1$
			throw new Failure(CoreCli.USAGE, "--direction belongs to graph path"); //$NON-NLS-1$
		}
		switch (command) {
		case "cites", "cited-by", "related" -> { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			if (words.isEmpty()) {
				throw new Failure(CoreCli.USAGE, "graph " + command + " needs a paper"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			load(corpusFile);
			Paper p = find(String.join(" ", words)); //$NON-NLS-1$
			return command.equals("related") ? related(p, limit < 0 ? 10 : limit) : neighbours(p, command, limit); //$NON-NLS-1$
		}
		case "path" -> { //$NON-NLS-1$
			if (words.size() != 2) {
				throw new Failure(CoreCli.USAGE, "graph path needs two papers (quote a citation of several words)"); //$NON-NLS-1$
			}
			load(corpusFile);
			return path(find(words.get(0)), find(words.get(1)), direction);
		}
		default -> throw new Failure(CoreCli.USAGE, "unknown graph command \"" + command + "\""); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	private static int positive(String option, String v) throws Failure {
		try {
			int n = Integer.parseInt(v);
			if (n > 0) {
				return n;
			}
		} catch (NumberFormatException e) {
			// below
		}
		throw new Failure(CoreCli.USAGE, option + " needs a positive whole number, not \"" + v + "\""); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static Direction direction(String v) throws Failure {
		return switch (v) {
		case "references" -> Direction.REFERENCES; //$NON-NLS-1$
		case "cited-by" -> Direction.CITED_BY; //$NON-NLS-1$
		case "both" -> Direction.BOTH; //$NON-NLS-1$
		default -> throw new Failure(CoreCli.USAGE, "--direction is references, cited-by or both, not \"" + v + "\""); //$NON-NLS-1$ //$NON-NLS-2$
		};
	}

	private void load(Path file) throws Failure, IOException {
		if (file == null) {
			corpus = DefaultCorpus.get();
		} else {
			if (!Files.isRegularFile(file)) {
				throw new Failure(CoreCli.INVALID_INPUT, "the corpus " + file + " does not exist"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			JsonlCorpus c;
			try {
				c = JsonlCorpus.load(file);
			} catch (ImportException e) {
				throw new Failure(CoreCli.INVALID_INPUT, "the corpus cannot be read: " + e.getMessage()); //$NON-NLS-1$
			}
			// resolve the reference lists to the corpus' papers; the unresolved ones become reference-only papers
			CorpusAssembler.Result r = CorpusAssembler.assemble(c.papers());
			corpus = ICorpus.of(c.name(), r.papers(), r.citations());
		}
		graph = CitationGraph.of(corpus);
		resolver = new CitationResolver(corpus);
	}

	/** The paper a user names; refuses a name that matches nothing or several papers equally well. */
	private Paper find(String name) throws Failure {
		List<CitationResolver.Match> m = resolver.resolve(name, 4);
		if (m.isEmpty()) {
			throw new Failure(CoreCli.NOT_FOUND, "no paper of " + corpus.name() + " matches \"" + name + "\""); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (m.size() > 1 && m.get(1).score() >= m.get(0).score() && m.get(0).score() < 1) {
			StringBuilder b = new StringBuilder("\"" + name + "\" matches several papers equally well: "); //$NON-NLS-1$ //$NON-NLS-2$
			for (int i = 0; i < m.size() && m.get(i).score() >= m.get(0).score(); i++) {
				b.append(i == 0 ? "" : "; ").append(m.get(i).paper().id()).append(" \"") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						.append(m.get(i).paper().title()).append('"');
			}
			throw new Failure(CoreCli.AMBIGUOUS, b.append("; name one by its id").toString()); //$NON-NLS-1$
		}
		return m.get(0).paper();
	}

	private int node(Paper p) {
		OptionalInt i = graph.indexOf(p.id());
		return i.orElseThrow();
	}

	private void line(Paper p, String note) {
		out.printf(Locale.ROOT, "%-32s %4s  %s%s%s%n", p.id(), p.year().map(String::valueOf).orElse("----"), //$NON-NLS-1$ //$NON-NLS-2$
				p.title(), p.isReferenceOnly() ? "  (known from reference lists only)" : "", note); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static String label(Paper p) {
		return p.id() + " \"" + p.title() + "\""; //$NON-NLS-1$ //$NON-NLS-2$
	}

	private int neighbours(Paper p, String command, int limit) {
		int n = node(p);
		boolean citing = command.equals("cites"); //$NON-NLS-1$
		int[] nodes = citing ? graph.citedBy(n) : graph.references(n);
		out.println("# " + nodes.length + (citing ? " papers cite " : " papers are cited by ") + label(p)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		for (int i = 0; i < nodes.length && (limit < 0 || i < limit); i++) {
			int kinds = citing ? graph.edgeKinds(nodes[i], n) : graph.edgeKinds(n, nodes[i]);
			line(paper(nodes[i]), kinds == CitationGraph.SURVEY_LIST ? "  [listed by the survey's repository]" : ""); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return CoreCli.OK;
	}

	private Paper paper(int node) {
		return corpus.find(graph.idOf(node)).orElseThrow();
	}

	private int related(Paper p, int limit) {
		int n = node(p);
		CitationSimilarity sim = new CitationSimilarity(graph);
		List<ScoredPaper> coCited = sim.topCoCited(n, limit);
		List<ScoredPaper> coupled = sim.topCoupled(n, limit);
		out.println("# " + coCited.size() + " papers most often cited together with " + label(p) //$NON-NLS-1$
				+ " (co-citation, Salton cosine)"); //$NON-NLS-1$
		for (ScoredPaper s : coCited) {
			line(paper(s.node()), String.format(Locale.ROOT, "  [%.3f]", s.score())); //$NON-NLS-1$
		}
		out.println("# " + coupled.size() + " papers sharing the most references with it (bibliographic coupling, " //$NON-NLS-1$ //$NON-NLS-2$
				+ "Adamic/Adar)"); //$NON-NLS-1$
		for (ScoredPaper s : coupled) {
			line(paper(s.node()), String.format(Locale.ROOT, "  [%.3f]", s.score())); //$NON-NLS-1$
		}
		return CoreCli.OK;
	}

	private int path(Paper from, Paper to, Direction direction) {
		CitationPaths paths = new CitationPaths(graph);
		Direction used = direction == null ? Direction.REFERENCES : direction;
		List<Integer> nodes = paths.shortestPath(node(from), node(to), used);
		if (nodes.isEmpty() && direction == null) {
			// as the Papers view does: a chain of references first, else citations either way
			used = Direction.BOTH;
			nodes = paths.shortestPath(node(from), node(to), used);
		}
		if (nodes.isEmpty()) {
			out.println("# no citation path from " + label(from) + " to " + label(to) //$NON-NLS-1$ //$NON-NLS-2$
					+ (used == Direction.BOTH ? "" : " following " + used.name().toLowerCase(Locale.ROOT).replace('_', '-'))); //$NON-NLS-1$ //$NON-NLS-2$
			return CoreCli.NO_RESULT;
		}
		out.println("# a citation path of " + (nodes.size() - 1) + " steps from " + label(from) + " to " + label(to)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		for (int i = 0; i < nodes.size(); i++) {
			String step = ""; //$NON-NLS-1$
			if (i > 0) {
				step = graph.hasEdge(nodes.get(i - 1), nodes.get(i)) ? "  (cited by the paper above)" : "  (cites the paper above)"; //$NON-NLS-1$ //$NON-NLS-2$
			}
			line(paper(nodes.get(i)), step);
		}
		return CoreCli.OK;
	}
}
