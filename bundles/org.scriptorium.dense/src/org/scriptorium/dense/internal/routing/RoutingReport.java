package org.scriptorium.dense.internal.routing;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.scriptorium.core.io.Csv;
import org.scriptorium.dense.internal.routing.RoutingEvaluation.Report;
import org.scriptorium.dense.internal.routing.RoutingEvaluation.SystemResult;

/** The report of a routing experiment as flat metrics, CSV tables and a text table. */
public final class RoutingReport {

	private RoutingReport() {
	}

	/** The run's final metrics (names in the class comment of {@link RetrievalRoutingTask}). */
	public static Map<String, Double> metrics(Report r) {
		Map<String, Double> m = new LinkedHashMap<>();
		for (SystemResult s : r.systems()) {
			m.put("test.ndcg10." + s.name(), s.ndcg10());
			m.put("test.recall100." + s.name(), s.recall100());
			if (!Double.isNaN(s.routingAccuracy())) {
				m.put("test.routingAccuracy." + s.name(), s.routingAccuracy());
			}
			if (s.shares() != null) {
				for (int e = 0; e < r.experts().size(); e++) {
					m.put("test.chosen." + s.name() + "." + r.experts().get(e), s.shares()[e]);
				}
			}
		}
		m.put("test.queries", (double) r.queries());
		m.put("test.allTied", r.allTied());
		return m;
	}

	/** {@code system,kind,ndcg10,recall100,routingAccuracy} for every expert and router. */
	public static String systemsCsv(Report r) {
		StringBuilder b = new StringBuilder("system,kind,ndcg10,recall100,routingAccuracy\n");
		for (SystemResult s : r.systems()) {
			b.append(s.name()).append(',').append(s.router() ? "router" : "expert").append(',')
					.append(Csv.decimal(s.ndcg10())).append(',').append(Csv.decimal(s.recall100())).append(',')
					.append(Csv.decimal(s.routingAccuracy())).append('\n');
		}
		return b.toString();
	}

	/** Router x expert: the share of queries each router sends to each expert. */
	public static String chosenCsv(Report r) {
		StringBuilder b = new StringBuilder("router");
		r.experts().forEach(e -> b.append(',').append(e));
		b.append('\n');
		for (SystemResult s : r.systems()) {
			if (s.shares() != null) {
				b.append(s.name());
				for (double v : s.shares()) {
					b.append(',').append(Csv.decimal(v));
				}
				b.append('\n');
			}
		}
		return b.toString();
	}

	/** One line per scored query: each expert's nDCG@10 and the expert each router chose. */
	public static String perQueryCsv(ExpertTable table, Report r) {
		StringBuilder b = new StringBuilder("query");
		r.experts().forEach(e -> b.append(",ndcg10.").append(e));
		r.choices().keySet().forEach(name -> b.append(",chosen.").append(name));
		b.append('\n');
		for (int q = 0; q < table.queryCount(); q++) {
			b.append(Csv.field(table.queryIds().get(q)));
			for (int e = 0; e < table.expertCount(); e++) {
				b.append(',').append(Csv.decimal(table.ndcg(e, q)));
			}
			for (int[] chosen : r.choices().values()) {
				b.append(',').append(r.experts().get(chosen[q]));
			}
			b.append('\n');
		}
		return b.toString();
	}

	/** A text table for the log and the console. */
	public static String table(Report r) {
		StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%d queries (%.1f%% tied: every expert equal)%n",
				r.queries(), 100 * r.allTied()));
		b.append(String.format(Locale.ROOT, "%-12s %-6s %8s %8s %8s", "system", "kind", "nDCG@10", "R@100", "acc"));
		r.experts().forEach(e -> b.append(String.format(Locale.ROOT, " %9s", e)));
		b.append('\n');
		for (SystemResult s : r.systems()) {
			b.append(
					String.format(Locale.ROOT, "%-12s %-6s %8.4f %8.4f %8s", s.name(), s.router() ? "router" : "expert",
							s.ndcg10(), s.recall100(), Csv.decimal(s.routingAccuracy())));
			if (s.shares() != null) {
				for (double v : s.shares()) {
					b.append(String.format(Locale.ROOT, " %9.3f", v));
				}
			}
			b.append('\n');
		}
		return b.toString();
	}
}
