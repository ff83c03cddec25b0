package org.scriptorium.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable paper of a corpus. A <em>reference-only</em> paper is known only from someone's reference list (no
 * abstract); it is a first-class node that can be found, shown and counted like any other.
 *
 * @noextend This class is not intended to be subclassed by clients.
 */
public final class Paper {

	/** Field names, as used in {@link #provenance()} and in the corpus file format. */
	public static final String TITLE = "title", AUTHORS = "authors", YEAR = "year", VENUE = "venue", IDS = "ids", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			ABSTRACT = "abstract", KEYWORDS = "keywords", URLS = "urls", REFERENCES = "references"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$

	/**
	 * Field names of the bibliographic part: the entry type, the name lists other than the authors (editors,
	 * translators, ...) and every other field of the source.
	 *
	 * @since 0.2
	 */
	public static final String TYPE = "type", NAMES = "names", OTHER_FIELDS = "fields"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	/** The fields that carry provenance, in file order. */
	public static final List<String> FIELDS = List.of(TITLE, AUTHORS, YEAR, VENUE, IDS, ABSTRACT, KEYWORDS, URLS,
			REFERENCES, TYPE, NAMES, OTHER_FIELDS);

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
	private final List<Reference> references;
	private final Map<String, Provenance> provenance;
	private final String type;
	private final Map<String, List<Author>> names;
	private final Map<String, String> fields;

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
		this.references = List.copyOf(b.references);
		this.provenance = b.provenance.isEmpty()
				? Map.of()
				: Collections.unmodifiableMap(new LinkedHashMap<>(b.provenance));
		this.type = b.type;
		Map<String, List<Author>> n = new LinkedHashMap<>();
		b.names.forEach((role, list) -> n.put(role, List.copyOf(list)));
		this.names = n.isEmpty() ? Map.of() : Collections.unmodifiableMap(n);
		this.fields = b.fields.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.fields));
	}

	/**
	 * The entry type as a BibTeX/BibLaTeX type in lower case ({@code article}, {@code inproceedings},
	 * {@code phdthesis}, {@code online}, or any other type the source named), or empty when unknown. See
	 * {@link EntryTypes} for the CSL and RIS types.
	 *
	 * @since 0.2
	 */
	public Optional<String> type() {
		return Optional.ofNullable(type);
	}

	/**
	 * The name lists other than the authors, by role in source order ({@code editor}, {@code translator},
	 * {@code bookauthor}, ... with BibTeX field names; roles of other formats keep their own name).
	 *
	 * @since 0.2
	 */
	public Map<String, List<Author>> names() {
		return names;
	}

	/**
	 * Every other field of the source, in source order, by its BibTeX/BibLaTeX name in lower case ({@code pages},
	 * {@code volume}, {@code publisher}, {@code note}, {@code crossref}, {@code file}, ...) or, for a field of
	 * another format that BibTeX lacks, its own name; values are Unicode text (identifiers and paths verbatim).
	 *
	 * @since 0.2
	 */
	public Map<String, String> fields() {
		return fields;
	}

	/** One of {@link #fields()}, or empty. */
	public Optional<String> field(String name) {
		return Optional.ofNullable(fields.get(name));
	}

	/**
	 * Whether the paper lacks a title: it was imported from an entry without one (and marked so), its {@link #title()}
	 * is empty.
	 *
	 * @since 0.2
	 */
	public boolean isIncomplete() {
		return title.isEmpty();
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

	/** The entries of this paper's reference list (or survey paper list), in source order. */
	public List<Reference> references() {
		return references;
	}

	/** Which source supplied each field ({@link #FIELDS}), and when; fields without a record are absent. */
	public Map<String, Provenance> provenance() {
		return provenance;
	}

	/** The first author's family name, or the empty string. */
	public String firstAuthorFamily() {
		return authors.isEmpty() ? "" : authors.get(0).family(); //$NON-NLS-1$
	}

	/** The authors as a reader writes them: "A. One, B. Two". */
	public String authorsDisplay() {
		return String.join(", ", authors.stream().map(Author::displayName).toList()); //$NON-NLS-1$
	}

	public Builder toBuilder() {
		return toBuilder(id);
	}

	public static Builder builder(String id, String title) {
		return new Builder(id, title);
	}

	/** A builder holding this paper's values under another id. */
	public Builder toBuilder(String newId) {
		return new Builder(newId, title).authors(authors).year(year).venue(venue).ids(ids).abstractText(abstractText)
				.keywords(keywords).urls(urls).referenceOnly(referenceOnly).references(references)
				.provenance(provenance).type(type).names(names).fields(fields);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Paper p && id.equals(p.id) && title.equals(p.title) && authors.equals(p.authors)
				&& Objects.equals(year, p.year) && Objects.equals(venue, p.venue) && ids.equals(p.ids)
				&& Objects.equals(abstractText, p.abstractText) && keywords.equals(p.keywords) && urls.equals(p.urls)
				&& referenceOnly == p.referenceOnly && references.equals(p.references)
				&& provenance.equals(p.provenance) && Objects.equals(type, p.type) && names.equals(p.names)
				&& fields.equals(p.fields);
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
		private final List<Reference> references = new ArrayList<>();
		private final Map<String, Provenance> provenance = new LinkedHashMap<>();
		private String type;
		private final Map<String, List<Author>> names = new LinkedHashMap<>();
		private final Map<String, String> fields = new LinkedHashMap<>();

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

		/** The entry type (see {@link Paper#type()}); stored in lower case. */
		public Builder type(String value) {
			type = EntryTypes.normalize(value);
			return this;
		}

		/** Replaces all name lists other than the authors. */
		public Builder names(Map<String, List<Author>> value) {
			names.clear();
			if (value != null) {
				value.forEach(this::names);
			}
			return this;
		}

		/** Sets one name list ({@code null} or empty removes it). */
		public Builder names(String role, List<Author> value) {
			if (value == null || value.isEmpty()) {
				names.remove(role);
			} else {
				names.put(role, new ArrayList<>(value));
			}
			return this;
		}

		/** Replaces all other fields. */
		public Builder fields(Map<String, String> value) {
			fields.clear();
			if (value != null) {
				value.forEach(this::field);
			}
			return this;
		}

		/** Sets one other field ({@code null} or blank removes it); a field set again keeps its place. */
		public Builder field(String name, String value) {
			if (value == null || value.isBlank()) {
				fields.remove(name);
			} else {
				fields.put(name, value);
			}
			return this;
		}

		public Map<String, String> fields() {
			return fields;
		}

		public Builder referenceOnly(boolean value) {
			referenceOnly = value;
			return this;
		}

		public Builder references(List<Reference> value) {
			references.clear();
			if (value != null) {
				references.addAll(value);
			}
			return this;
		}

		public Builder addReference(Reference value) {
			references.add(Objects.requireNonNull(value));
			return this;
		}

		/** Replaces all provenance records. */
		public Builder provenance(Map<String, Provenance> value) {
			provenance.clear();
			if (value != null) {
				provenance.putAll(value);
			}
			return this;
		}

		/** Records where one field came from ({@code null} removes the record). */
		public Builder provenance(String field, Provenance value) {
			if (value == null) {
				provenance.remove(field);
			} else {
				provenance.put(field, value);
			}
			return this;
		}

		/** Records the same source for every field that has a value. */
		public Builder provenanceForSetFields(Provenance value) {
			provenance.put(TITLE, value);
			putIf(!authors.isEmpty(), AUTHORS, value);
			putIf(year != null, YEAR, value);
			putIf(venue != null, VENUE, value);
			putIf(!ids.equals(PaperIds.NONE), IDS, value);
			putIf(abstractText != null, ABSTRACT, value);
			putIf(!keywords.isEmpty(), KEYWORDS, value);
			putIf(!urls.isEmpty(), URLS, value);
			putIf(!references.isEmpty(), REFERENCES, value);
			putIf(type != null, TYPE, value);
			putIf(!names.isEmpty(), NAMES, value);
			putIf(!fields.isEmpty(), OTHER_FIELDS, value);
			return this;
		}

		private void putIf(boolean condition, String field, Provenance value) {
			if (condition) {
				provenance.put(field, value);
			}
		}

		public String id() {
			return id;
		}

		public String title() {
			return title;
		}

		public PaperIds ids() {
			return ids;
		}

		public Paper build() {
			return new Paper(this);
		}
	}
}
