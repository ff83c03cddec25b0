package org.scriptorium.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.internal.io.FormatDetector;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;

/** The Hugging Face papers listing saved as text (the project's seed file, copied to resources/hf). */
class HfListingImportTest {

	private static final String SEED = "hf/seed-listing.txt"; //$NON-NLS-1$

	@TempDir
	Path dir;

	@Test
	void theSeedListingImportsItsSeventySixPapers() throws Exception {
		Path f = Fixtures.copy(SEED, dir);
		Importer.ImportResult r = Importer.importFiles(List.of(f), false);
		assertEquals(76, r.papers().size());
		assertTrue(r.problems().isEmpty());
		List<Paper> seeds = DefaultCorpus.get().seedPapers();
		for (int i = 0; i < seeds.size(); i++) {
			Paper imported = r.papers().get(i);
			assertEquals(seeds.get(i).title(), imported.title());
			assertEquals(seeds.get(i).abstractText(), imported.abstractText());
			assertEquals(PaperIds.NONE, imported.ids(), "the listing gives no ids"); //$NON-NLS-1$
			assertTrue(imported.id().startsWith("title:"), imported.id()); //$NON-NLS-1$
		}
		Paper first = r.papers().get(0);
		assertEquals("Paying Attention to Astronomical Transients: Introducing the Time-series Transformer for " //$NON-NLS-1$
				+ "Photometric Classification", first.title()); //$NON-NLS-1$
		assertEquals(List.of(Paper.TITLE, Paper.ABSTRACT), List.copyOf(first.provenance().keySet()));
		// the line of each paper is that of its title
		ImportException e = assertThrows(ImportException.class,
				() -> Importer.importFiles(List.of(truncatedAfterATitle(f)), false));
		assertEquals("cut.txt:15: the title \"Data Selection for Language Models via Importance Resampling\" has no " //$NON-NLS-1$
				+ "abstract after it (titles and abstracts alternate; is the file truncated?)", e.getMessage()); //$NON-NLS-1$
		assertEquals(1, Importer.importFiles(List.of(dir.resolve("cut.txt")), true).papers().size()); //$NON-NLS-1$
	}

	private Path truncatedAfterATitle(Path seed) throws Exception {
		List<String> lines = Files.readAllLines(seed);
		Path cut = dir.resolve("cut.txt"); //$NON-NLS-1$
		Files.write(cut, lines.subList(0, 15));
		return cut;
	}

	@Test
	void arxivIdsAndAddressesBelongToThePaperBeforeThem() throws Exception {
		Path f = dir.resolve("daily.txt"); //$NON-NLS-1$
		String abs = "We propose a routing method for mixture-of-experts models that scales to many experts and balances load."; //$NON-NLS-1$
		Files.writeString(f,
				String.join("\n", "Daily Papers", "", "Jan 12", "", //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$//$NON-NLS-5$
						"DeepSeekMoE: Towards Ultimate Expert Specialization", //$NON-NLS-1$
						"https://huggingface.co/papers/2401.06066", "", abs, "", "Switch Transformers", "", abs, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
						"arXiv:2101.03961v3", "", "Jan 11", "", "A Paper Without Id", "", abs, "")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$
		assertEquals(Format.HF_LISTING, FormatDetector.detect(Files.readString(f)));
		Importer.ImportResult r = Importer.importFiles(List.of(f), false);
		assertEquals(3, r.papers().size(), r.papers().toString());
		Paper moe = r.papers().get(0);
		assertEquals("arxiv:2401.06066", moe.id()); //$NON-NLS-1$
		assertEquals(2024, moe.year().orElseThrow());
		assertEquals(List.of("https://arxiv.org/abs/2401.06066", "https://huggingface.co/papers/2401.06066"), //$NON-NLS-1$//$NON-NLS-2$
				moe.urls());
		assertEquals("2101.03961", r.papers().get(1).ids().arxiv()); //$NON-NLS-1$
		assertEquals(2021, r.papers().get(1).year().orElseThrow());
		assertEquals("A Paper Without Id", r.papers().get(2).title()); //$NON-NLS-1$
		assertNull(r.papers().get(2).ids().arxiv());
	}

	@Test
	void linesThatBreakTheAlternationAreNamed() throws Exception {
		String abs = "An abstract long enough to be taken for one, with several clauses, numbers (r=0.89) and words."; //$NON-NLS-1$
		Path f = dir.resolve("broken.txt"); //$NON-NLS-1$
		Files.writeString(f, String.join("\n", "new", "Mar 17", "First Title", abs, "arXiv:2101.03961", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				"x".repeat(700), "Third Title", abs, "")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		ImportException e = assertThrows(ImportException.class, () -> Importer.importFiles(List.of(f), false));
		assertEquals("broken.txt:6: this line is 700 characters long, too long for a title: is the title of this " //$NON-NLS-1$
				+ "abstract missing? (titles and abstracts alternate)", e.getMessage()); //$NON-NLS-1$
		Importer.ImportResult r = Importer.importFiles(List.of(f), true);
		assertEquals(List.of("First Title", "Third Title"), r.papers().stream().map(Paper::title).toList()); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void detectionNeedsTheListingsShape() throws Exception {
		assertEquals(Format.HF_LISTING,
				FormatDetector.detect(new String(Fixtures.bytes(SEED), StandardCharsets.UTF_8)));
		assertNull(FormatDetector.detect("Meeting notes\nMar 17\nshort\nlines only\n")); //$NON-NLS-1$
		assertNull(FormatDetector.detect(
				"a plain text file\nwithout any date line at all, but long enough lines to look like an abstract of some paper or other\n")); //$NON-NLS-1$
	}
}
