package org.scriptorium.core.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.scriptorium.core.internal.io.PaperJson;
import org.scriptorium.core.io.AtomicFile;
import org.scriptorium.core.io.ImportException;
import org.scriptorium.core.io.ImportProblem;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.model.Paper;

import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

/**
 * A user corpus stored as JSON Lines (docs/corpus-format.md): a header line
 * {@code {"format":"scriptorium-corpus","version":2,"papers":N}}, then one paper per line in a stable field order.
 * {@link #load(Path)} reads the file line by line; {@link #save(Path)} replaces it atomically with {@link AtomicFile}.
 */
public final class JsonlCorpus implements ICorpus {

	/** The papers and their id index. */
	private final ICorpus all;

	/**
	 * A corpus of these papers (copied).
	 *
	 * @throws IllegalArgumentException if two papers share an id
	 */
	public JsonlCorpus(String name, List<Paper> papers) {
		this.all = ICorpus.of(name, papers, List.of());
		for (Paper p : all.papers()) {
			if (all.find(p.id()).orElseThrow() != p) { // the index keeps the first paper of an id
				throw new IllegalArgumentException("two papers have the id " + p.id()); //$NON-NLS-1$
			}
		}
	}

	/**
	 * Reads a corpus file, one line at a time.
	 *
	 * @throws ImportException if the file is not a corpus file or a line is not a valid paper; every problem names
	 *                         the file and the line
	 * @throws IOException     if the file cannot be read
	 */
	public static JsonlCorpus load(Path file) throws IOException, ImportException {
		String fileName = file.getFileName() == null ? file.toString() : file.getFileName().toString();
		var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
		Contents c;
		try (BufferedReader in = new BufferedReader(
				new java.io.InputStreamReader(Files.newInputStream(file), decoder), 1 << 16)) {
			c = read(in, fileName);
		}
		if (!c.problems().isEmpty()) {
			throw new ImportException(c.problems());
		}
		return new JsonlCorpus(fileName, c.papers());
	}

	/**
	 * What {@link #read(Reader, String)} found: the valid papers with the line of each, and the problems.
	 *
	 * @param fatal whether a problem concerns the whole file (no header, a newer format version, a paper count that
	 *              differs from the header's, not UTF-8): such a file is refused by every command
	 * @since 0.2
	 */
	public record Contents(List<Paper> papers, List<Integer> lines, List<ImportProblem> problems, boolean fatal) {
	}

	/**
	 * Reads a corpus file's text and checks it as {@link #load(Path)} does, returning the papers of the valid lines
	 * and every problem (the importer uses this, so import, export and search check a corpus file alike).
	 *
	 * @since 0.2
	 */
	public static Contents read(Reader input, String fileName) throws IOException {
		List<Paper> papers = new ArrayList<>();
		List<Integer> lines = new ArrayList<>();
		List<ImportProblem> problems = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		int lineNo = 0;
		boolean header = false;
		boolean fatal = false;
		Integer declared = null;
		BufferedReader in = input instanceof BufferedReader b ? b : new BufferedReader(input, 1 << 16);
		try {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				lineNo++;
				if (lineNo == 1 && line.startsWith("\uFEFF")) { //$NON-NLS-1$
					line = line.substring(1);
				}
				if (line.isBlank()) {
					continue;
				}
				if (!header) {
					header = true;
					try {
						declared = readHeader(line);
					} catch (BadLine e) {
						problems.add(new ImportProblem(fileName, lineNo, 0, e.getMessage()));
						fatal = true;
						break;
					}
					continue;
				}
				try (JsonReader r = new JsonReader(new StringReader(line))) {
					r.setStrictness(Strictness.STRICT);
					Paper p = PaperJson.read(r);
					if (r.peek() != JsonToken.END_DOCUMENT) {
						throw new PaperJson.BadRecordException("the line holds more than one JSON value"); //$NON-NLS-1$
					}
					Integer before = seen.putIfAbsent(p.id(), lineNo);
					if (before != null) {
						problems.add(new ImportProblem(fileName, lineNo, 0,
								"the paper \"" + p.id() + "\" is already on line " + before)); //$NON-NLS-1$ //$NON-NLS-2$
					} else {
						papers.add(p);
						lines.add(lineNo);
					}
				} catch (PaperJson.BadRecordException e) {
					problems.add(new ImportProblem(fileName, lineNo, 0, e.getMessage()));
				} catch (JsonParseException | IOException | IllegalStateException | NumberFormatException e) {
					if (e instanceof CharacterCodingException) {
						throw e;
					}
					problems.add(new ImportProblem(fileName, lineNo, 0,
							"the line is not valid JSON (" + clean(e.getMessage()) + ")")); //$NON-NLS-1$ //$NON-NLS-2$
				} catch (IllegalArgumentException e) {
					problems.add(new ImportProblem(fileName, lineNo, 0, "the paper is not valid: " + e.getMessage())); //$NON-NLS-1$
				}
			}
		} catch (CharacterCodingException e) {
			problems.add(new ImportProblem(fileName, lineNo + 1, 0, "the file is not UTF-8 text")); //$NON-NLS-1$
			return new Contents(papers, lines, problems, true);
		}
		if (!header && problems.isEmpty()) {
			problems.add(new ImportProblem(fileName, 0, 0,
					"the file is empty; a corpus file starts with a header line (see docs/corpus-format.md)")); //$NON-NLS-1$
			fatal = true;
		}
		if (problems.isEmpty() && declared != null && declared != papers.size()) {
			problems.add(new ImportProblem(fileName, lineNo, 0, "the header announces " + declared //$NON-NLS-1$
					+ " papers but the file holds " + papers.size() + "; the file is incomplete")); //$NON-NLS-1$ //$NON-NLS-2$
			fatal = true;
		}
		return new Contents(papers, lines, problems, fatal);
	}

	private static final class BadLine extends Exception {
		private static final long serialVersionUID = 1L;

		BadLine(String message) {
			super(message);
		}
	}

	/**
	 * Whether {@code firstLine} is the header line of a corpus file, of any version (a byte order mark before it is
	 * ignored): how the workbench tells a corpus file from other JSON Lines files (BEIR queries, metrics).
	 */
	public static boolean isHeader(String firstLine) {
		String line = firstLine.startsWith("\uFEFF") ? firstLine.substring(1) : firstLine; //$NON-NLS-1$
		try {
			readHeader(line);
			return true;
		} catch (BadLine e) {
			return !notCorpus().equals(e.getMessage()); // a version problem: still a corpus file
		}
	}

	private static Integer readHeader(String line) throws BadLine {
		String format = null;
		Integer version = null;
		Integer count = null;
		try (JsonReader r = new JsonReader(new StringReader(line))) {
			r.setStrictness(Strictness.STRICT);
			if (r.peek() != JsonToken.BEGIN_OBJECT) {
				throw new BadLine(notCorpus());
			}
			r.beginObject();
			while (r.hasNext()) {
				String n = r.nextName();
				switch (n) {
					case "format" -> format = r.peek() == JsonToken.STRING ? r.nextString() : skip(r); //$NON-NLS-1$
					case "version" -> //$NON-NLS-1$
						version = r.peek() == JsonToken.NUMBER ? Integer.valueOf(r.nextInt()) : skipInt(r);
					case "papers" -> count = r.peek() == JsonToken.NUMBER ? Integer.valueOf(r.nextInt()) : skipInt(r); //$NON-NLS-1$
					default -> r.skipValue();
				}
			}
			r.endObject();
		} catch (IOException | RuntimeException e) {
			throw new BadLine(notCorpus());
		}
		if (!PaperJson.FORMAT_NAME.equals(format)) {
			throw new BadLine(notCorpus());
		}
		if (version == null || version < 1) {
			throw new BadLine("the header line has no valid \"version\""); //$NON-NLS-1$
		}
		if (version > PaperJson.SCHEMA_VERSION) {
			throw new BadLine("the corpus was written by a newer Scriptorium (format version " + version //$NON-NLS-1$
					+ "; this one reads up to " + PaperJson.SCHEMA_VERSION + ")"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return count;
	}

	private static String skip(JsonReader r) throws IOException {
		r.skipValue();
		return null;
	}

	private static Integer skipInt(JsonReader r) throws IOException {
		r.skipValue();
		return null;
	}

	private static String notCorpus() {
		return "this is not a Scriptorium corpus file: the first line must be {\"format\":\"" + PaperJson.FORMAT_NAME //$NON-NLS-1$
				+ "\",\"version\":" + PaperJson.SCHEMA_VERSION + ",...}"; //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static String clean(String message) {
		if (message == null) {
			return "unexpected end of line"; //$NON-NLS-1$
		}
		int see = message.indexOf("\nSee "); //$NON-NLS-1$
		return see >= 0 ? message.substring(0, see) : message;
	}

	/** Writes this corpus to {@code file} atomically: the old file or the new one survives a crash, never a mix. */
	public void save(Path file) throws IOException {
		write(file, all.papers());
	}

	/** Writes these papers as a corpus file, atomically. */
	public static void write(Path file, List<Paper> papers) throws IOException {
		AtomicFile.write(file, out -> writeTo(out, papers));
	}

	/** Writes these papers in the corpus file format (header line, then one line per paper). */
	public static void writeTo(Writer out, List<Paper> papers) throws IOException {
		out.write("{\"format\":\"" + PaperJson.FORMAT_NAME + "\",\"version\":" + PaperJson.SCHEMA_VERSION //$NON-NLS-1$ //$NON-NLS-2$
				+ ",\"papers\":" + papers.size() + "}\n"); //$NON-NLS-1$ //$NON-NLS-2$
		for (Paper p : papers) {
			JsonWriter w = new JsonWriter(out);
			w.setHtmlSafe(false);
			w.setSerializeNulls(false);
			PaperJson.write(w, p);
			w.flush();
			out.write('\n');
		}
	}

	@Override
	public String name() {
		return all.name();
	}

	@Override
	public List<Paper> papers() {
		return all.papers();
	}

	@Override
	public Optional<Paper> find(String id) {
		return all.find(id);
	}

	@Override
	public boolean isReadOnly() {
		return false;
	}
}
