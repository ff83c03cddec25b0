package org.scriptorium.search.internal.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.scriptorium.search.internal.analysis.Analyzers;
import org.scriptorium.search.internal.index.PaperFields;

/**
 * Hostile queries (issue 15): nesting deeper than {@link PaperQueryParser#MAX_DEPTH} is refused before parsing with
 * the position of the first parenthesis too deep, and generated queries of the language's own characters never make
 * the parser throw.
 */
class HostileQueryTest {

	private static final GraphOperators GRAPH = new GraphOperators() {
		@Override
		public List<String> citing(String paper) {
			return List.of("p1");
		}

		@Override
		public List<String> citedBy(String paper) {
			return List.of("p1");
		}

		@Override
		public List<String> related(String paper) {
			return List.of("p1");
		}
	};

	private static PaperQueryParser.Parsed parse(String q) {
		return new PaperQueryParser(Analyzers.perField(), new String[]{PaperFields.CONTENTS}, Map.of(), GRAPH)
				.parse(q);
	}

	@Test
	void nestingIsLimitedBeforeParsing() {
		PaperQueryParser.Parsed deep = parse("(".repeat(5000) + "moe" + ")".repeat(5000));
		assertNotNull(deep.error());
		assertEquals(PaperQueryParser.MAX_DEPTH, deep.error().position());
		assertTrue(deep.error().message().contains("100 levels"), deep.error().message());
		String limit = "(".repeat(PaperQueryParser.MAX_DEPTH) + "moe" + ")".repeat(PaperQueryParser.MAX_DEPTH);
		assertNull(parse(limit).error());
		// parentheses in quotes or escaped are words, not groups
		assertNull(parse("\"" + "(".repeat(500) + "\" moe").error());
		assertNull(parse("\\(".repeat(500) + "moe").error());
	}

	@Test
	void generatedQueriesNeverThrow() {
		String[] pieces = {"(", ")", "\"", "\\", ":", "*", "?", "~", "^2", "[", "]", "{", "}", " TO ", " AND ", " OR ",
				" NOT ", "-", "+", "title:", "year:", "cites:", "related:", "2024", "..", ">=", "moe", "expert", " "};
		Random random = new Random(15);
		for (int i = 0; i < 3000; i++) {
			StringBuilder q = new StringBuilder();
			int n = 1 + random.nextInt(40);
			for (int j = 0; j < n; j++) {
				q.append(pieces[random.nextInt(pieces.length)]);
			}
			PaperQueryParser.Parsed p = parse(q.toString());
			assertTrue(p.query() != null || p.error() != null, q.toString());
			if (p.error() != null) {
				assertTrue(p.error().position() <= q.length(), q + " -> " + p.error());
			}
		}
	}
}
