package org.scriptorium.core.io;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.scriptorium.core.internal.io.BibtexWriter;
import org.scriptorium.core.internal.io.CslJsonWriter;
import org.scriptorium.core.internal.io.FieldLog;
import org.scriptorium.core.internal.io.RisWriter;
import org.scriptorium.core.model.Paper;

import com.google.gson.stream.JsonWriter;

/**
 * What an export writes of each part of the papers, as the format's real writer reports it while writing them: the
 * fields, how many papers have each, what each is written as, and what the format cannot carry (written in a
 * convention only Scriptorium and Better BibTeX read back, or not written at all). The export wizard lists it before
 * Finish, so that nothing is lost silently.
 */
public final class ExportFields {

	/** How a part of a paper reaches the file. */
	public enum Carried {
		/** In a field, tag or variable of the format's own. */
		STANDARD,
		/**
		 * In the format's place for everything else (CSL-JSON's {@code custom}, a RIS {@code N1 - tex.name: value}
		 * note): Scriptorium reads it back, other programs show it as a note or ignore it.
		 */
		EXTRA,
		/** Not in the file. */
		NOT_WRITTEN
	}

	/**
	 * One line of the list.
	 *
	 * @param field     the part of the paper: {@code title}, {@code author}, {@code DOI}, a name role such as
	 *                  {@code editor}, or a field name such as {@code pages}
	 * @param papers    how many of the papers have it and are written this way
	 * @param writtenAs the format's field, tag or variable ({@code SP, EP}, {@code custom.x-shelf}); empty when
	 *                  {@link Carried#NOT_WRITTEN}
	 * @param carried   how it is carried
	 */
	public record Row(String field, int papers, String writtenAs, Carried carried) {
	}

	private ExportFields() {
	}

	/**
	 * The list for {@code papers} written in {@code format} (one of {@link Exporter#supportedFormats()}): every part
	 * the papers have, in the order first met, the parts that are not written first, then those written only as extra
	 * data, then the others.
	 *
	 * @param cancelled polled between papers
	 * @throws CancellationException if {@code cancelled} says so
	 */
	public static List<Row> of(List<Paper> papers, Format format, BooleanSupplier cancelled) {
		Map<List<Object>, int[]> counts = new LinkedHashMap<>();
		Writer nowhere = Writer.nullWriter();
		JsonWriter json = new JsonWriter(nowhere);
		try {
			json.beginArray();
			for (Paper p : papers) {
				if (cancelled.getAsBoolean()) {
					throw new CancellationException();
				}
				Map<String, List<Object>> written = new LinkedHashMap<>();
				FieldLog log = (source, target, standard) -> written.merge(source,
						List.of(source, target, standard ? Carried.STANDARD : Carried.EXTRA), (a, b) -> merge(a, b));
				switch (format) {
					case JSONL -> parts(p).forEach(part -> log.wrote(part, part, true));
					case BIBTEX -> BibtexWriter.entry(p, "key", log); //$NON-NLS-1$
					case CSL_JSON -> CslJsonWriter.item(json, p, log);
					case RIS -> RisWriter.write(List.of(p), nowhere, log);
					default -> throw new IllegalArgumentException(
							"Scriptorium cannot write " + format.displayName()); //$NON-NLS-1$
				}
				for (String part : parts(p)) {
					List<Object> key = written.getOrDefault(part, List.of(part, "", Carried.NOT_WRITTEN)); //$NON-NLS-1$
					counts.computeIfAbsent(key, k -> new int[1])[0]++;
				}
			}
		} catch (IOException e) {
			throw new IllegalStateException(e); // the null writer does not fail
		}
		List<Row> rows = new ArrayList<>();
		for (Carried c : List.of(Carried.NOT_WRITTEN, Carried.EXTRA, Carried.STANDARD)) {
			counts.forEach((k, n) -> {
				if (k.get(2) == c) {
					rows.add(new Row((String) k.get(0), n[0], (String) k.get(1), c));
				}
			});
		}
		return rows;
	}

	/** A part written in two places (the first URL as {@code URL}, the second in {@code custom}): both named. */
	private static List<Object> merge(List<Object> a, List<Object> b) {
		if (a.get(1).equals(b.get(1))) {
			return a;
		}
		Carried carried = a.get(2) == Carried.STANDARD && b.get(2) == Carried.STANDARD ? Carried.STANDARD
				: Carried.EXTRA;
		Set<String> targets = new LinkedHashSet<>(List.of(((String) a.get(1)).split(", "))); //$NON-NLS-1$
		targets.add((String) b.get(1));
		return List.of(a.get(0), String.join(", ", targets), carried); //$NON-NLS-1$
	}

	/** The parts a paper has, named as {@link Row#field()} names them. */
	static Set<String> parts(Paper p) {
		Set<String> parts = new LinkedHashSet<>();
		p.type().ifPresent(t -> parts.add(FieldLog.TYPE));
		if (p.ids().citeKey() != null) {
			parts.add(FieldLog.CITE_KEY);
		}
		if (!p.isIncomplete()) {
			parts.add(FieldLog.TITLE);
		}
		if (!p.authors().isEmpty()) {
			parts.add(FieldLog.AUTHOR);
		}
		p.year().ifPresent(y -> parts.add(FieldLog.YEAR));
		p.venue().ifPresent(v -> parts.add(FieldLog.VENUE));
		add(parts, p.ids().doi(), FieldLog.DOI);
		add(parts, p.ids().arxiv(), FieldLog.ARXIV);
		add(parts, p.ids().pubmed(), FieldLog.PUBMED);
		add(parts, p.ids().semanticScholar(), FieldLog.SEMANTIC_SCHOLAR);
		add(parts, p.ids().openAlex(), FieldLog.OPENALEX);
		if (!p.urls().isEmpty()) {
			parts.add(FieldLog.URL);
		}
		if (!p.keywords().isEmpty()) {
			parts.add(FieldLog.KEYWORDS);
		}
		p.abstractText().ifPresent(a -> parts.add(FieldLog.ABSTRACT));
		parts.addAll(p.names().keySet());
		parts.addAll(p.fields().keySet());
		if (!p.references().isEmpty()) {
			parts.add(FieldLog.REFERENCES);
		}
		return parts;
	}

	private static void add(Set<String> parts, String value, String part) {
		if (value != null) {
			parts.add(part);
		}
	}
}
