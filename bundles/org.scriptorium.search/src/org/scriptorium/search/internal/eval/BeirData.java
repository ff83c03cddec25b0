package org.scriptorium.search.internal.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.model.Paper;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/** Reads BEIR files: {@code corpus.jsonl[.gz]}, {@code queries.jsonl}, and a qrels TSV. */
public final class BeirData {

	/** A malformed input file; the message names the file and line. */
	public static final class FormatException extends IOException {
		private static final long serialVersionUID = 1L;

		public FormatException(String message) {
			super(message);
		}
	}

	/** A BEIR query. */
	public record BeirQuery(String id, String text) {
	}

	private BeirData() {
	}

	private static BufferedReader open(Path file) throws IOException {
		InputStream in = Files.newInputStream(file);
		if (file.getFileName().toString().endsWith(".gz")) { //$NON-NLS-1$
			in = new GZIPInputStream(in, 1 << 16);
		}
		return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
	}

	private interface LineHandler {
		void line(JsonObject o, int lineNo) throws FormatException;
	}

	private static void readJsonLines(Path file, LineHandler h) throws IOException {
		try (BufferedReader r = open(file)) {
			String line;
			int no = 0;
			while ((line = r.readLine()) != null) {
				no++;
				if (line.isBlank()) {
					continue;
				}
				JsonElement e;
				try {
					e = JsonParser.parseString(line);
				} catch (JsonParseException ex) {
					throw new FormatException(file + " line " + no + ": not a JSON object (" + ex.getMessage() + ")"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				}
				if (!e.isJsonObject()) {
					throw new FormatException(file + " line " + no + ": not a JSON object"); //$NON-NLS-1$ //$NON-NLS-2$
				}
				h.line(e.getAsJsonObject(), no);
			}
		}
	}

	private static String string(JsonObject o, String key, Path file, int no, boolean required)
			throws FormatException {
		JsonElement e = o.get(key);
		if (e == null || e.isJsonNull()) {
			if (required) {
				throw new FormatException(file + " line " + no + ": the field \"" + key + "\" is missing"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			}
			return ""; //$NON-NLS-1$
		}
		return e.isJsonPrimitive() ? e.getAsString() : e.toString();
	}

	/** A corpus of {@code {"_id","title","text"}} lines; the text becomes the abstract. */
	public static ICorpus corpus(Path file) throws IOException {
		List<Paper> papers = new ArrayList<>();
		readJsonLines(file, (o, no) -> papers.add(Paper
				.builder(string(o, "_id", file, no, true), string(o, "title", file, no, false)) //$NON-NLS-1$ //$NON-NLS-2$
				.abstractText(string(o, "text", file, no, false)).build())); //$NON-NLS-1$
		return ICorpus.of(file.getFileName().toString(), papers, List.of());
	}

	public static List<BeirQuery> queries(Path file) throws IOException {
		List<BeirQuery> out = new ArrayList<>();
		readJsonLines(file, (o, no) -> out.add(new BeirQuery(string(o, "_id", file, no, true), //$NON-NLS-1$
				string(o, "text", file, no, true)))); //$NON-NLS-1$
		return out;
	}

	/** Query id → (doc id → grade); a header line {@code query-id corpus-id score} is skipped. */
	public static Map<String, Map<String, Integer>> qrels(Path file) throws IOException {
		Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
		try (BufferedReader r = open(file)) {
			String line;
			int no = 0;
			while ((line = r.readLine()) != null) {
				no++;
				if (line.isBlank() || no == 1 && line.startsWith("query-id")) { //$NON-NLS-1$
					continue;
				}
				String[] f = line.strip().split("\\s+"); //$NON-NLS-1$
				// BEIR: query corpus score; TREC: query 0 corpus score
				if (f.length != 3 && f.length != 4) {
					throw new FormatException(file + " line " + no + ": expected \"query-id corpus-id score\""); //$NON-NLS-1$ //$NON-NLS-2$
				}
				int grade;
				try {
					grade = Integer.parseInt(f[f.length - 1]);
				} catch (NumberFormatException e) {
					throw new FormatException(file + " line " + no + ": the score \"" + f[f.length - 1] //$NON-NLS-1$ //$NON-NLS-2$
							+ "\" is not an integer"); //$NON-NLS-1$
				}
				out.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[f.length - 2], grade);
			}
		}
		return out;
	}
}
