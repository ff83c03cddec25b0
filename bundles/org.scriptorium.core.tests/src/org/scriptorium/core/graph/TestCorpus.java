package org.scriptorium.core.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.Citation;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;

/** A small in-memory corpus for graph tests. */
final class TestCorpus implements ICorpus {

	private final Map<String, Paper> papers = new LinkedHashMap<>();
	private final List<Citation> citations = new ArrayList<>();

	TestCorpus paper(String id, String title, int year, String... authors) {
		return paper(id, title, year, PaperIds.NONE, authors);
	}

	TestCorpus paper(String id, String title, int year, PaperIds ids, String... authors) {
		papers.put(id, Paper.builder(id, title).year(year).ids(ids)
				.authors(List.of(authors).stream().map(Author::parse).toList()).build());
		return this;
	}

	TestCorpus nodes(String... ids) {
		for (String id : ids) {
			paper(id, "Paper " + id, 2020);
		}
		return this;
	}

	TestCorpus cite(String citing, String... cited) {
		for (String c : cited) {
			citations.add(new Citation(citing, c, Citation.Kind.REFERENCE_LIST));
		}
		return this;
	}

	TestCorpus list(String survey, String... listed) {
		for (String c : listed) {
			citations.add(new Citation(survey, c, Citation.Kind.SURVEY_LIST));
		}
		return this;
	}

	@Override
	public String name() {
		return "test";
	}

	@Override
	public List<Paper> papers() {
		return List.copyOf(papers.values());
	}

	@Override
	public Optional<Paper> find(String id) {
		return Optional.ofNullable(papers.get(id));
	}

	@Override
	public List<Citation> citations() {
		return List.copyOf(citations);
	}

	@Override
	public boolean isReadOnly() {
		return true;
	}
}
