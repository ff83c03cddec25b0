package org.scriptorium.core.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The immutable in-memory corpus behind {@link ICorpus#of(String, List, List)}. */
final class MemoryCorpus implements ICorpus {

	private final String name;
	private final List<Paper> papers;
	private final List<Citation> citations;
	private final Map<String, Paper> byId;

	MemoryCorpus(String name, List<Paper> papers, List<Citation> citations) {
		this.name = name;
		this.papers = List.copyOf(papers);
		this.citations = List.copyOf(citations);
		this.byId = new HashMap<>(papers.size() * 2);
		for (Paper p : this.papers) {
			byId.putIfAbsent(p.id(), p);
		}
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public List<Paper> papers() {
		return papers;
	}

	@Override
	public Optional<Paper> find(String id) {
		return Optional.ofNullable(byId.get(id));
	}

	@Override
	public List<Citation> citations() {
		return citations;
	}

	@Override
	public boolean isReadOnly() {
		return true;
	}
}
