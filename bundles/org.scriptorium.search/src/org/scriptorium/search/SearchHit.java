package org.scriptorium.search;

import java.util.List;

/**
 * One ranked paper.
 *
 * @param rank        1-based rank
 * @param paperId     the paper's id in the corpus
 * @param title       the title
 * @param authors     display names
 * @param year        the year, or {@code null}
 * @param venue       the venue, or {@code null}
 * @param score       the ranking score
 * @param snippet     highlighted text with {@code <b>…</b>} around matches, or {@code null}
 * @param explanation why this rank, or {@code null} when not requested
 */
public record SearchHit(int rank, String paperId, String title, List<String> authors, Integer year, String venue,
		double score, String snippet, HitExplanation explanation) {
}
