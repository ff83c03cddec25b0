package org.scriptorium.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;
import org.scriptorium.core.model.PaperKey;

/**
 * The duplicate rules of issue 14 as properties over generated papers: DOI or arXiv equality merges (DOIs in any
 * resolver form or case); the title alone needs the same first author and year; different first authors never merge,
 * nor, on the title, different years or entry types; the decision is symmetric and says why.
 */
class DuplicateRulesTest {

	private static final long SEED = 20_261_207L;
	private static final List<String> TITLES = List.of("Switch Transformers", "switch transformers!", "Blah Blah", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			"GShard"); //$NON-NLS-1$
	private static final List<String> FAMILIES = List.of("Fedus", "Zoph", "FEDUS"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	private static final List<String> TYPES = List.of("article", "inproceedings", "book"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	private static final List<String> DOIS = List.of("10.1000/ABC", "10.1000/xyz"); //$NON-NLS-1$ //$NON-NLS-2$

	@TempDir
	Path dir;

	private static Paper random(Random r, int n) {
		String title = TITLES.get(r.nextInt(TITLES.size()));
		List<Author> authors = r.nextInt(5) == 0 ? List.of()
				: List.of(new Author("A.", FAMILIES.get(r.nextInt(FAMILIES.size())))); //$NON-NLS-1$
		Integer year = r.nextInt(4) == 0 ? null : 2021 + r.nextInt(2);
		String doi = r.nextInt(3) == 0 ? doiForm(r, DOIS.get(r.nextInt(DOIS.size()))) : null;
		String arxiv = r.nextInt(4) == 0 ? "2101.0396" + r.nextInt(2) + (r.nextBoolean() ? "v2" : "") : null; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		String type = r.nextInt(3) == 0 ? null : TYPES.get(r.nextInt(TYPES.size()));
		PaperIds ids = new PaperIds(arxiv, doi, null, null, null, "k" + n); //$NON-NLS-1$
		return Paper.builder(PaperKey.idFor(ids, title), title).authors(authors).year(year).ids(ids).type(type).build();
	}

	/** One of the forms DOIs come in. */
	private static String doiForm(Random r, String doi) {
		return switch (r.nextInt(6)) {
			case 0 -> doi;
			case 1 -> "https://doi.org/" + doi.toUpperCase(Locale.ROOT); //$NON-NLS-1$
			case 2 -> "doi:" + doi; //$NON-NLS-1$
			case 3 -> "http://dx.doi.org/" + doi.toLowerCase(Locale.ROOT); //$NON-NLS-1$
			case 4 -> "doi:http://doi.acm.org/" + doi; //$NON-NLS-1$
			default -> "DOI: " + doi; //$NON-NLS-1$
		};
	}

	private static boolean firstAuthorsConflict(Paper a, Paper b) {
		return !a.authors().isEmpty() && !b.authors().isEmpty()
				&& !a.firstAuthorFamily().equalsIgnoreCase(b.firstAuthorFamily());
	}

	@Test
	void theRulesHoldForGeneratedPairs() {
		Random r = new Random(SEED);
		int merged = 0;
		for (int i = 0; i < 5_000; i++) {
			Paper a = random(r, 2 * i);
			Paper b = random(r, 2 * i + 1);
			Optional<String> ab = PaperMerging.duplicateReason(a, b);
			Optional<String> ba = PaperMerging.duplicateReason(b, a);
			String where = a + " " + a.ids() + a.authors() + a.year() + a.type() + " / " + b + " " + b.ids() //$NON-NLS-1$ //$NON-NLS-2$
					+ b.authors() + b.year() + b.type();
			assertEquals(ab.isPresent(), ba.isPresent(), "symmetric: " + where); //$NON-NLS-1$
			boolean sameDoi = a.ids().doi() != null && a.ids().doi().equals(b.ids().doi());
			boolean sameArxiv = a.ids().arxiv() != null && a.ids().arxiv().equals(b.ids().arxiv());
			boolean sameTitle = PaperKey.normalizeTitle(a.title()).equals(PaperKey.normalizeTitle(b.title()));
			if (firstAuthorsConflict(a, b)) {
				assertFalse(ab.isPresent(), "different first authors never merge: " + where); //$NON-NLS-1$
				continue;
			}
			if (sameDoi || sameArxiv) {
				assertTrue(ab.isPresent(), "the same DOI or arXiv id merges: " + where); //$NON-NLS-1$
				merged++;
				continue;
			}
			boolean titleRule = sameTitle && a.year().isPresent() && a.year().equals(b.year())
					&& !a.authors().isEmpty() && !b.authors().isEmpty()
					&& (a.type().isEmpty() || b.type().isEmpty() || a.type().equals(b.type()));
			boolean sameDerivedId = a.id().equals(b.id()) && !(a.year().isPresent() && b.year().isPresent()
					&& !a.year().equals(b.year()))
					&& !(a.type().isPresent() && b.type().isPresent() && !a.type().equals(b.type()));
			assertEquals(titleRule || sameDerivedId, ab.isPresent(), "the title needs author and year: " + where); //$NON-NLS-1$
			if (ab.isPresent()) {
				merged++;
				assertTrue(List.of("same title, year and first author", "same id").contains(ab.get()), ab.get()); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
		assertTrue(merged > 500 && merged < 4_500, "the generator exercises both outcomes: " + merged); //$NON-NLS-1$
	}

	@Test
	void doiFormsNormaliseToOneDoi() {
		Random r = new Random(SEED);
		for (int i = 0; i < 200; i++) {
			assertEquals("10.1000/abc", PaperIds.normalizeDoi(doiForm(r, "10.1000/ABC"))); //$NON-NLS-1$ //$NON-NLS-2$
		}
		assertEquals("10.1145/1234.5678", PaperIds.normalizeDoi("doi:http://doi.acm.org/10.1145/1234.5678")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("10.1109/5.771073", PaperIds.normalizeDoi("https://www.doi.org/10.1109/5.771073")); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void theIssuesTwoPapersOfDifferentAuthorsAndTypesStayTwo() throws Exception {
		Path f = dir.resolve("two.bib"); //$NON-NLS-1$
		Files.writeString(f, """
				@article{1e, author="01e", title={Blah blah: a study of things}}
				@book{2e, author="02e", title={Blah blah: a study of things}}
				@article{3e, author="Fedus, W.", title={Switch}, year=2022, doi={https://doi.org/10.5555/SWITCH}}
				@inproceedings{4e, author="Fedus, William", title={Switch Transformers}, year=2021, doi={doi:10.5555/switch}}
				""");
		Importer.ImportResult r = Importer.importFiles(List.of(f), false);
		assertEquals(3, r.papers().size(), r.papers().toString());
		assertEquals(List.of("01e", "02e", "Fedus"), r.papers().stream().map(Paper::firstAuthorFamily).toList()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals(1, r.merged().size());
		assertEquals("same DOI", r.merged().get(0).reason()); //$NON-NLS-1$
		assertEquals("10.5555/switch", r.papers().get(2).ids().doi()); //$NON-NLS-1$
	}
}
