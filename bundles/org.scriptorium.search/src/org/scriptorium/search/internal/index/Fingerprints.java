package org.scriptorium.search.internal.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.Citation;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.model.Paper;

/** Content hashes: one per paper (what its document holds) and one per corpus (papers, order and edges). */
public final class Fingerprints {

	private Fingerprints() {
	}

	/** A hash of every field of a paper that goes into its document. */
	public static String paperHash(Paper p) {
		MessageDigest md = sha256();
		update(md, PaperFields.SCHEMA_VERSION);
		update(md, p.id());
		update(md, p.title());
		update(md, p.abstractText().orElse(null));
		for (Author a : p.authors()) {
			update(md, a.given());
			update(md, a.family());
		}
		update(md, "|"); //$NON-NLS-1$
		update(md, p.venue().orElse(null));
		update(md, p.year().map(String::valueOf).orElse(null));
		update(md, p.ids().arxiv());
		update(md, p.ids().doi());
		update(md, p.ids().citeKey());
		update(md, p.isReferenceOnly() ? "r" : "f"); //$NON-NLS-1$ //$NON-NLS-2$
		return HexFormat.of().formatHex(md.digest(), 0, 16);
	}

	/** The fingerprint of a corpus given its paper hashes (in corpus order) and its citations. */
	public static String corpusFingerprint(List<String> paperHashes, List<Citation> citations) {
		MessageDigest md = sha256();
		update(md, PaperFields.SCHEMA_VERSION);
		paperHashes.forEach(h -> update(md, h));
		update(md, "edges"); //$NON-NLS-1$
		for (Citation c : citations) {
			update(md, c.citing());
			update(md, c.cited());
			update(md, c.kind().name());
		}
		return HexFormat.of().formatHex(md.digest());
	}

	/** {@link #corpusFingerprint(List, List)} of a corpus. */
	public static String of(ICorpus corpus) {
		return corpusFingerprint(corpus.papers().stream().map(Fingerprints::paperHash).toList(), corpus.citations());
	}

	private static void update(MessageDigest md, String s) {
		if (s == null) {
			md.update((byte) 0);
		} else {
			md.update(s.getBytes(StandardCharsets.UTF_8));
			md.update((byte) 1);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256"); //$NON-NLS-1$
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
