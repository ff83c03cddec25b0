package org.scriptorium.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.BibTeXString;
import org.jbibtex.Key;
import org.jbibtex.Value;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scriptorium.core.internal.io.LaTeXText;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;

/**
 * Every BibTeX, RIS and CSL-JSON fixture of JabRef and Better BibTeX in the shared fixture folder (copied to
 * {@code resources/roundtrip} with their licenses; {@code INDEX.txt} lists them): (1) it imports without a file-level
 * refusal; (2) import, export to the same format and import again gives the same papers, field for field; (3) for
 * BibTeX, every field of every entry of the source, as jbibtex (an independent parser) reads it, is in the export,
 * with the same value (compared as Unicode text).
 */
class FixtureRoundTripTest {

	@TempDir
	Path dir;

	static Stream<String> fixtures() throws Exception {
		try (BufferedReader r = new BufferedReader(new InputStreamReader(
				FixtureRoundTripTest.class.getResourceAsStream("/resources/roundtrip/INDEX.txt"), //$NON-NLS-1$
				StandardCharsets.UTF_8))) {
			return r.lines().filter(l -> !l.isBlank()).toList().stream();
		}
	}

	private static Format formatOf(String name) {
		return name.endsWith(".ris") ? Format.RIS : name.endsWith(".json") ? Format.CSL_JSON : Format.BIBTEX; //$NON-NLS-1$ //$NON-NLS-2$
	}

	@ParameterizedTest
	@MethodSource("fixtures")
	void importExportImportKeepsEveryField(String fixture) throws Exception {
		Path source = dir.resolve("source-" + fixture.replaceAll("[/\\\\]", "_")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		Files.write(source, Fixtures.bytes("roundtrip/" + fixture)); //$NON-NLS-1$
		Format format = formatOf(fixture);
		Importer.ImportResult once;
		try {
			once = Importer.importFiles(List.of(source), Importer.Options.LENIENT);
		} catch (ImportException e) {
			if (e.getMessage().contains("not recognised") || e.getMessage().contains("is empty") //$NON-NLS-1$ //$NON-NLS-2$
					|| e.getMessage().contains("only white space")) { //$NON-NLS-1$
				return; // not a bibliography (JabRef keeps some empty or foreign test inputs with these names)
			}
			throw new AssertionError(fixture + " was refused: " + e.getMessage(), e); //$NON-NLS-1$
		}
		List<Paper> papers = once.papers();
		String exported = Exporter.toString(papers, format);
		Path out = dir.resolve("again." + format.extension()); //$NON-NLS-1$
		Files.writeString(out, exported);
		if (papers.isEmpty()) {
			return;
		}
		Importer.ImportResult twice = Importer.importFiles(List.of(out), Importer.Options.LENIENT);
		for (ImportProblem p : twice.problems()) {
			// (BibTeX: 'the entry "k" has no title'; RIS and CSL-JSON: 'the record has no title ...; it is imported, ...')
			assertTrue(p.message().matches("the (entry|record)\\b.* has no title\\b.*"), //$NON-NLS-1$
					fixture + ": the export is not read cleanly: " + p + "\n" + exported); //$NON-NLS-1$ //$NON-NLS-2$
		}
		assertEquals(papers.size(), twice.papers().size(), fixture + "\n" + exported); //$NON-NLS-1$
		List<String> keys = Exporter.citeKeys(papers);
		for (int i = 0; i < papers.size(); i++) {
			Paper a = papers.get(i);
			Paper b = twice.papers().get(i);
			String where = fixture + " " + a.id() + "\n" + exported; //$NON-NLS-1$ //$NON-NLS-2$
			assertEquals(view(a), view(b), where);
			if (format != Format.RIS && a.ids().citeKey() != null) {
				assertEquals(keys.get(i), b.ids().citeKey(), where);
			}
		}
		if (format == Format.BIBTEX) {
			byte[] bytes = Files.readAllBytes(source);
			String text = org.scriptorium.core.internal.io.TextDecoding
					.decode(bytes, org.scriptorium.core.internal.io.TextDecoding.guess(bytes, bytes.length, true), null)
					.text();
			fieldsSurvive(fixture, text, exported, papers, keys);
		}
	}

	/** What must survive the round trip: everything but provenance, the id and the cite key. */
	private static Map<String, Object> view(Paper p) {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("type", p.type()); //$NON-NLS-1$
		v.put("title", p.title()); //$NON-NLS-1$
		v.put("authors", p.authors()); //$NON-NLS-1$
		v.put("year", p.year()); //$NON-NLS-1$
		v.put("venue", p.venue()); //$NON-NLS-1$
		PaperIds i = p.ids();
		v.put("ids", List.of(String.valueOf(i.arxiv()), String.valueOf(i.doi()), String.valueOf(i.pubmed()))); //$NON-NLS-1$
		v.put("abstract", p.abstractText()); //$NON-NLS-1$
		v.put("keywords", p.keywords()); //$NON-NLS-1$
		v.put("urls", p.urls()); //$NON-NLS-1$
		v.put("names", p.names()); //$NON-NLS-1$
		v.put("fields", p.fields()); //$NON-NLS-1$
		return v;
	}

	// ------------------------------------------------------------------ the independent parser's view

	private static BibTeXDatabase jbibtex(String text) throws Exception {
		BibTeXParser parser = new BibTeXParser() {
			@Override
			public void checkStringResolution(Key key, BibTeXString string) {
				// undefined macros: no exception
			}

			@Override
			public void checkCrossReferenceResolution(Key key, BibTeXEntry entry) {
				// unresolved cross-references: no exception
			}
		};
		return parser.parseFully(new StringReader(text));
	}

	private static void fieldsSurvive(String fixture, String sourceText, String exported, List<Paper> papers,
			List<String> keys) throws Exception {
		BibTeXDatabase source;
		try {
			source = jbibtex(sourceText);
		} catch (Exception | Error e) {
			return; // jbibtex cannot read this file at all: there is no independent view to compare with
		}
		BibTeXDatabase export;
		try {
			export = jbibtex(exported);
		} catch (Exception | Error e) {
			throw new AssertionError(fixture + ": jbibtex cannot read the export: " + e + "\n" + exported, e); //$NON-NLS-1$ //$NON-NLS-2$
		}
		Map<String, Integer> byKey = new HashMap<>();
		for (int i = 0; i < papers.size(); i++) {
			String k = papers.get(i).ids().citeKey();
			if (k != null) {
				byKey.putIfAbsent(k, i);
			}
		}
		List<String> lost = new ArrayList<>();
		for (BibTeXEntry e : source.getEntries().values()) {
			Integer i = byKey.get(e.getKey().getValue());
			if (i == null) {
				continue; // merged into a duplicate, or renamed
			}
			BibTeXEntry out = export.resolveEntry(new Key(keys.get(i)));
			if (out == null) {
				lost.add(e.getKey().getValue() + ": the whole entry"); //$NON-NLS-1$
				continue;
			}
			if (!out.getType().getValue().equalsIgnoreCase(e.getType().getValue())) {
				lost.add(e.getKey().getValue() + ": type " + e.getType().getValue() + " became " //$NON-NLS-1$ //$NON-NLS-2$
						+ out.getType().getValue());
			}
			Map<String, String> outFields = new HashMap<>();
			for (Map.Entry<Key, Value> f : out.getFields().entrySet()) {
				outFields.put(f.getKey().getValue().toLowerCase(Locale.ROOT), f.getValue().toUserString());
			}
			for (Map.Entry<Key, Value> f : e.getFields().entrySet()) {
				String name = f.getKey().getValue().toLowerCase(Locale.ROOT);
				String value = f.getValue().toUserString();
				String again = outFields.get(name);
				if (again == null) {
					if (!value.isBlank()) {
						lost.add(e.getKey().getValue() + ": " + name); //$NON-NLS-1$
					}
				} else if (!same(name, value, again)) {
					lost.add(e.getKey().getValue() + ": " + name + " = \"" + value + "\" became \"" + again + "\""); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				}
			}
		}
		if (!lost.isEmpty()) {
			fail(fixture + ": " + lost.size() + " source fields lost or changed: " //$NON-NLS-1$ //$NON-NLS-2$
					+ lost.subList(0, Math.min(20, lost.size())) + "\n" + exported); //$NON-NLS-1$
		}
	}

	private static boolean same(String name, String a, String b) {
		return switch (name) {
			case "author", "editor", "translator", "bookauthor", "editora", "editorb", "editorc" -> //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$
				a.split("(?i)\\s+and\\s+").length == b.split("(?i)\\s+and\\s+").length; //$NON-NLS-1$ //$NON-NLS-2$
			case "doi" -> PaperIds.normalizeDoi(unbrace(a)).equals(PaperIds.normalizeDoi(unbrace(b))); //$NON-NLS-1$
			case "eprint", "arxivid" -> //$NON-NLS-1$//$NON-NLS-2$
				PaperIds.normalizeArxiv(unescape(a)).equals(PaperIds.normalizeArxiv(unescape(b)));
			case "month" -> norm(a).substring(0, Math.min(3, norm(a).length())) //$NON-NLS-1$
					.equals(norm(b).substring(0, Math.min(3, norm(b).length())));
			case "keywords" -> keywords(a).equals(keywords(b)); //$NON-NLS-1$
			case "archiveprefix" -> norm(a).equals(norm(b)); //$NON-NLS-1$
			default -> norm(a).equals(norm(b)) || unescape(a).equals(unescape(b));
		};
	}

	/** Keywords as a set (the importer drops repeated ones and writes them separated by commas). */
	private static java.util.Set<String> keywords(String latex) {
		java.util.Set<String> out = new java.util.TreeSet<>();
		for (String k : LaTeXText.toUnicode(latex).split("[,;]")) { //$NON-NLS-1$
			if (!k.isBlank()) {
				out.add(k.strip());
			}
		}
		return out;
	}

	/** A verbatim value: outer braces and the escapes of {@code _ % # &} removed. */
	private static String unescape(String s) {
		return unbrace(s).replaceAll("\\\\([_%#&])", "$1").strip(); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static String unbrace(String s) {
		String t = s.strip();
		while (t.startsWith("{") && t.endsWith("}")) { //$NON-NLS-1$ //$NON-NLS-2$
			t = t.substring(1, t.length() - 1).strip();
		}
		return t;
	}

	/** A value as Unicode text without white space, braces or case. */
	private static String norm(String latex) {
		return LaTeXText.toUnicode(latex).replaceAll("[\\s{}]", "").toLowerCase(Locale.ROOT); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
