package org.scriptorium.core.internal.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.scriptorium.core.model.PaperIds;
import org.scriptorium.core.model.PaperKey;

/**
 * Finds papers by the keys that identify the same work: arXiv id, DOI, then normalised title with a compatible year
 * (equal, one apart, or unknown on either side). Values are opaque handles (ids or builders).
 *
 * @param <T> the handle type
 */
public final class PaperIndex<T> {

	private final Map<String, T> byArxiv = new HashMap<>();
	private final Map<String, T> byDoi = new HashMap<>();
	private final Map<String, List<Entry<T>>> byTitle = new HashMap<>();

	private record Entry<T>(Integer year, T value) {
	}

	/** Adds the keys of a paper; an existing key keeps its first owner. */
	public void add(PaperIds ids, String title, Integer year, T value) {
		if (ids.arxiv() != null) {
			byArxiv.putIfAbsent(ids.arxiv(), value);
		}
		if (ids.doi() != null) {
			byDoi.putIfAbsent(ids.doi(), value);
		}
		String t = titleKey(title);
		if (t != null) {
			byTitle.computeIfAbsent(t, k -> new ArrayList<>(1)).add(new Entry<>(year, value));
		}
	}

	/** The paper with the same arXiv id, else DOI, else normalised title and a compatible year; or {@code null}. */
	public T find(PaperIds ids, String title, Integer year) {
		if (ids.arxiv() != null && byArxiv.containsKey(ids.arxiv())) {
			return byArxiv.get(ids.arxiv());
		}
		if (ids.doi() != null && byDoi.containsKey(ids.doi())) {
			return byDoi.get(ids.doi());
		}
		String t = titleKey(title);
		if (t == null) {
			return null;
		}
		List<Entry<T>> candidates = byTitle.get(t);
		if (candidates == null) {
			return null;
		}
		for (Entry<T> e : candidates) {
			if (year == null || e.year == null || Math.abs(year - e.year) <= 1) {
				return e.value;
			}
		}
		return null;
	}

	/** Titles shorter than this (normalised) are too generic to identify a paper on their own. */
	private static final int MIN_TITLE_KEY = 12;

	private static String titleKey(String title) {
		if (title == null) {
			return null;
		}
		String t = PaperKey.normalizeTitle(title);
		return t.length() < MIN_TITLE_KEY ? null : t;
	}
}
