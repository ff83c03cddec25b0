package org.scriptorium.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A problem about a record that is imported anyway (no title, an undefined {@code @string}, a repeated cite key, a byte
 * not valid in the encoding) is a warning; a record that cannot be read is skipped. The import wizard and the command
 * line label them so.
 */
class ImportWarningsTest {

	@Test
	void problemsOfImportedRecordsAreWarnings(@TempDir Path dir) throws Exception {
		Path bib = dir.resolve("mixed.bib"); //$NON-NLS-1$
		Files.writeString(bib, """
				@article{good, author = {Ada Lovelace}, title = {Notes}, journal = {Memoirs}, year = {1843}}
				@article{notitle, author = {Charles Babbage}, year = {1864}}
				@article{macro, author = {Luigi Menabrea}, title = {Sketch}, journal = undefinedjournal, year = {1842}}
				@misc no brace here
				@article{good, author = {Ada Lovelace}, title = {Other notes}, year = {1844}}
				""", StandardCharsets.UTF_8); //$NON-NLS-1$
		Importer.ImportResult result = Importer.importFiles(List.of(bib), Importer.Options.LENIENT);
		assertEquals(4, result.papers().size(), result.problems().toString());
		Map<Integer, Boolean> warnings = new TreeMap<>();
		for (ImportProblem p : result.problems()) {
			warnings.put(p.line(), p.warning());
		}
		assertEquals(Map.of(2, true, 3, true, 4, false, 5, true), warnings, result.problems().toString());
	}

	@Test
	void aByteNotValidInTheEncodingIsAWarningAboutAnImportedRecord(@TempDir Path dir) throws Exception {
		Path bib = dir.resolve("latin1.bib"); //$NON-NLS-1$
		Files.write(bib, "@article{cafe, title = {Caf\u00e9}, year = {1998}}\n".getBytes(StandardCharsets.ISO_8859_1)); //$NON-NLS-1$
		Importer.ImportResult result = Importer.importFiles(List.of(bib),
				new Importer.Options(false, StandardCharsets.UTF_8));
		assertEquals(1, result.papers().size());
		assertEquals(1, result.problems().size());
		assertEquals(true, result.problems().get(0).warning(), result.problems().toString());
	}
}
