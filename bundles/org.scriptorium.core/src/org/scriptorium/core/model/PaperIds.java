package org.scriptorium.core.model;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The external identifiers of a paper. Every component is {@code null} when unknown; values are kept in the
 * normalised form produced by the static helpers ({@link #normalizeDoi(String)}, {@link #normalizeArxiv(String)}).
 */
public record PaperIds(String arxiv, String doi, String semanticScholar, String openAlex, String pubmed,
		String citeKey) {

	public static final PaperIds NONE = new PaperIds(null, null, null, null, null, null);

	public PaperIds {
		arxiv = normalizeArxiv(arxiv);
		doi = normalizeDoi(doi);
		semanticScholar = blankToNull(semanticScholar);
		openAlex = blankToNull(openAlex);
		pubmed = blankToNull(pubmed);
		citeKey = blankToNull(citeKey);
	}

	/** The identifiers that are set, by a short label ("arXiv", "DOI", ...), in a stable order. */
	public Map<String, String> asMap() {
		Map<String, String> m = new LinkedHashMap<>();
		put(m, "arXiv", arxiv); //$NON-NLS-1$
		put(m, "DOI", doi); //$NON-NLS-1$
		put(m, "Semantic Scholar", semanticScholar); //$NON-NLS-1$
		put(m, "OpenAlex", openAlex); //$NON-NLS-1$
		put(m, "PubMed", pubmed); //$NON-NLS-1$
		put(m, "Cite key", citeKey); //$NON-NLS-1$
		return m;
	}

	private static void put(Map<String, String> m, String k, String v) {
		if (v != null) {
			m.put(k, v);
		}
	}

	private static final Pattern DOI_PREFIX = Pattern
			.compile("^(\\s*(doi:|info:doi/|https?://(dx\\.|www\\.)?doi\\.(org|acm\\.org)/|doi\\.org/))+"); //$NON-NLS-1$
	private static final Pattern DOI_IN_TEXT = Pattern.compile("(10\\.\\d{4,9}/\\S+)"); //$NON-NLS-1$
	private static final Pattern ARXIV_PREFIX = Pattern.compile("(?i)^(https?://arxiv\\.org/(abs|pdf)/|arxiv:)"); //$NON-NLS-1$
	private static final Pattern PDF_SUFFIX = Pattern.compile("\\.pdf$"); //$NON-NLS-1$
	private static final Pattern VERSION_SUFFIX = Pattern.compile("v\\d+$"); //$NON-NLS-1$

	/**
	 * Lower-cases a DOI and strips resolver prefixes, also repeated and mixed ones: {@code https://doi.org/},
	 * {@code http://dx.doi.org/}, {@code http://doi.acm.org/}, {@code doi:}, {@code info:doi/} (so
	 * {@code doi:http://doi.acm.org/10.1145/X} is {@code 10.1145/x}); a resolver URL with another path keeps only
	 * the DOI in it.
	 */
	public static String normalizeDoi(String doi) {
		String d = blankToNull(doi);
		if (d == null) {
			return null;
		}
		d = DOI_PREFIX.matcher(d.toLowerCase(Locale.ROOT)).replaceFirst("").strip(); //$NON-NLS-1$
		if (!d.startsWith("10.") && d.matches("(?s).*(doi|https?:).*")) { //$NON-NLS-1$ //$NON-NLS-2$
			java.util.regex.Matcher m = DOI_IN_TEXT.matcher(d);
			if (m.find()) {
				d = m.group(1);
			}
		}
		return d.isEmpty() ? null : d;
	}

	/** Strips {@code arXiv:}, abs/pdf URLs and a version suffix: {@code arXiv:2101.03961v3} becomes {@code 2101.03961}. */
	public static String normalizeArxiv(String id) {
		String a = blankToNull(id);
		if (a == null) {
			return null;
		}
		a = ARXIV_PREFIX.matcher(a).replaceFirst(""); //$NON-NLS-1$
		a = PDF_SUFFIX.matcher(a).replaceFirst(""); //$NON-NLS-1$
		a = VERSION_SUFFIX.matcher(a).replaceFirst(""); //$NON-NLS-1$
		return a.isEmpty() ? null : a;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
