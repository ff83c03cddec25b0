package org.scriptorium.core.internal.io;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.Citation;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;
import org.scriptorium.core.model.Provenance;
import org.scriptorium.core.model.Reference;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

/**
 * One paper as one JSON object of the corpus file format (docs/corpus-format.md), written in a stable field order and
 * read with Gson's streaming reader (unknown fields are skipped).
 */
public final class PaperJson {

	/**
	 * The schema version this code writes and the highest it reads. Version 2 added the bibliographic part
	 * ({@code type}, {@code names}, {@code fields}, {@code incomplete}); version 1 files are read as they are and
	 * written as version 2 when saved.
	 */
	public static final int SCHEMA_VERSION = 2;
	public static final String FORMAT_NAME = "scriptorium-corpus"; //$NON-NLS-1$

	private PaperJson() {
	}

	// ---------------------------------------------------------------- writing

	public static void write(JsonWriter w, Paper p) throws IOException {
		w.beginObject();
		w.name("id").value(p.id()); //$NON-NLS-1$
		w.name("title").value(p.title()); //$NON-NLS-1$
		if (p.isIncomplete()) {
			w.name("incomplete").value(true); //$NON-NLS-1$
		}
		if (p.type().isPresent()) {
			w.name("type").value(p.type().get()); //$NON-NLS-1$
		}
		writeAuthors(w, p.authors());
		if (p.year().isPresent()) {
			w.name("year").value(p.year().get()); //$NON-NLS-1$
		}
		if (p.venue().isPresent()) {
			w.name("venue").value(p.venue().get()); //$NON-NLS-1$
		}
		writeIds(w, p.ids());
		if (p.abstractText().isPresent()) {
			w.name("abstract").value(p.abstractText().get()); //$NON-NLS-1$
		}
		writeStrings(w, "keywords", p.keywords()); //$NON-NLS-1$
		writeStrings(w, "urls", p.urls()); //$NON-NLS-1$
		if (!p.names().isEmpty()) {
			w.name("names").beginObject(); //$NON-NLS-1$
			for (Map.Entry<String, List<Author>> e : p.names().entrySet()) {
				w.name(e.getKey());
				writeAuthorList(w, e.getValue());
			}
			w.endObject();
		}
		if (!p.fields().isEmpty()) {
			w.name("fields").beginObject(); //$NON-NLS-1$
			for (Map.Entry<String, String> e : p.fields().entrySet()) {
				w.name(e.getKey()).value(e.getValue());
			}
			w.endObject();
		}
		if (p.isReferenceOnly()) {
			w.name("referenceOnly").value(true); //$NON-NLS-1$
		}
		if (!p.references().isEmpty()) {
			w.name("references").beginArray(); //$NON-NLS-1$
			for (Reference r : p.references()) {
				writeReference(w, r);
			}
			w.endArray();
		}
		writeProvenance(w, p.provenance());
		w.endObject();
	}

	private static void writeReference(JsonWriter w, Reference r) throws IOException {
		w.beginObject();
		if (r.targetId() != null) {
			w.name("target").value(r.targetId()); //$NON-NLS-1$
		}
		if (r.kind() == Citation.Kind.SURVEY_LIST) {
			w.name("kind").value("survey-list"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (r.title() != null) {
			w.name("title").value(r.title()); //$NON-NLS-1$
		}
		writeAuthors(w, r.authors());
		if (r.year() != null) {
			w.name("year").value(r.year()); //$NON-NLS-1$
		}
		if (r.venue() != null) {
			w.name("venue").value(r.venue()); //$NON-NLS-1$
		}
		writeIds(w, r.ids());
		if (r.raw() != null) {
			w.name("raw").value(r.raw()); //$NON-NLS-1$
		}
		writeStrings(w, "contexts", r.contexts()); //$NON-NLS-1$
		writeStrings(w, "intents", r.intents()); //$NON-NLS-1$
		w.endObject();
	}

	private static void writeAuthors(JsonWriter w, List<Author> authors) throws IOException {
		if (authors.isEmpty()) {
			return;
		}
		w.name("authors"); //$NON-NLS-1$
		writeAuthorList(w, authors);
	}

	private static void writeAuthorList(JsonWriter w, List<Author> authors) throws IOException {
		w.beginArray();
		for (Author a : authors) {
			w.beginObject();
			if (!a.given().isEmpty()) {
				w.name("given").value(a.given()); //$NON-NLS-1$
			}
			w.name("family").value(a.family()); //$NON-NLS-1$
			w.endObject();
		}
		w.endArray();
	}

	private static void writeIds(JsonWriter w, PaperIds ids) throws IOException {
		if (ids.equals(PaperIds.NONE)) {
			return;
		}
		w.name("ids").beginObject(); //$NON-NLS-1$
		opt(w, "arxiv", ids.arxiv()); //$NON-NLS-1$
		opt(w, "doi", ids.doi()); //$NON-NLS-1$
		opt(w, "semanticScholar", ids.semanticScholar()); //$NON-NLS-1$
		opt(w, "openAlex", ids.openAlex()); //$NON-NLS-1$
		opt(w, "pubmed", ids.pubmed()); //$NON-NLS-1$
		opt(w, "citeKey", ids.citeKey()); //$NON-NLS-1$
		w.endObject();
	}

	private static void writeProvenance(JsonWriter w, Map<String, Provenance> provenance) throws IOException {
		if (provenance.isEmpty()) {
			return;
		}
		// grouped by source, in field order: [{"source":..,"time":..,"fields":[..]}]
		Map<Provenance, List<String>> bySource = new LinkedHashMap<>();
		for (String field : Paper.FIELDS) {
			Provenance p = provenance.get(field);
			if (p != null) {
				bySource.computeIfAbsent(p, k -> new ArrayList<>()).add(field);
			}
		}
		w.name("provenance").beginArray(); //$NON-NLS-1$
		for (Map.Entry<Provenance, List<String>> e : bySource.entrySet()) {
			w.beginObject();
			w.name("source").value(e.getKey().source()); //$NON-NLS-1$
			if (e.getKey().time() != null) {
				w.name("time").value(e.getKey().time().toString()); //$NON-NLS-1$
			}
			writeStrings(w, "fields", e.getValue()); //$NON-NLS-1$
			w.endObject();
		}
		w.endArray();
	}

	private static void writeStrings(JsonWriter w, String name, List<String> values) throws IOException {
		if (values.isEmpty()) {
			return;
		}
		w.name(name).beginArray();
		for (String v : values) {
			w.value(v);
		}
		w.endArray();
	}

	private static void opt(JsonWriter w, String name, String value) throws IOException {
		if (value != null) {
			w.name(name).value(value);
		}
	}

	// ---------------------------------------------------------------- reading

	/** A record that is valid JSON but not a valid paper. */
	public static final class BadRecordException extends Exception {
		private static final long serialVersionUID = 1L;

		public BadRecordException(String message) {
			super(message);
		}
	}

	/** Reads one paper object; the reader must be positioned before its {@code BEGIN_OBJECT}. */
	public static Paper read(JsonReader r) throws IOException, BadRecordException {
		String id = null;
		String title = null;
		List<Author> authors = List.of();
		Integer year = null;
		String venue = null;
		PaperIds ids = PaperIds.NONE;
		String abstractText = null;
		List<String> keywords = List.of();
		List<String> urls = List.of();
		boolean referenceOnly = false;
		List<Reference> references = List.of();
		Map<String, Provenance> provenance = Map.of();
		boolean incomplete = false;
		String type = null;
		Map<String, List<Author>> names = Map.of();
		Map<String, String> fields = Map.of();
		expect(r, JsonToken.BEGIN_OBJECT, "a paper must be a JSON object"); //$NON-NLS-1$
		r.beginObject();
		while (r.hasNext()) {
			String name = r.nextName();
			switch (name) {
				case "id" -> id = string(r, name); //$NON-NLS-1$
				case "title" -> title = string(r, name); //$NON-NLS-1$
				case "authors" -> authors = readAuthors(r); //$NON-NLS-1$
				case "year" -> year = integer(r, name); //$NON-NLS-1$
				case "venue" -> venue = string(r, name); //$NON-NLS-1$
				case "ids" -> ids = readIds(r); //$NON-NLS-1$
				case "abstract" -> abstractText = string(r, name); //$NON-NLS-1$
				case "keywords" -> keywords = strings(r, name); //$NON-NLS-1$
				case "urls" -> urls = strings(r, name); //$NON-NLS-1$
				case "referenceOnly" -> referenceOnly = bool(r, name); //$NON-NLS-1$
				case "references" -> references = readReferences(r); //$NON-NLS-1$
				case "provenance" -> provenance = readProvenance(r); //$NON-NLS-1$
				case "incomplete" -> incomplete = bool(r, name); //$NON-NLS-1$
				case "type" -> type = string(r, name); //$NON-NLS-1$
				case "names" -> names = readNames(r); //$NON-NLS-1$
				case "fields" -> fields = readFields(r); //$NON-NLS-1$
				default -> r.skipValue();
			}
		}
		r.endObject();
		if (id == null || id.isBlank()) {
			throw new BadRecordException("the paper has no \"id\""); //$NON-NLS-1$
		}
		if (incomplete && title != null && title.isBlank()) {
			title = ""; //$NON-NLS-1$
		} else if (title == null || title.isBlank()) {
			throw new BadRecordException("the paper \"" + id + "\" has no \"title\""); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return Paper.builder(id, title).authors(authors).year(year).venue(venue).ids(ids).abstractText(abstractText)
				.keywords(keywords).urls(urls).referenceOnly(referenceOnly).references(references)
				.provenance(provenance).type(type).names(names).fields(fields).build();
	}

	private static Map<String, List<Author>> readNames(JsonReader r) throws IOException, BadRecordException {
		expect(r, JsonToken.BEGIN_OBJECT, "\"names\" must be an object of name lists"); //$NON-NLS-1$
		Map<String, List<Author>> out = new LinkedHashMap<>();
		r.beginObject();
		while (r.hasNext()) {
			String role = r.nextName();
			out.put(role, readAuthors(r));
		}
		r.endObject();
		return out;
	}

	private static Map<String, String> readFields(JsonReader r) throws IOException, BadRecordException {
		expect(r, JsonToken.BEGIN_OBJECT, "\"fields\" must be an object of texts"); //$NON-NLS-1$
		Map<String, String> out = new LinkedHashMap<>();
		r.beginObject();
		while (r.hasNext()) {
			String name = r.nextName();
			String v = string(r, name);
			if (v != null) {
				out.put(name, v);
			}
		}
		r.endObject();
		return out;
	}

	private static List<Reference> readReferences(JsonReader r) throws IOException, BadRecordException {
		expect(r, JsonToken.BEGIN_ARRAY, "\"references\" must be a list"); //$NON-NLS-1$
		List<Reference> out = new ArrayList<>();
		r.beginArray();
		while (r.hasNext()) {
			expect(r, JsonToken.BEGIN_OBJECT, "each reference must be a JSON object"); //$NON-NLS-1$
			String target = null, title = null, venue = null, raw = null;
			List<Author> authors = List.of();
			Integer year = null;
			PaperIds ids = PaperIds.NONE;
			Citation.Kind kind = Citation.Kind.REFERENCE_LIST;
			List<String> contexts = List.of(), intents = List.of();
			r.beginObject();
			while (r.hasNext()) {
				String name = r.nextName();
				switch (name) {
					case "target" -> target = string(r, name); //$NON-NLS-1$
					case "kind" -> kind = kind(string(r, name)); //$NON-NLS-1$
					case "title" -> title = string(r, name); //$NON-NLS-1$
					case "authors" -> authors = readAuthors(r); //$NON-NLS-1$
					case "year" -> year = integer(r, name); //$NON-NLS-1$
					case "venue" -> venue = string(r, name); //$NON-NLS-1$
					case "ids" -> ids = readIds(r); //$NON-NLS-1$
					case "raw" -> raw = string(r, name); //$NON-NLS-1$
					case "contexts" -> contexts = strings(r, name); //$NON-NLS-1$
					case "intents" -> intents = strings(r, name); //$NON-NLS-1$
					default -> r.skipValue();
				}
			}
			r.endObject();
			if (target == null && title == null && raw == null && ids.equals(PaperIds.NONE)) {
				throw new BadRecordException("a reference has neither a target, a title, a raw text nor an id"); //$NON-NLS-1$
			}
			out.add(new Reference(target, ids, title, authors, year, venue, raw, kind, contexts, intents));
		}
		r.endArray();
		return out;
	}

	private static Citation.Kind kind(String s) throws BadRecordException {
		if (s == null || s.equals("reference-list")) { //$NON-NLS-1$
			return Citation.Kind.REFERENCE_LIST;
		}
		if (s.equals("survey-list")) { //$NON-NLS-1$
			return Citation.Kind.SURVEY_LIST;
		}
		throw new BadRecordException("unknown reference kind \"" + s + "\" (expected reference-list or survey-list)"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static List<Author> readAuthors(JsonReader r) throws IOException, BadRecordException {
		expect(r, JsonToken.BEGIN_ARRAY, "\"authors\" must be a list"); //$NON-NLS-1$
		List<Author> out = new ArrayList<>();
		r.beginArray();
		while (r.hasNext()) {
			if (r.peek() == JsonToken.STRING) {
				String n = r.nextString();
				if (!n.isBlank()) {
					out.add(Author.parse(n));
				}
				continue;
			}
			expect(r, JsonToken.BEGIN_OBJECT, "each author must be an object {\"given\", \"family\"} or a name"); //$NON-NLS-1$
			String given = null, family = null;
			r.beginObject();
			while (r.hasNext()) {
				String name = r.nextName();
				switch (name) {
					case "given" -> given = string(r, name); //$NON-NLS-1$
					case "family" -> family = string(r, name); //$NON-NLS-1$
					default -> r.skipValue();
				}
			}
			r.endObject();
			if (family == null || family.isBlank()) {
				throw new BadRecordException("an author has no \"family\" name"); //$NON-NLS-1$
			}
			out.add(new Author(given, family));
		}
		r.endArray();
		return out;
	}

	private static PaperIds readIds(JsonReader r) throws IOException, BadRecordException {
		expect(r, JsonToken.BEGIN_OBJECT, "\"ids\" must be an object"); //$NON-NLS-1$
		String arxiv = null, doi = null, s2 = null, openAlex = null, pubmed = null, citeKey = null;
		r.beginObject();
		while (r.hasNext()) {
			String name = r.nextName();
			switch (name) {
				case "arxiv" -> arxiv = string(r, name); //$NON-NLS-1$
				case "doi" -> doi = string(r, name); //$NON-NLS-1$
				case "semanticScholar" -> s2 = string(r, name); //$NON-NLS-1$
				case "openAlex" -> openAlex = string(r, name); //$NON-NLS-1$
				case "pubmed" -> pubmed = string(r, name); //$NON-NLS-1$
				case "citeKey" -> citeKey = string(r, name); //$NON-NLS-1$
				default -> r.skipValue();
			}
		}
		r.endObject();
		return new PaperIds(arxiv, doi, s2, openAlex, pubmed, citeKey);
	}

	private static Map<String, Provenance> readProvenance(JsonReader r) throws IOException, BadRecordException {
		expect(r, JsonToken.BEGIN_ARRAY, "\"provenance\" must be a list"); //$NON-NLS-1$
		Map<String, Provenance> out = new LinkedHashMap<>();
		r.beginArray();
		while (r.hasNext()) {
			expect(r, JsonToken.BEGIN_OBJECT, "each provenance entry must be an object"); //$NON-NLS-1$
			String source = null, time = null;
			List<String> fields = List.of();
			r.beginObject();
			while (r.hasNext()) {
				String name = r.nextName();
				switch (name) {
					case "source" -> source = string(r, name); //$NON-NLS-1$
					case "time" -> time = string(r, name); //$NON-NLS-1$
					case "fields" -> fields = strings(r, name); //$NON-NLS-1$
					default -> r.skipValue();
				}
			}
			r.endObject();
			if (source == null) {
				throw new BadRecordException("a provenance entry has no \"source\""); //$NON-NLS-1$
			}
			Instant at;
			try {
				at = time == null ? null : Instant.parse(time);
			} catch (DateTimeParseException e) {
				throw new BadRecordException("provenance time \"" + time + "\" is not an ISO-8601 instant"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			Provenance p = new Provenance(source, at);
			fields.forEach(f -> out.put(f, p));
		}
		r.endArray();
		return out;
	}

	private static void expect(JsonReader r, JsonToken token, String message) throws IOException, BadRecordException {
		if (r.peek() != token) {
			throw new BadRecordException(message);
		}
	}

	private static String string(JsonReader r, String name) throws IOException, BadRecordException {
		JsonToken t = r.peek();
		if (t == JsonToken.NULL) {
			r.nextNull();
			return null;
		}
		if (t != JsonToken.STRING && t != JsonToken.NUMBER) {
			throw new BadRecordException("\"" + name + "\" must be a text"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return r.nextString();
	}

	private static Integer integer(JsonReader r, String name) throws IOException, BadRecordException {
		JsonToken t = r.peek();
		if (t == JsonToken.NULL) {
			r.nextNull();
			return null;
		}
		if (t != JsonToken.NUMBER) {
			throw new BadRecordException("\"" + name + "\" must be a whole number"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		try {
			return r.nextInt();
		} catch (NumberFormatException e) {
			throw new BadRecordException("\"" + name + "\" must be a whole number"); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	private static boolean bool(JsonReader r, String name) throws IOException, BadRecordException {
		if (r.peek() != JsonToken.BOOLEAN) {
			throw new BadRecordException("\"" + name + "\" must be true or false"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return r.nextBoolean();
	}

	private static List<String> strings(JsonReader r, String name) throws IOException, BadRecordException {
		expect(r, JsonToken.BEGIN_ARRAY, "\"" + name + "\" must be a list of texts"); //$NON-NLS-1$ //$NON-NLS-2$
		List<String> out = new ArrayList<>();
		r.beginArray();
		while (r.hasNext()) {
			String s = string(r, name);
			if (s != null) {
				out.add(s);
			}
		}
		r.endArray();
		return out;
	}
}
