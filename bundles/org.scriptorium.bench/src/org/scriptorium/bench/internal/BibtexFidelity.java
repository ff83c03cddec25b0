package org.scriptorium.bench.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.BibTeXString;
import org.jbibtex.Key;
import org.scriptorium.core.io.Exporter;
import org.scriptorium.core.io.Format;
import org.scriptorium.core.io.ImportException;
import org.scriptorium.core.io.Importer;
import org.scriptorium.core.model.Paper;

/**
 * {@code bench fidelity DIR}: what survives when a user imports each {@code .bib} file of a folder and exports it
 * again as BibTeX ({@code import} then {@code export --format bibtex}), judged by an independent parser (jbibtex)
 * reading both sides: the share of the source's (entry, field) pairs whose field is in the exported entry, and the
 * share of entry types kept. An entry merged into another as a duplicate is judged by the entry of the paper it
 * merged into. An entry without a cite key ({@code @article{,}, as Mendeley writes them; jbibtex names them
 * {@code jbibtex-1}, {@code jbibtex-2}, ...) is judged by the paper read from it: the importer keeps the papers in
 * file order, so the n-th such entry not merged into another is the n-th paper without a cite key (the export gives it
 * a generated key). Files jbibtex cannot read have no independent view and are listed, not counted.
 */
public final class BibtexFidelity {

	/** The totals over a folder. */
	public record Totals(int files, int refused, int unreadable, int entries, int pairs, int pairsKept,
			int typesKept, int merged) {

		public double pairShare() {
			return pairs == 0 ? 0 : 100.0 * pairsKept / pairs;
		}

		public double typeShare() {
			return entries == 0 ? 0 : 100.0 * typesKept / entries;
		}
	}

	private static final Pattern ENTRY_START = Pattern.compile("(?m)^[ \\t]*@\\s*(\\w+)\\s*[{(]\\s*([^,\\s]*)\\s*,"); //$NON-NLS-1$
	/** The keys jbibtex gives entries without one. */
	private static final Pattern JBIBTEX_KEY = Pattern.compile("jbibtex-\\d+"); //$NON-NLS-1$

	private BibtexFidelity() {
	}

	/** Measures every {@code *.bib} file directly in {@code dir} (sorted by name) and prints the report. */
	public static Totals run(Path dir, PrintStream out) throws IOException {
		List<Path> files;
		try (Stream<Path> s = Files.list(dir)) {
			files = s.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".bib")) //$NON-NLS-1$
					.filter(Files::isRegularFile).sorted().toList();
		}
		out.printf(Locale.ROOT,
				"# BibTeX field survival: import then export --format bibtex, both read by jbibtex 1.0.20%n%n"); //$NON-NLS-1$
		out.printf(Locale.ROOT, "%s: %d .bib files%n%n", dir, files.size()); //$NON-NLS-1$
		out.printf(Locale.ROOT,
				"| file | entries | (entry, field) pairs kept | types kept | note |%n|---|---|---|---|---|%n"); //$NON-NLS-1$
		int refused = 0, unreadable = 0, entries = 0, pairs = 0, pairsKept = 0, typesKept = 0, merged = 0;
		for (Path f : files) {
			String name = f.getFileName().toString();
			String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
			BibTeXDatabase source;
			try {
				source = jbibtex(text);
			} catch (Exception | Error e) { // jbibtex refuses the whole file (and can overflow its stack)
				source = null;
			}
			Importer.ImportResult result;
			try {
				result = Importer.importFiles(List.of(f), Importer.Options.LENIENT);
			} catch (ImportException e) {
				refused++;
				out.printf(Locale.ROOT, "| %s | %s | - | - | refused: %s |%n", name, //$NON-NLS-1$
						source == null ? "?" : String.valueOf(source.getEntries().size()), cell(e.getMessage())); //$NON-NLS-1$
				if (source != null) { // every pair and type of the file is lost
					entries += source.getEntries().size();
					for (BibTeXEntry e2 : source.getEntries().values()) {
						pairs += e2.getFields().size();
					}
				}
				continue;
			}
			if (source == null) {
				unreadable++;
				out.printf(Locale.ROOT,
						"| %s | - | - | - | jbibtex cannot read it: not counted (imported: %d papers) |%n", //$NON-NLS-1$
						name, result.papers().size());
				continue;
			}
			File one = measure(text, source, result);
			entries += one.entries;
			pairs += one.pairs;
			pairsKept += one.pairsKept;
			typesKept += one.typesKept;
			merged += one.merged;
			out.printf(Locale.ROOT, "| %s | %d | %d / %d | %d / %d | %s |%n", name, one.entries, one.pairsKept, //$NON-NLS-1$
					one.pairs, one.typesKept, one.entries, one.merged == 0 ? "" : one.merged + " merged as duplicates"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		Totals t = new Totals(files.size(), refused, unreadable, entries, pairs, pairsKept, typesKept, merged);
		out.printf(Locale.ROOT, "%n| total | result |%n|---|---|%n"); //$NON-NLS-1$
		out.printf(Locale.ROOT, "| files | %d (refused by the import: %d; jbibtex cannot read, not counted: %d) |%n", //$NON-NLS-1$
				t.files(), t.refused(), t.unreadable());
		out.printf(Locale.ROOT, "| entries (as jbibtex reads them) | %,d (%,d merged into another as duplicates) |%n", //$NON-NLS-1$
				t.entries(), t.merged());
		out.printf(Locale.ROOT, "| **(entry, field) pairs kept** | **%,d of %,d = %.1f %%** |%n", t.pairsKept(), //$NON-NLS-1$
				t.pairs(), t.pairShare());
		out.printf(Locale.ROOT, "| **entry types kept** | **%,d of %,d = %.1f %%** |%n", t.typesKept(), t.entries(), //$NON-NLS-1$
				t.typeShare());
		return t;
	}

	private record File(int entries, int pairs, int pairsKept, int typesKept, int merged) {
	}

	private static File measure(String text, BibTeXDatabase source, Importer.ImportResult result) {
		List<Paper> papers = result.papers();
		String exported = Exporter.toString(papers, Format.BIBTEX);
		List<String> keys = Exporter.citeKeys(papers);
		BibTeXDatabase export;
		try {
			export = jbibtex(exported);
		} catch (Exception | Error e) {
			throw new IllegalStateException("jbibtex cannot read the export: " + e, e); //$NON-NLS-1$
		}
		Map<String, Integer> byKey = new HashMap<>();
		Map<String, Integer> byId = new HashMap<>();
		List<Integer> keyless = new java.util.ArrayList<>(); // papers without a cite key, in file order
		for (int i = 0; i < papers.size(); i++) {
			String k = papers.get(i).ids().citeKey();
			if (k != null) {
				byKey.putIfAbsent(k, i);
			} else {
				keyless.add(i);
			}
			byId.put(papers.get(i).id(), i);
		}
		// an entry merged into another paper: found by the line it starts on
		Map<Integer, String> mergedAt = new HashMap<>();
		for (Importer.MergedDuplicate m : result.merged()) {
			mergedAt.put(m.line(), m.keptId());
		}
		Map<String, Integer> lineOfKey = new HashMap<>();
		List<Integer> keylessLines = new java.util.ArrayList<>(); // the lines of the entries without a key
		Matcher m = ENTRY_START.matcher(text);
		int line = 1, from = 0;
		while (m.find()) {
			for (int i = from; i < m.start(); i++) {
				if (text.charAt(i) == '\n') {
					line++;
				}
			}
			from = m.start();
			if (m.group(2).isEmpty()) {
				if (!List.of("string", "preamble", "comment").contains(m.group(1).toLowerCase(Locale.ROOT))) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					keylessLines.add(line);
				}
			} else {
				lineOfKey.putIfAbsent(m.group(2), line); // the line of the '@' (the match starts on it)
			}
		}
		int keylessSeen = 0, keylessNotMerged = 0;
		int entries = 0, pairs = 0, pairsKept = 0, typesKept = 0, merged = 0;
		for (BibTeXEntry e : source.getEntries().values()) {
			entries++;
			pairs += e.getFields().size();
			String key = e.getKey().getValue();
			Integer i = byKey.get(key);
			if (i == null && lineOfKey.containsKey(key) && mergedAt.containsKey(lineOfKey.get(key))) {
				i = byId.get(mergedAt.get(lineOfKey.get(key)));
				merged++;
			}
			if (i == null && JBIBTEX_KEY.matcher(key).matches() && !lineOfKey.containsKey(key)
					&& keylessSeen < keylessLines.size()) {
				int at = keylessLines.get(keylessSeen++);
				if (mergedAt.containsKey(at)) {
					i = byId.get(mergedAt.get(at));
					merged++;
				} else if (keylessNotMerged < keyless.size()) {
					i = keyless.get(keylessNotMerged++);
				}
			}
			BibTeXEntry out = i == null ? null : export.resolveEntry(new Key(keys.get(i)));
			if (out == null) {
				continue; // the whole entry is lost
			}
			if (out.getType().getValue().equalsIgnoreCase(e.getType().getValue())) {
				typesKept++;
			}
			Set<String> names = new HashSet<>();
			for (Key k : out.getFields().keySet()) {
				names.add(k.getValue().toLowerCase(Locale.ROOT));
			}
			for (Key k : e.getFields().keySet()) {
				if (names.contains(k.getValue().toLowerCase(Locale.ROOT))) {
					pairsKept++;
				}
			}
		}
		return new File(entries, pairs, pairsKept, typesKept, merged);
	}

	/** jbibtex's view of a file: undefined macros and unresolved cross-references do not refuse it. */
	static BibTeXDatabase jbibtex(String text) throws Exception {
		BibTeXParser parser = new BibTeXParser() {
			@Override
			public void checkStringResolution(Key key, BibTeXString string) {
				// an undefined macro: kept as jbibtex reads it
			}

			@Override
			public void checkCrossReferenceResolution(Key key, BibTeXEntry entry) {
				// a crossref to an entry not in the file
			}
		};
		return parser.parseFully(new StringReader(text));
	}

	private static String cell(String s) {
		String one = s.lines().findFirst().orElse(""); //$NON-NLS-1$
		return (one.length() > 100 ? one.substring(0, 100) + "..." : one).replace('|', '/'); //$NON-NLS-1$
	}
}
