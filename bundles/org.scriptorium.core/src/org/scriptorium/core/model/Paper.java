package org.scriptorium.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable paper of a corpus. A <em>reference-only</em> paper is known only from someone's reference list (no
 * abstract); it is a first-class node that can be found, shown and counted like any other.
 *
 * @noextend This class is not intended to be subclassed by clients.
 */
public final class Paper {

	private final String id;
	private final String title;
	private final List<Author> authors;
	private final Integer year;
	private final String venue;
	private final PaperIds ids;
	private final String abstractText;
	private final List<String> keywords;
	private final List<String> urls;
	private final boolean referenceOnly;

	private Paper(Builder b) {
		this.id = Objects.requireNonNull(b.id, "id"); //$NON-NLS-1$
		this.title = Objects.requireNonNull(b.title, "title"); //$NON-NLS-1$
		this.authors = List.copyOf(b.authors);
		this.year = b.year;
		this.venue = b.venue;
		this.ids = b.ids;
		this.abstractText = b.abstractText;
		this.keywords = List.copyOf(b.keywords);
		this.urls = List.copyOf(b.urls);
		this.referenceOnly = b.referenceOnly;
	}

	/** The stable id of this paper within its corpus (see {@link PaperKey}). */
	public String id() {
		return id;
	}

	public String title() {
		return title;
	}

	public List<Author> authors() {
		return authors;
	}

	public Optional<Integer> year() {
		return Optional.ofNullable(year);
	}

	public Optional<String> venue() {
		return Optional.ofNullable(venue);
	}

	public PaperIds ids() {
		return ids;
	}

	public Optional<String> abstractText() {
		return Optional.ofNullable(abstractText);
	}

	public List<String> keywords() {
		return keywords;
	}

	public List<String> urls() {
		return urls;
	}

	/** Whether this paper is known only from a reference list. */
	public boolean isReferenceOnly() {
		return referenceOnly;
	}

	/** The authors as a reader writes them: "A. One, B. Two". */
	public String authorsDisplay() {
		return String.join(", ", authors.stream().map(Author::displayName).toList()); //$NON-NLS-1$
	}

	public Builder toBuilder() {
		return new Builder(id, title).authors(authors).year(year).venue(venue).ids(ids).abstractText(abstractText)
				.keywords(keywords).urls(urls).referenceOnly(referenceOnly);
	}

	public static Builder builder(String id, String title) {
		return new Builder(id, title);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Paper p && id.equals(p.id) && title.equals(p.title) && authors.equals(p.authors)
				&& Objects.equals(year, p.year) && Objects.equals(venue, p.venue) && ids.equals(p.ids)
				&& Objects.equals(abstractText, p.abstractText) && keywords.equals(p.keywords) && urls.equals(p.urls)
				&& referenceOnly == p.referenceOnly;
	}

	@Override
	public int hashCode() {
		return Objects.hash(id, title, year);
	}

	@Override
	public String toString() {
		return id + " \"" + title + "\""; //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** Builds {@link Paper}s; every setter accepts {@code null} for "unknown". */
	public static final class Builder {
		private final String id;
		private final String title;
		private final List<Author> authors = new ArrayList<>();
		private Integer year;
		private String venue;
		private PaperIds ids = PaperIds.NONE;
		private String abstractText;
		private final List<String> keywords = new ArrayList<>();
		private final List<String> urls = new ArrayList<>();
		private boolean referenceOnly;

		private Builder(String id, String title) {
			this.id = id;
			this.title = title == null ? null : title.strip();
		}

		public Builder authors(List<Author> value) {
			authors.clear();
			if (value != null) {
				authors.addAll(value);
			}
			return this;
		}

		public Builder year(Integer value) {
			year = value;
			return this;
		}

		public Builder venue(String value) {
			venue = value == null || value.isBlank() ? null : value.strip();
			return this;
		}

		public Builder ids(PaperIds value) {
			ids = value == null ? PaperIds.NONE : value;
			return this;
		}

		public Builder abstractText(String value) {
			abstractText = value == null || value.isBlank() ? null : value.strip();
			return this;
		}

		public Builder keywords(List<String> value) {
			keywords.clear();
			if (value != null) {
				keywords.addAll(value);
			}
			return this;
		}

		public Builder urls(List<String> value) {
			urls.clear();
			if (value != null) {
				urls.addAll(value);
			}
			return this;
		}

		public Builder referenceOnly(boolean value) {
			referenceOnly = value;
			return this;
		}

		public Paper build() {
			return new Paper(this);
		}
	}
}
