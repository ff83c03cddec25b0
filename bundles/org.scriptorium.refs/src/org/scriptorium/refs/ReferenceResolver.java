package org.scriptorium.refs;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.scriptorium.core.io.Exporter;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;

/**
 * Resolves references to the papers of one corpus: arXiv ids and DOIs through the papers' identifiers (an arXiv DOI
 * {@code 10.48550/arxiv.ID} also through the arXiv id), cite keys through the keys the BibTeX exporter writes
 * ({@link Exporter#citeKeys(List)} for the whole corpus, and {@link Exporter#citeKey(Paper)}, the key of a paper
 * copied alone). A cite key matches exactly first, then ignoring case (as BibTeX does).
 * <p>
 * The resolver is built once per corpus (linear in its size) and is immutable and thread-safe afterwards. When two
 * papers share an identifier, a paper with metadata wins over a reference-only one, then the first in corpus order.
 */
public final class ReferenceResolver {

	private static final String ARXIV_DOI = "10.48550/arxiv."; //$NON-NLS-1$

	private final ICorpus corpus;
	private final Map<String, Paper> arxiv = new HashMap<>();
	private final Map<String, Paper> doi = new HashMap<>();
	private final Map<String, Paper> keys = new HashMap<>();
	private final Map<String, Paper> keysIgnoringCase = new HashMap<>();
	private final Map<String, String> keyOf = new HashMap<>();

	public ReferenceResolver(ICorpus corpus) {
		this.corpus = Objects.requireNonNull(corpus, "corpus"); //$NON-NLS-1$
		List<Paper> papers = corpus.papers();
		List<String> exported = Exporter.citeKeys(papers);
		for (int pass = 0; pass < 2; pass++) {
			// pass 0: papers with metadata, pass 1: reference-only papers (they never displace the former)
			for (int i = 0; i < papers.size(); i++) {
				Paper p = papers.get(i);
				if (p.isReferenceOnly() != (pass == 1)) {
					continue;
				}
				PaperIds ids = p.ids();
				if (ids.arxiv() != null) {
					arxiv.putIfAbsent(ids.arxiv().toLowerCase(Locale.ROOT), p);
				}
				if (ids.doi() != null) {
					doi.putIfAbsent(ids.doi(), p);
					if (ids.doi().startsWith(ARXIV_DOI)) {
						arxiv.putIfAbsent(ids.doi().substring(ARXIV_DOI.length()), p);
					}
				}
				String key = exported.get(i);
				keyOf.putIfAbsent(p.id(), key);
				keys.putIfAbsent(key, p);
				keysIgnoringCase.putIfAbsent(key.toLowerCase(Locale.ROOT), p);
			}
		}
		// a paper copied alone gets Exporter.citeKey(p), which lacks the a/b/... of a colliding key
		for (int pass = 0; pass < 2; pass++) {
			for (Paper p : papers) {
				if (p.isReferenceOnly() == (pass == 1)) {
					String single = Exporter.citeKey(p);
					keys.putIfAbsent(single, p);
					keysIgnoringCase.putIfAbsent(single.toLowerCase(Locale.ROOT), p);
				}
			}
		}
	}

	/** The corpus this resolver resolves to. */
	public ICorpus corpus() {
		return corpus;
	}

	public Resolution resolve(Reference reference) {
		return resolve(reference.kind(), reference.id());
	}

	/** Resolves an id of a kind ({@link Reference#id()}: normalised arXiv id or DOI, or a cite key). */
	public Resolution resolve(ReferenceKind kind, String id) {
		Paper p = switch (kind) {
			case ARXIV -> arxiv.get(PaperIds.normalizeArxiv(id).toLowerCase(Locale.ROOT));
			case DOI -> {
				String d = PaperIds.normalizeDoi(id);
				Paper byDoi = d == null ? null : doi.get(d);
				yield byDoi == null && d != null && d.startsWith(ARXIV_DOI)
						? arxiv.get(d.substring(ARXIV_DOI.length()))
						: byDoi;
			}
			case CITE_KEY -> {
				Paper exact = keys.get(id);
				yield exact != null ? exact : keysIgnoringCase.get(id.toLowerCase(Locale.ROOT));
			}
		};
		if (p == null) {
			return Resolution.UNKNOWN;
		}
		return new Resolution(p.isReferenceOnly() ? Resolution.Status.REFERENCE_ONLY : Resolution.Status.RESOLVED, p);
	}

	/**
	 * The cite key a BibTeX export of this corpus writes for the paper (what completion inserts), or {@code null} if
	 * no paper of this corpus has its {@link Paper#id() id}.
	 */
	public String citeKey(Paper paper) {
		return keyOf.get(paper.id());
	}
}
