package org.scriptorium.core.internal.io;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.EntryTypes;
import org.scriptorium.core.model.Paper;

/**
 * Writes BibTeX in UTF-8 with a stable entry shape: the paper's own entry type, else {@code @inproceedings} for a
 * conference venue, {@code @article} for another venue, {@code @misc} (with the arXiv eprint) without one; fields in
 * the order author, title, journal/booktitle, year, doi, eprint, archivePrefix, pmid, url (url2, ... for more),
 * keywords, abstract, the other name lists, then every other field in its order.
 */
public final class BibtexWriter {

	private static final Pattern CONFERENCE = Pattern.compile(
			"(?i).*(proceedings|conference|workshop|symposium|\\b(neurips|nips|icml|iclr|acl|emnlp|naacl|eacl|coling|cvpr|iccv|eccv|aaai|ijcai|kdd|sigir|www|wsdm|cikm|mlsys|ppopp|osdi|sosp|nsdi|interspeech|icassp|aistats|uai|colt|conll|findings|lrec|sigmod|vldb)\\b).*"); //$NON-NLS-1$

	private BibtexWriter() {
	}

	/**
	 * Writes the papers with unique cite keys ({@link CiteKeys#assign}), after the {@code @preamble}s they keep (each
	 * distinct one once, in the order read).
	 */
	public static void write(List<Paper> papers, Writer out) throws IOException {
		write(papers, out, FieldLog.NONE);
	}

	/** Writes the papers as {@link #write(List, Writer)} does, telling {@code log} where each part went. */
	public static void write(List<Paper> papers, Writer out, FieldLog log) throws IOException {
		java.util.Set<String> preambles = new java.util.LinkedHashSet<>();
		for (Paper p : papers) {
			p.fields().forEach((name, value) -> {
				if (isPreamble(name)) {
					preambles.add(value);
				}
			});
		}
		for (String preamble : preambles) {
			out.write("@preamble{{" + preamble + "}}\n\n"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		List<String> keys = CiteKeys.assign(papers);
		for (int i = 0; i < papers.size(); i++) {
			if (i > 0) {
				out.write('\n');
			}
			out.write(entry(papers.get(i), keys.get(i), log));
		}
	}

	/** Whether a field keeps a {@code @preamble} ({@link BibtexReader#PREAMBLE}, {@code @preamble-2}, ...). */
	static boolean isPreamble(String field) {
		return field.equals(BibtexReader.PREAMBLE)
				|| field.startsWith(BibtexReader.PREAMBLE + '-')
						&& field.substring(10).chars().allMatch(Character::isDigit);
	}

	/** One entry, ending with a line break. */
	public static String entry(Paper p, String key) {
		return entry(p, key, FieldLog.NONE);
	}

	/** One entry, ending with a line break, telling {@code log} where each part of the paper went. */
	public static String entry(Paper p, String key, FieldLog log) {
		String venue = p.venue().orElse(null);
		String type = p.type().orElse(null);
		String venueField;
		if (type == null) { // a paper without a type (from arXiv, a listing...): the venue tells
			boolean conference = venue != null && isConference(venue);
			type = venue == null ? "misc" : conference ? "inproceedings" : "article"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			venueField = conference ? "booktitle" : "journal"; //$NON-NLS-1$ //$NON-NLS-2$
		} else {
			venueField = EntryTypes.hasBooktitle(type) ? "booktitle" : "journal"; //$NON-NLS-1$ //$NON-NLS-2$
		}
		Map<String, String> fields = p.fields();
		StringBuilder b = new StringBuilder();
		b.append('@').append(type).append('{').append(key).append(",\n"); //$NON-NLS-1$
		if (p.type().isPresent()) {
			log.wrote(FieldLog.TYPE, "@" + type, true); //$NON-NLS-1$
		}
		if (p.ids().citeKey() != null) {
			log.wrote(FieldLog.CITE_KEY, "entry key", true); //$NON-NLS-1$
		}
		if (!p.authors().isEmpty()) {
			field(b, log, FieldLog.AUTHOR, "author", names(p, "author", p.authors())); //$NON-NLS-1$
		}
		if (!p.isIncomplete()) {
			field(b, log, FieldLog.TITLE, "title", title(p.title())); //$NON-NLS-1$
		}
		if (venue != null) {
			String kept = keptVenueField(venue, fields);
			if (kept != null) {
				log.wrote(FieldLog.VENUE, kept, true);
			} else if (fields.containsKey(venueField)) {
				log.wrote(FieldLog.VENUE, venueField, true);
			} else {
				field(b, log, FieldLog.VENUE, venueField, LaTeXText.toLatex(venue));
			}
		}
		if (!fields.containsKey("year")) { //$NON-NLS-1$
			p.year().ifPresent(y -> field(b, log, FieldLog.YEAR, "year", String.valueOf(y))); //$NON-NLS-1$
		} else if (p.year().isPresent()) {
			log.wrote(FieldLog.YEAR, "year", true); //$NON-NLS-1$
		}
		if (p.ids().doi() != null) {
			field(b, log, FieldLog.DOI, "doi", literal(p.ids().doi())); //$NON-NLS-1$
		}
		if (p.ids().arxiv() != null && !fields.containsKey("eprint")) { //$NON-NLS-1$
			field(b, log, FieldLog.ARXIV, "eprint", verbatim(p.ids().arxiv())); //$NON-NLS-1$
			if (!fields.containsKey("archiveprefix")) { //$NON-NLS-1$
				field(b, "archivePrefix", "arXiv"); //$NON-NLS-1$ //$NON-NLS-2$
			}
		} else if (p.ids().arxiv() != null) {
			log.wrote(FieldLog.ARXIV, "eprint", true); //$NON-NLS-1$
		}
		if (p.ids().pubmed() != null) {
			field(b, log, FieldLog.PUBMED, "pmid", verbatim(p.ids().pubmed())); //$NON-NLS-1$
		}
		for (int i = 0; i < p.urls().size(); i++) {
			String name = i == 0 ? "url" : "url" + (i + 1); //$NON-NLS-1$ //$NON-NLS-2$
			if (!fields.containsKey(name)) {
				field(b, log, FieldLog.URL, name, literal(p.urls().get(i)));
			} else {
				log.wrote(FieldLog.URL, name, true);
			}
		}
		if (!p.keywords().isEmpty()) {
			field(b, log, FieldLog.KEYWORDS, "keywords", //$NON-NLS-1$
					String.join(", ", p.keywords().stream().map(LaTeXText::toLatex).toList())); //$NON-NLS-1$
		}
		p.abstractText().ifPresent(a -> field(b, log, FieldLog.ABSTRACT, "abstract", LaTeXText.toLatex(a))); //$NON-NLS-1$
		for (Map.Entry<String, List<Author>> n : p.names().entrySet()) {
			field(b, log, n.getKey(), n.getKey(), names(p, n.getKey(), n.getValue()));
		}
		for (Map.Entry<String, String> f : fields.entrySet()) {
			String name = fieldName(f.getKey());
			if (name != null && isPreamble(f.getKey())) {
				log.wrote(f.getKey(), "@preamble", true); //$NON-NLS-1$
				continue;
			}
			if (name != null && name.endsWith(BibtexReader.OTHERS_SUFFIX) && (p.names().containsKey(
					name.substring(0, name.length() - BibtexReader.OTHERS_SUFFIX.length())) || name.equals("author:others"))) { //$NON-NLS-1$
				log.wrote(f.getKey(), "and others", true); //$NON-NLS-1$
				continue;
			}
			if (name == null || name.equals("title") || name.equals("author")) { //$NON-NLS-1$ //$NON-NLS-2$
				continue; // not written: the field list says so
			}
			boolean literal = BibtexReader.VERBATIM_FIELDS.contains(name) || name.matches("url\\d+"); //$NON-NLS-1$
			field(b, log, f.getKey(), name, literal ? literal(f.getValue()) : LaTeXText.toLatex(f.getValue()));
		}
		if (b.charAt(b.length() - 2) == ',' && b.charAt(b.length() - 3) != ',' && b.indexOf(" = {") > 0) { //$NON-NLS-1$
			b.setLength(b.length() - 2);
			b.append('\n');
		}
		b.append("}\n"); //$NON-NLS-1$
		return b.toString();
	}

	/** Whether the venue is the value of a field kept as such (journaltitle, school, ...): then it is not repeated. */
	static boolean venueKept(String venue, Map<String, String> fields) {
		return keptVenueField(venue, fields) != null;
	}

	/** The field that keeps the venue as such (journaltitle, school, ...), or null. */
	private static String keptVenueField(String venue, Map<String, String> fields) {
		for (String f : List.of("journal", "journaltitle", "booktitle", "eventtitle", "school", "institution")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			if (venue.equals(fields.get(f))) {
				return f;
			}
		}
		return null;
	}

	/** A field name BibTeX can read: the characters it does not use as syntax; {@code null} if none is left. */
	static String fieldName(String name) {
		String n = name.replaceAll("[\\s=,{}()\"#%@]", ""); //$NON-NLS-1$ //$NON-NLS-2$
		return n.isEmpty() ? null : n;
	}

	/** Whether a venue names a conference, workshop or proceedings (else it is taken for a journal). */
	static boolean isConference(String venue) {
		return CONFERENCE.matcher(venue).matches();
	}

	private static void field(StringBuilder b, FieldLog log, String source, String name, String value) {
		log.wrote(source, name, true);
		field(b, name, value);
	}

	private static void field(StringBuilder b, String name, String value) {
		b.append("  ").append(name).append(" = {").append(value).append("},\n"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	/**
	 * The title in LaTeX, each word with a capital after its first letter ("MoE", "GPT-4") in braces so that
	 * bibliography styles do not lower-case it.
	 */
	static String title(String title) {
		StringBuilder b = new StringBuilder();
		for (String word : title.split(" ", -1)) { //$NON-NLS-1$
			if (b.length() > 0) {
				b.append(' ');
			}
			int from = 0;
			int to = word.length();
			while (from < to && !Character.isLetterOrDigit(word.charAt(from))) {
				from++;
			}
			while (to > from && !Character.isLetterOrDigit(word.charAt(to - 1))) {
				to--;
			}
			boolean protect = false;
			for (int i = from + 1; i < to; i++) {
				if (Character.isUpperCase(word.charAt(i))) {
					protect = true;
					break;
				}
			}
			if (protect) {
				b.append(LaTeXText.toLatex(word.substring(0, from))).append('{')
						.append(LaTeXText.toLatex(word.substring(from, to))).append('}')
						.append(LaTeXText.toLatex(word.substring(to)));
			} else {
				b.append(LaTeXText.toLatex(word));
			}
		}
		return b.toString();
	}

	/** A name list, with {@code and others} when the source ended it so. */
	private static String names(Paper p, String role, List<Author> list) {
		String s = BibtexNames.format(list);
		return p.fields().containsKey(role + BibtexReader.OTHERS_SUFFIX) ? s + " and others" : s; //$NON-NLS-1$
	}

	/**
	 * A verbatim field (a path, a key, an identifier) as written: unchanged when its braces balance and no backslash
	 * escapes a brace or ends it, else as {@link #verbatim(String)} writes identifiers.
	 */
	static String literal(String s) {
		int depth = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '\\' && (i + 1 == s.length() || s.charAt(i + 1) == '{' || s.charAt(i + 1) == '}')) {
				return verbatim(s);
			}
			if (c == '{') {
				depth++;
			} else if (c == '}' && --depth < 0) {
				return verbatim(s);
			}
		}
		return depth == 0 ? s : verbatim(s);
	}

	/** Identifiers and URLs go out literally; braces that would unbalance the value are percent-encoded. */
	private static String verbatim(String s) {
		return s.replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
	}
}
