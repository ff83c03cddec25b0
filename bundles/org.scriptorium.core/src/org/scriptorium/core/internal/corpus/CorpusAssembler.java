package org.scriptorium.core.internal.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.Citation;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;
import org.scriptorium.core.model.PaperKey;
import org.scriptorium.core.model.Provenance;
import org.scriptorium.core.model.Reference;

/**
 * Turns papers with reference lists into a citation-aware corpus: each reference resolves to a paper of the corpus by
 * its target id, arXiv id, DOI, then normalised title (+year); unresolved references become reference-only papers,
 * deduplicated across all lists by the same keys. The result keeps the given papers first, in their order, then the
 * new reference-only papers in order of first mention, and one {@link Citation} per resolved reference.
 */
public final class CorpusAssembler {

	/** The assembled corpus content. */
	public record Result(List<Paper> papers, List<Citation> citations) {
	}

	private final Map<String, Object> byId = new HashMap<>();
	private final PaperIndex<String> index = new PaperIndex<>();
	private final Map<String, Paper.Builder> created = new LinkedHashMap<>();

	private CorpusAssembler() {
	}

	public static Result assemble(List<Paper> papers) {
		return new CorpusAssembler().run(papers);
	}

	private Result run(List<Paper> papers) {
		List<Paper> out = new ArrayList<>(papers.size());
		for (Paper p : papers) {
			if (byId.putIfAbsent(p.id(), p) != null) {
				throw new IllegalArgumentException("two papers have the id " + p.id()); //$NON-NLS-1$
			}
			index.add(p.ids(), p.title(), p.year().orElse(null), p.id());
		}
		List<Citation> citations = new ArrayList<>();
		Set<Citation> seen = new HashSet<>();
		for (Paper p : papers) {
			if (p.references().isEmpty()) {
				out.add(p);
				continue;
			}
			List<Reference> resolved = new ArrayList<>(p.references().size());
			boolean changed = false;
			Provenance source = p.provenance().get(Paper.REFERENCES);
			for (Reference r : p.references()) {
				String target = resolve(r, p.id(), source);
				Reference rr = target.equals(r.targetId()) ? r : r.resolvedTo(target);
				changed |= rr != r;
				resolved.add(rr);
				Citation c = new Citation(p.id(), target, r.kind());
				if (!target.equals(p.id()) && seen.add(c)) {
					citations.add(c);
				}
			}
			out.add(changed ? p.toBuilder().references(resolved).build() : p);
		}
		created.values().forEach(b -> out.add(b.build()));
		return new Result(List.copyOf(out), List.copyOf(citations));
	}

	private String resolve(Reference r, String citing, Provenance source) {
		if (r.targetId() != null && byId.containsKey(r.targetId())) {
			Object known = byId.get(r.targetId());
			if (known instanceof Paper.Builder b) {
				mergeInto(b, r, source);
			}
			return r.targetId();
		}
		String found = index.find(r.ids(), r.title(), r.year());
		if (found != null) {
			Paper.Builder b = created.get(found);
			if (b != null) {
				mergeInto(b, r, source);
			}
			return found;
		}
		return createReferenceOnly(r, citing, source);
	}

	private String createReferenceOnly(Reference r, String citing, Provenance source) {
		String title = r.title() != null ? r.title() : r.raw() != null ? r.raw() : r.targetId();
		if (title == null) {
			title = "(untitled reference of " + citing + ")"; //$NON-NLS-1$ //$NON-NLS-2$
		}
		String id = r.targetId() != null ? r.targetId() : PaperKey.idFor(r.ids(), title);
		String unique = id;
		for (int n = 2; byId.containsKey(unique); n++) {
			unique = id + "#" + n; //$NON-NLS-1$
		}
		Provenance p = source != null ? source : new Provenance("reference list of " + citing, null); //$NON-NLS-1$
		Paper.Builder b = Paper.builder(unique, title).referenceOnly(true).ids(r.ids()).authors(r.authors())
				.year(r.year()).venue(r.venue()).provenanceForSetFields(p);
		byId.put(unique, b);
		created.put(unique, b);
		index.add(r.ids(), title, r.year(), unique);
		return unique;
	}

	/** Fills fields the reference-only paper lacks from another mention of it. */
	private static void mergeInto(Paper.Builder b, Reference r, Provenance source) {
		Paper current = b.build();
		Provenance p = source != null ? source : new Provenance("reference list", null); //$NON-NLS-1$
		if (current.authors().isEmpty() && !r.authors().isEmpty()) {
			b.authors(r.authors()).provenance(Paper.AUTHORS, p);
		}
		if (current.year().isEmpty() && r.year() != null) {
			b.year(r.year()).provenance(Paper.YEAR, p);
		}
		if (current.venue().isEmpty() && r.venue() != null) {
			b.venue(r.venue()).provenance(Paper.VENUE, p);
		}
		PaperIds merged = mergeIds(current.ids(), r.ids());
		if (!merged.equals(current.ids())) {
			b.ids(merged).provenance(Paper.IDS, p);
		}
	}

	/** The union of two id sets; the first wins where both have a value. */
	public static PaperIds mergeIds(PaperIds a, PaperIds b) {
		return new PaperIds(or(a.arxiv(), b.arxiv()), or(a.doi(), b.doi()),
				or(a.semanticScholar(), b.semanticScholar()), or(a.openAlex(), b.openAlex()),
				or(a.pubmed(), b.pubmed()),
				or(a.citeKey(), b.citeKey()));
	}

	private static String or(String a, String b) {
		return a != null ? a : b;
	}

	static List<Author> authorsOf(List<String> names) {
		List<Author> out = new ArrayList<>(names.size());
		for (String n : names) {
			if (n != null && !n.isBlank()) {
				out.add(Author.parse(n));
			}
		}
		return out;
	}
}
