package org.scriptorium.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scriptorium.core.internal.io.ArxivSnapshotReader;
import org.scriptorium.core.internal.io.AtomFeedReader;
import org.scriptorium.core.internal.io.BibtexReader;
import org.scriptorium.core.internal.io.CslJsonReader;
import org.scriptorium.core.internal.io.FormatDetector;
import org.scriptorium.core.internal.io.FormatReader;
import org.scriptorium.core.internal.io.HfListingReader;
import org.scriptorium.core.internal.io.ImportContext;
import org.scriptorium.core.internal.io.OaiPmhReader;
import org.scriptorium.core.internal.io.OpenAlexReader;
import org.scriptorium.core.internal.io.PaperJson;
import org.scriptorium.core.internal.io.RisReader;
import org.scriptorium.core.internal.io.SemanticScholarReader;
import org.scriptorium.core.internal.io.TextDecoding;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;
import org.scriptorium.core.model.PaperKey;
import org.scriptorium.core.model.Provenance;

/**
 * Imports bibliography files, recognising each file's format by its content (not its name). All-or-nothing by
 * default: one bad record refuses the whole import. Duplicates (same DOI, same arXiv id, or same normalised title,
 * year and first author) are merged into the first paper seen, which keeps the provenance of every field.
 */
public final class Importer {

	/** Files larger than this many characters are refused by the formats that are not read in a stream. */
	public static final long MAX_CHARS = 256L << 20;

	/** A paper that was merged into an earlier one. */
	public record MergedDuplicate(String keptId, String file, int line, String reason) {
		@Override
		public String toString() {
			return file + ":" + line + ": merged into " + keptId + " (" + reason + ")"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		}
	}

	/** The papers read (duplicates merged), the records skipped and the duplicates merged. */
	public record ImportResult(List<Paper> papers, List<ImportProblem> problems, List<MergedDuplicate> merged) {
		public ImportResult {
			papers = List.copyOf(papers);
			problems = List.copyOf(problems);
			merged = List.copyOf(merged);
		}
	}

	private Importer() {
	}

	/** The formats {@link #importFiles} reads. */
	public static List<Format> supportedFormats() {
		return java.util.Arrays.stream(Format.values()).filter(f -> readerFor(f) != null).toList();
	}

	/**
	 * Reads these files.
	 *
	 * @param skipInvalid {@code false}: any problem refuses the whole import; {@code true}: bad records are skipped
	 *                    and listed in the result (a file that cannot be read at all is still refused)
	 * @throws ImportException naming every problem with file, line and what is wrong
	 */
	public static ImportResult importFiles(List<Path> files, boolean skipInvalid) throws ImportException {
		List<ImportProblem> problems = new ArrayList<>();
		List<ImportContext.Read> reads = new ArrayList<>();
		List<String> readFrom = new ArrayList<>();
		boolean fatal = false;
		for (Path file : files) {
			String name = String.valueOf(file.getFileName() == null ? file : file.getFileName());
			ImportContext ctx = new ImportContext(name, new Provenance("import:" + name, Instant.now()), MAX_CHARS); //$NON-NLS-1$
			try {
				readFile(file, ctx);
			} catch (ImportContext.Fatal e) {
				ctx.problem(e.line(), e.column(), e.getMessage());
				fatal = true;
			} catch (NoSuchFileException e) {
				ctx.problem(0, 0, "the file does not exist"); //$NON-NLS-1$
				fatal = true;
			} catch (IOException e) {
				ctx.problem(0, 0, "the file cannot be read (" + e.getMessage() + ")"); //$NON-NLS-1$ //$NON-NLS-2$
				fatal = true;
			} catch (RuntimeException e) {
				// a reader bug must not pass for the user's fault silently, nor crash the import
				ctx.problem(0, 0, "the file could not be read (internal error: " + e + ")"); //$NON-NLS-1$ //$NON-NLS-2$
				fatal = true;
			}
			problems.addAll(ctx.problems());
			for (ImportContext.Read r : ctx.papers()) {
				reads.add(r);
				readFrom.add(name);
			}
		}
		if (!problems.isEmpty() && (!skipInvalid || fatal)) {
			throw new ImportException(problems);
		}
		return merge(reads, readFrom, problems);
	}

	/** Reads one file into {@code ctx}. */
	static void readFile(Path file, ImportContext ctx) throws IOException, ImportContext.Fatal {
		try (InputStream raw = Files.newInputStream(file)) {
			byte[] head = raw.readNBytes(1 << 16);
			boolean complete = head.length < (1 << 16);
			TextDecoding.Guess guess = TextDecoding.guess(head, head.length, complete);
			if (guess.notText() != null) {
				throw new ImportContext.Fatal(guess.notText());
			}
			String headText = new String(head, guess.bomLength(), head.length - guess.bomLength(), guess.charset());
			if (complete && headText.isBlank()) { // (a byte order mark alone is an empty file)
				throw new ImportContext.Fatal(
						headText.isEmpty() ? "the file is empty" : "the file holds only white space"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			Format format = FormatDetector.detect(headText);
			if (format == null) {
				throw new ImportContext.Fatal("the format of this file is not recognised; Scriptorium reads " //$NON-NLS-1$
						+ String.join(", ", supportedFormats().stream().map(Format::displayName).toList())); //$NON-NLS-1$
			}
			FormatReader reader = readerFor(format);
			if (reader == null) {
				throw new ImportContext.Fatal("this looks like " + format.displayName() //$NON-NLS-1$
						+ ", which Scriptorium cannot import yet"); //$NON-NLS-1$
			}
			CharsetDecoder decoder = guess.charset().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT);
			InputStream all = new SequenceInputStream(
					new ByteArrayInputStream(head, guess.bomLength(), head.length - guess.bomLength()), raw);
			try (Reader in = new InputStreamReader(all, decoder)) {
				reader.read(in, ctx);
			} catch (java.nio.charset.CharacterCodingException e) {
				throw new ImportContext.Fatal("the file is not valid " + guess.charset().name() + " text"); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
	}

	private static FormatReader readerFor(Format format) {
		return switch (format) {
			case JSONL -> Importer::readCorpusLines;
			case BIBTEX -> new BibtexReader();
			case CSL_JSON -> new CslJsonReader();
			case RIS -> new RisReader();
			case ARXIV_SNAPSHOT -> new ArxivSnapshotReader();
			case SEMANTIC_SCHOLAR -> new SemanticScholarReader();
			case OPENALEX -> new OpenAlexReader();
			case ARXIV_ATOM -> new AtomFeedReader();
			case ARXIV_OAI -> new OaiPmhReader();
			case HF_LISTING -> new HfListingReader();
			default -> null;
		};
	}

	private static void readCorpusLines(Reader in, ImportContext ctx) throws IOException {
		java.io.BufferedReader br = new java.io.BufferedReader(in);
		int lineNo = 0;
		for (String line = br.readLine(); line != null; line = br.readLine()) {
			lineNo++;
			if (lineNo == 1 || line.isBlank()) {
				continue; // the header line
			}
			try (com.google.gson.stream.JsonReader r = new com.google.gson.stream.JsonReader(
					new java.io.StringReader(line))) {
				r.setStrictness(com.google.gson.Strictness.STRICT);
				Paper p = PaperJson.read(r);
				ctx.papers().add(new ImportContext.Read(p, lineNo));
			} catch (PaperJson.BadRecordException e) {
				ctx.problem(lineNo, 0, e.getMessage());
			} catch (IOException | RuntimeException e) {
				ctx.problem(lineNo, 0, "the line is not valid JSON"); //$NON-NLS-1$
			}
		}
	}

	// ------------------------------------------------------------------ duplicates

	private static ImportResult merge(List<ImportContext.Read> reads, List<String> files,
			List<ImportProblem> problems) {
		List<Paper> kept = new ArrayList<>(reads.size());
		Map<String, Integer> byKey = new HashMap<>(reads.size() * 4); // up to 4 keys a paper: no rehashing
		List<MergedDuplicate> merged = new ArrayList<>();
		for (int i = 0; i < reads.size(); i++) {
			Paper p = reads.get(i).paper();
			Map<String, String> keys = keys(p);
			Integer at = null;
			String reason = null;
			for (Map.Entry<String, String> k : keys.entrySet()) {
				at = byKey.get(k.getKey());
				if (at != null) {
					reason = k.getValue();
					break;
				}
			}
			if (at == null) {
				at = kept.size();
				kept.add(p);
			} else {
				Paper first = kept.get(at);
				kept.set(at, mergeInto(first, p));
				merged.add(new MergedDuplicate(first.id(), files.get(i), reads.get(i).line(), reason));
				keys = keys(kept.get(at)); // the merged paper may have gained keys
			}
			for (String k : keys.keySet()) {
				byKey.putIfAbsent(k, at);
			}
		}
		return new ImportResult(kept, problems, merged);
	}

	/** The keys that identify a paper, each with the reason two papers sharing it are the same. */
	static Map<String, String> keys(Paper p) {
		Map<String, String> keys = new LinkedHashMap<>();
		if (p.ids().doi() != null) {
			keys.put("doi:" + PaperIds.normalizeDoi(p.ids().doi()), "same DOI"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (p.ids().arxiv() != null) {
			keys.put("arxiv:" + PaperIds.normalizeArxiv(p.ids().arxiv()), "same arXiv id"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		String title = PaperKey.normalizeTitle(p.title());
		if (!title.isEmpty() && p.year().isPresent() && !p.authors().isEmpty()) {
			keys.put("t:" + title + "|" + p.year().get() + "|" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					+ PaperKey.normalizeTitle(String.valueOf(p.firstAuthorFamily())),
					"same title, year and first author"); //$NON-NLS-1$
		}
		keys.put("id:" + p.id(), "same id"); //$NON-NLS-1$ //$NON-NLS-2$
		return keys;
	}

	/** {@code first} completed with what only {@code later} knows; provenance of both is kept per field. */
	static Paper mergeInto(Paper first, Paper later) {
		Paper.Builder b = first.toBuilder();
		Map<String, Provenance> prov = new LinkedHashMap<>(first.provenance());
		if (first.authors().isEmpty() && !later.authors().isEmpty()) {
			b.authors(later.authors());
			take(prov, later, Paper.AUTHORS);
		}
		if (first.year().isEmpty() && later.year().isPresent()) {
			b.year(later.year().get());
			take(prov, later, Paper.YEAR);
		}
		if (first.venue().isEmpty() && later.venue().isPresent()) {
			b.venue(later.venue().get());
			take(prov, later, Paper.VENUE);
		}
		PaperIds a = first.ids();
		PaperIds c = later.ids();
		PaperIds ids = new PaperIds(or(a.arxiv(), c.arxiv()), or(a.doi(), c.doi()),
				or(a.semanticScholar(), c.semanticScholar()), or(a.openAlex(), c.openAlex()),
				or(a.pubmed(), c.pubmed()),
				or(a.citeKey(), c.citeKey()));
		if (!ids.equals(a)) {
			b.ids(ids);
			take(prov, later, Paper.IDS);
		}
		if (first.abstractText().isEmpty() && later.abstractText().isPresent()) {
			b.abstractText(later.abstractText().get());
			take(prov, later, Paper.ABSTRACT);
		}
		if (first.keywords().isEmpty() && !later.keywords().isEmpty()) {
			b.keywords(later.keywords());
			take(prov, later, Paper.KEYWORDS);
		}
		if (first.urls().isEmpty() && !later.urls().isEmpty()) {
			b.urls(later.urls());
			take(prov, later, Paper.URLS);
		}
		if (first.references().isEmpty() && !later.references().isEmpty()) {
			b.references(later.references());
		}
		b.provenance(prov);
		return b.build();
	}

	private static void take(Map<String, Provenance> prov, Paper later, String field) {
		Provenance p = later.provenance().get(field);
		if (p != null) {
			prov.put(field, p);
		}
	}

	private static String or(String a, String b) {
		return a != null ? a : b;
	}
}
