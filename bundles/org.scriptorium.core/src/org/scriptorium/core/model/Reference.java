package org.scriptorium.core.model;

import java.util.List;

/**
 * One entry of a paper's reference list (or of a survey's paper list), as the source gave it. A reference may be
 * resolved to a paper of the corpus ({@link #targetId()}); an unresolved reference becomes a reference-only paper
 * when the corpus is built.
 *
 * @param targetId the id of the cited paper in the corpus, or {@code null} while unresolved
 * @param ids      the identifiers the reference gives (never {@code null})
 * @param title    the cited title, may be {@code null}
 * @param authors  the cited authors, may be empty
 * @param year     the cited year, may be {@code null}
 * @param venue    the cited venue, may be {@code null}
 * @param raw      the reference string as printed, may be {@code null}
 * @param kind     what kind of list the entry comes from
 * @param contexts citation contexts (sentences of the citing paper), may be empty
 * @param intents  citation intents such as "background" or "methodology", may be empty
 */
public record Reference(String targetId, PaperIds ids, String title, List<Author> authors, Integer year,
		String venue, String raw, Citation.Kind kind, List<String> contexts, List<String> intents) {

	public Reference {
		targetId = blankToNull(targetId);
		ids = ids == null ? PaperIds.NONE : ids;
		title = blankToNull(title);
		authors = authors == null ? List.of() : List.copyOf(authors);
		venue = blankToNull(venue);
		raw = blankToNull(raw);
		kind = kind == null ? Citation.Kind.REFERENCE_LIST : kind;
		contexts = contexts == null ? List.of() : List.copyOf(contexts);
		intents = intents == null ? List.of() : List.copyOf(intents);
	}

	/** A reference that points at a known paper id only. */
	public static Reference to(String targetId, Citation.Kind kind) {
		return new Reference(targetId, null, null, null, null, null, null, kind, null, null);
	}

	/** This reference resolved to the paper with the given id. */
	public Reference resolvedTo(String id) {
		return new Reference(id, ids, title, authors, year, venue, raw, kind, contexts, intents);
	}

	/** A short label for messages: the title, else the raw text, else an id. */
	public String label() {
		if (title != null) {
			return title;
		}
		if (raw != null) {
			return raw;
		}
		return targetId != null ? targetId : String.valueOf(ids.asMap());
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
