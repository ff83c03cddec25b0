package org.scriptorium.refs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferencesTest {

	@Test
	void latexSampleGivesEachKeyOfEachCiteCommandWithItsCommand() {
		String tex = Samples.read("draft.tex");
		assertEquals(List.of( //
				"CITE_KEY shazeer2017outrageously \\citep 'shazeer2017outrageously'",
				"CITE_KEY dai2024deepseekmoe \\cite 'dai2024deepseekmoe'",
				"CITE_KEY fedus2022switch \\citet 'fedus2022switch'",
				"CITE_KEY lepikhin2021gshard \\cite 'lepikhin2021gshard'",
				"CITE_KEY fedus2022switch \\cite 'fedus2022switch'",
				"CITE_KEY dai2024deepseekmoe \\textcite 'dai2024deepseekmoe'",
				"CITE_KEY fedus2022switch \\parencite* 'fedus2022switch'",
				"CITE_KEY zoph2022stmoe \\autocite 'zoph2022stmoe'",
				"CITE_KEY jiang2024mixtral \\footcite 'jiang2024mixtral'",
				"CITE_KEY dai2024deepseekmoe \\cites 'dai2024deepseekmoe'",
				"CITE_KEY fedus2022switch \\cites 'fedus2022switch'",
				"CITE_KEY nonexistent2099paper \\citealp 'nonexistent2099paper'",
				"CITE_KEY shazeer2017outrageously \\citealp 'shazeer2017outrageously'",
				"ARXIV 2401.06066v2 'arXiv:2401.06066v2'", //
				"ARXIV 2101.03961 'https://arxiv.org/abs/2101.03961'", //
				"ARXIV hep-th/9901001 'hep-th/9901001'", //
				"DOI 10.1162/neco.1991.3.1.79 'https://doi.org/10.1162/neco.1991.3.1.79'"), Samples.describe(tex));
	}

	@Test
	void markdownSampleGivesPandocCitationsButNotMailsOrLinks() {
		String md = Samples.read("notes.md");
		assertEquals(List.of( //
				"CITE_KEY dai2024deepseekmoe @ 'dai2024deepseekmoe'", //
				"CITE_KEY fedus2022switch @ 'fedus2022switch'", //
				"CITE_KEY lepikhin2021gshard @ 'lepikhin2021gshard'", //
				"CITE_KEY shazeer2017outrageously @ 'shazeer2017outrageously'", //
				"CITE_KEY zoph2022stmoe @ 'zoph2022stmoe'", //
				"DOI 10.1145/362686.362692 'https://doi.org/10.1145/362686.362692'", //
				"DOI 10.18653/v1/2022.acl-long.489 'doi:10.18653/V1/2022.ACL-LONG.489'", //
				"ARXIV 2401.06066v1 'https://arxiv.org/pdf/2401.06066v1.pdf'"), Samples.describe(md));
	}

	@Test
	void pythonCommentsGiveArxivIdsAndDoisButNotTheMatrixProduct() {
		String py = Samples.read("train_moe.py");
		assertEquals(List.of( //
				"ARXIV 2401.06066 'arXiv:2401.06066'", //
				"ARXIV 2101.03961 'https://arxiv.org/abs/2101.03961'", //
				"DOI 10.48550/arxiv.2202.08906 '10.48550/arXiv.2202.08906'", //
				"ARXIV 1701.06538 'arXiv:1701.06538'"), Samples.describe(py));
	}

	@Test
	void javaCommentsGiveReferencesButNotAnnotationsArraysOrVersionNumbers() {
		String java = Samples.read("Router.java");
		assertEquals(List.of( //
				"ARXIV 2202.09368 'arXiv:2202.09368'", //
				"ARXIV 1701.06538v1 'arXiv:1701.06538v1'", //
				"DOI 10.1162/neco.1991.3.1.79 'https://doi.org/10.1162/neco.1991.3.1.79'"), Samples.describe(java));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { //
			"see arXiv:2401.06066.|ARXIV 2401.06066 'arXiv:2401.06066'",
			"arXiv: 2310.06825, 2023|ARXIV 2310.06825 'arXiv: 2310.06825'",
			"ARXIV:1701.06538|ARXIV 1701.06538 'ARXIV:1701.06538'",
			"arXiv:hep-th/9901001v3|ARXIV hep-th/9901001v3 'arXiv:hep-th/9901001v3'",
			"(math.AG/0309136)|ARXIV math.AG/0309136 'math.AG/0309136'",
			"http://export.arxiv.org/abs/0704.0001|ARXIV 0704.0001 'http://export.arxiv.org/abs/0704.0001'",
			"<https://www.arxiv.org/pdf/2401.06066>|ARXIV 2401.06066 'https://www.arxiv.org/pdf/2401.06066'",
			"CoRR, abs/2101.03961, 2021|ARXIV 2101.03961 'abs/2101.03961'",
			"(https://doi.org/10.1016/S0140-6736(20)30183-5)|DOI 10.1016/s0140-6736(20)30183-5 'https://doi.org/10.1016/S0140-6736(20)30183-5'",
			"http://dx.doi.org/10.1109/5.771073;|DOI 10.1109/5.771073 'http://dx.doi.org/10.1109/5.771073'",
			"DOI: 10.1145/3315508.3329973|DOI 10.1145/3315508.3329973 'DOI: 10.1145/3315508.3329973'",
			"\\bibcite{x} \\Textcite[][]{ Key:2020-a }|CITE_KEY Key:2020-a \\Textcite 'Key:2020-a'",
			"[@doe99, pp. 33-35; @smith04.]|CITE_KEY doe99 @ 'doe99'",})
	void recognisesTheWrittenForm(String text, String expected) {
		assertEquals(expected, Samples.describe(text).get(0), text);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {"2401.06066", "version 1.2401.06066", "pdf/2401.06066",
			"https://example.org/math/0309136", "arXiv:2413.06066", "arXiv:2401.060", "a@b.org", "[a@b.org]",
			"int[] x = new int[10];", "@Override", "\\cite", "\\citestyle{plain}", "\\excite{x}", "\\cite{a b}",
			"10.12/x", "x10.1234/abc", "\\nocite{*}", "[@user](http://x)", "arXiv:2401.06066x"})
	void recognisesNothingIn(String text) {
		assertEquals(List.of(), Samples.describe(text), text);
	}

	@Test
	void emptyTextHasNoReference() {
		assertEquals(List.of(), References.find(""));
	}

	@Test
	void anUnclosedCiteGroupIsNoReference() {
		assertEquals(List.of(), Samples.describe("\\cite{dai2024"));
		assertEquals(List.of("CITE_KEY b \\cite 'b'"), Samples.describe("\\cite{a\\cite{b}"));
	}

	@Test
	void referenceAtAnOffsetIsTheOneHoldingTheCharacterOrEndingThere() {
		String text = "x \\cite{ab,cd} arXiv:2401.06066 y";
		List<Reference> refs = References.find(text);
		int cd = text.indexOf("cd");
		assertEquals("cd", References.at(text, cd).orElseThrow().id());
		assertEquals("cd", References.at(refs, cd + 2).orElseThrow().id()); // caret after the key
		assertEquals("ab", References.at(refs, text.indexOf("ab") + 1).orElseThrow().id());
		assertEquals("2401.06066", References.at(refs, text.indexOf("arXiv") + 3).orElseThrow().id());
		assertFalse(References.at(refs, 0).isPresent());
		assertFalse(References.at(refs, text.indexOf("{")).isPresent());
		assertTrue(refs.get(0).contains(text.indexOf("ab")));
	}

	@Test
	void aTenThousandLineMixedFileIsScannedWithEveryReference() {
		StringBuilder b = new StringBuilder();
		String[] parts = {Samples.read("draft.tex"), Samples.read("notes.md"), Samples.read("train_moe.py"),
				Samples.read("Router.java")};
		int expected = 0;
		for (String p : parts) {
			expected += References.find(p).size();
		}
		int copies = 0;
		while (b.chars().filter(c -> c == '\n').count() < 10_000) {
			for (String p : parts) {
				b.append(p).append('\n');
			}
			copies++;
		}
		assertEquals(expected * copies, References.find(b).size());
	}
}
