package org.scriptorium.core.io;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scriptorium.core.corpus.JsonlCorpus;
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

	/**
	 * How to import.
	 *
	 * @param strict   {@code true}: any problem refuses the whole import (the behaviour before issue 14);
	 *                 {@code false}: every record that can be read is imported and each problem is listed (a file that
	 *                 cannot be read at all still refuses the import)
	 * @param encoding the files' encoding, or {@code null} to recognise it (byte order mark, a declaration, UTF-8,
	 *                 else windows-1252)
	 * @since 0.2
	 */
	public record Options(boolean strict, java.nio.charset.Charset encoding) {
		/** Lenient, encoding recognised. */
		public static final Options LENIENT = new Options(false, null);
		/** Strict, encoding recognised. */
		public static final Options STRICT = new Options(true, null);
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
		return importFiles(files, skipInvalid ? Options.LENIENT : Options.STRICT);
	}

	/**
	 * Reads these files.
	 *
	 * @throws ImportException naming every problem with file, line and what is wrong: in strict mode for any problem,
	 *                         else when a file cannot be read at all
	 * @since 0.2
	 */
	public static ImportResult importFiles(List<Path> files, Options options) throws ImportException {
		boolean skipInvalid = !options.strict();
		List<ImportProblem> problems = new ArrayList<>();
		List<ImportContext.Read> reads = new ArrayList<>();
		List<String> readFrom = new ArrayList<>();
		boolean fatal = false;
		for (Path file : files) {
			String name = String.valueOf(file.getFileName() == null ? file : file.getFileName());
			ImportContext ctx = new ImportContext(name, new Provenance("import:" + name, Instant.now()), MAX_CHARS) //$NON-NLS-1$
					.strict(options.strict());
			try {
				readFile(file, ctx, options.encoding());
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
			List<ImportProblem> found = new ArrayList<>(ctx.problems());
			found.sort(java.util.Comparator.comparingInt(ImportProblem::line)); // stable: same line, same order
			problems.addAll(found);
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
	static void readFile(Path file, ImportContext ctx, java.nio.charset.Charset encoding)
			throws IOException, ImportContext.Fatal {
		long size = Files.size(file);
		if (size > MAX_CHARS * 2) {
			throw new ImportContext.Fatal("the file is too large (" + size / (1 << 20) + " MiB; the limit is " //$NON-NLS-1$ //$NON-NLS-2$
					+ MAX_CHARS * 2 / (1 << 20) + " MiB); split it"); //$NON-NLS-1$
		}
		byte[] bytes = Files.readAllBytes(file);
		int headLength = Math.min(bytes.length, 1 << 16);
		TextDecoding.Guess guess = TextDecoding.guess(bytes, headLength, headLength == bytes.length);
		if (guess.notText() != null && encoding == null) {
			throw new ImportContext.Fatal(guess.notText());
		}
		if (encoding != null && isCorpusFile(bytes)) {
			encoding = null; // a corpus file is UTF-8 (JsonlCorpus writes it so): the encoding is the other files'
		}
		TextDecoding.Decoded decoded = TextDecoding.decode(bytes, guess, encoding);
		String text = decoded.text();
		if (text.isBlank()) { // (a byte order mark alone is an empty file)
			throw new ImportContext.Fatal(text.isEmpty() ? "the file is empty" : "the file holds only white space"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		Format format = FormatDetector.detect(text.length() > (1 << 16) ? text.substring(0, 1 << 16) : text);
		if (format == null) {
			throw new ImportContext.Fatal("the format of this file is not recognised; Scriptorium reads " //$NON-NLS-1$
					+ String.join(", ", supportedFormats().stream().map(Format::displayName).toList())); //$NON-NLS-1$
		}
		FormatReader reader = readerFor(format);
		if (reader == null) {
			throw new ImportContext.Fatal("this looks like " + format.displayName() //$NON-NLS-1$
					+ ", which Scriptorium cannot import yet"); //$NON-NLS-1$
		}
		if (decoded.warning() != null) {
			ctx.warning(decoded.line(), decoded.column(), decoded.warning());
		}
		reader.read(new java.io.StringReader(text), ctx);
	}

	/** Whether the file's first line is a Scriptorium corpus header (ASCII, so the bytes tell). */
	private static boolean isCorpusFile(byte[] bytes) {
		int end = 0;
		while (end < bytes.length && end < 256 && bytes[end] != '\n') {
			end++;
		}
		String first = new String(bytes, 0, end, java.nio.charset.StandardCharsets.ISO_8859_1);
		return first.strip().startsWith("{") && first.contains("\"" + PaperJson.FORMAT_NAME + "\""); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
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

	/** A corpus file is checked as every command checks it ({@link JsonlCorpus#read}). */
	private static void readCorpusLines(Reader in, ImportContext ctx) throws IOException, ImportContext.Fatal {
		JsonlCorpus.Contents c = JsonlCorpus.read(in, ctx.file());
		if (c.fatal()) {
			ImportProblem first = c.problems().get(0);
			throw new ImportContext.Fatal(first.line(), first.column(), first.message());
		}
		for (ImportProblem p : c.problems()) {
			if (p.warning()) {
				ctx.warning(p.line(), p.column(), p.message());
			} else {
				ctx.problem(p.line(), p.column(), p.message());
			}
		}
		for (int i = 0; i < c.papers().size(); i++) {
			ctx.papers().add(new ImportContext.Read(c.papers().get(i), c.lines().get(i)));
		}
	}

	// ------------------------------------------------------------------ duplicates

	private static ImportResult merge(List<ImportContext.Read> reads, List<String> files,
			List<ImportProblem> problems) {
		List<Paper> kept = new ArrayList<>(reads.size());
		Map<String, Integer> byKey = new HashMap<>(reads.size() * 4); // up to 4 keys a paper: no rehashing
		java.util.Set<String> ids = new java.util.HashSet<>(reads.size() * 2);
		List<MergedDuplicate> merged = new ArrayList<>();
		for (int i = 0; i < reads.size(); i++) {
			Paper p = reads.get(i).paper();
			Map<String, String> keys = keys(p);
			Integer at = null;
			String reason = null;
			for (Map.Entry<String, String> k : keys.entrySet()) {
				Integer candidate = byKey.get(k.getKey());
				if (candidate != null && !conflicts(kept.get(candidate), p, k.getKey())) {
					at = candidate;
					reason = k.getValue();
					break;
				}
			}
			if (at == null) {
				at = kept.size();
				if (!ids.add(p.id())) { // a different paper with the same derived id: both are kept
					String id = p.id();
					for (int n = 2; !ids.add(id = p.id() + "-" + n); n++) { //$NON-NLS-1$
						// next suffix
					}
					p = p.toBuilder(id).build();
				}
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

	/**
	 * The keys that identify a paper, each with the reason two papers sharing it are the same (shown by the import
	 * preview next to the paper it merges into): the DOI (normalised), the arXiv id, the normalised title with the
	 * year and the first author's family name, and the id.
	 */
	static Map<String, String> keys(Paper p) {
		Map<String, String> keys = new LinkedHashMap<>();
		if (p.ids().doi() != null) {
			String doi = PaperIds.normalizeDoi(p.ids().doi());
			keys.put("doi:" + doi, "same DOI"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (p.ids().arxiv() != null) {
			String arxiv = PaperIds.normalizeArxiv(p.ids().arxiv());
			keys.put("arxiv:" + arxiv, "same arXiv id"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		String title = PaperKey.normalizeTitle(p.title());
		if (!title.isEmpty() && p.year().isPresent() && !p.authors().isEmpty()) {
			keys.put(TITLE_KEY + title + "|" + p.year().get() + "|" + firstAuthor(p), //$NON-NLS-1$ //$NON-NLS-2$
					"same title, year and first author"); //$NON-NLS-1$
		}
		if (!p.id().startsWith(ImportContext.UNTITLED)) { // nothing identifies an untitled record without a key
			keys.put("id:" + p.id(), "same id"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return keys;
	}

	private static final String TITLE_KEY = "t:"; //$NON-NLS-1$

	private static String firstAuthor(Paper p) {
		return PaperKey.normalizeTitle(String.valueOf(p.firstAuthorFamily()));
	}

	/**
	 * Whether two papers that share {@code key} must still not be merged: different first authors (for any key), and
	 * for the title key (or an id derived from the title) also different years or entry types.
	 */
	static boolean conflicts(Paper a, Paper b, String key) {
		if (!a.authors().isEmpty() && !b.authors().isEmpty() && !firstAuthor(a).equals(firstAuthor(b))) {
			return true;
		}
		if (!key.startsWith(TITLE_KEY) && !key.startsWith("id:title:") && !key.startsWith("id:key:")) { //$NON-NLS-1$ //$NON-NLS-2$
			return false; // an identifier: the same paper, also as a preprint and its publication
		}
		if (a.year().isPresent() && b.year().isPresent() && !a.year().equals(b.year())) {
			return true;
		}
		return a.type().isPresent() && b.type().isPresent() && !a.type().equals(b.type());
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
		if (first.type().isEmpty() && later.type().isPresent()) {
			b.type(later.type().get());
			take(prov, later, Paper.TYPE);
		}
		if (first.isIncomplete() && !later.isIncomplete()) {
			b = mergeTitle(b.build(), later.title());
			take(prov, later, Paper.TITLE);
		}
		Map<String, java.util.List<org.scriptorium.core.model.Author>> names = new LinkedHashMap<>(first.names());
		later.names().forEach(names::putIfAbsent);
		if (!names.equals(first.names())) {
			b.names(names);
			take(prov, later, Paper.NAMES);
		}
		Map<String, String> fields = new LinkedHashMap<>(first.fields());
		later.fields().forEach(fields::putIfAbsent);
		if (!fields.equals(first.fields())) {
			b.fields(fields);
			take(prov, later, Paper.OTHER_FIELDS);
		}
		b.provenance(prov);
		return b.build();
	}

	private static Paper.Builder mergeTitle(Paper p, String title) {
		return Paper.builder(p.id(), title).authors(p.authors()).year(p.year().orElse(null))
				.venue(p.venue().orElse(null)).ids(p.ids()).abstractText(p.abstractText().orElse(null))
				.keywords(p.keywords()).urls(p.urls()).referenceOnly(p.isReferenceOnly()).references(p.references())
				.provenance(p.provenance()).type(p.type().orElse(null)).names(p.names()).fields(p.fields());
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
