package org.scriptorium.search.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.model.Citation;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.model.Paper;

/** A corpus held in memory, for tests: papers and citations as given. */
public final class MemoryCorpus implements ICorpus {

	private final String name;
	private final ICorpus corpus;

	public MemoryCorpus(String name, List<Paper> papers, List<Citation> citations) {
		this.name = name;
		this.corpus = ICorpus.of(name, papers, citations);
	}

	/** The default corpus as it is. */
	public static MemoryCorpus ofDefault() {
		DefaultCorpus d = DefaultCorpus.get();
		return new MemoryCorpus(d.name(), d.papers(), d.citations());
	}

	/** The default corpus without any citation edge. */
	public static MemoryCorpus defaultWithoutCitations() {
		DefaultCorpus d = DefaultCorpus.get();
		return new MemoryCorpus("Default corpus without citations", d.papers(), List.of());
	}

	public MemoryCorpus withPapers(List<Paper> newPapers) {
		return new MemoryCorpus(name, newPapers, citations().stream()
				.filter(c -> newPapers.stream().anyMatch(p -> p.id().equals(c.citing()))
						&& newPapers.stream().anyMatch(p -> p.id().equals(c.cited())))
				.toList());
	}

	public MemoryCorpus withCitations(List<Citation> newCitations) {
		return new MemoryCorpus(name, papers(), newCitations);
	}

	public MemoryCorpus plusCitation(Citation c) {
		List<Citation> l = new ArrayList<>(citations());
		l.add(c);
		return withCitations(l);
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public List<Paper> papers() {
		return corpus.papers();
	}

	@Override
	public Optional<Paper> find(String id) {
		return corpus.find(id);
	}

	@Override
	public List<Citation> citations() {
		return corpus.citations();
	}

	@Override
	public boolean isReadOnly() {
		return true;
	}
}
