package org.scriptorium.refs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompletionContextTest {

	/** {@code |} marks the caret; the expected value is "kind command prefix" or "none". */
	@ParameterizedTest
	@CsvSource(delimiterString = " => ", value = { //
			"\\cite{dai| => CITE_KEY \\cite dai", //
			"\\cite{|} => CITE_KEY \\cite ", //
			"text \\citep[p.~3]{a, fe|} more => CITE_KEY \\citep fe", //
			"\\cite[see][Sec.~2]{lepikhin2021gshard,| => CITE_KEY \\cite ", //
			"\\parencite*{x,  sha| => CITE_KEY \\parencite* sha", //
			"\\cites[p.~1]{a}[4]{fed|} => CITE_KEY \\cites fed", //
			"notes [@fed| => CITE_KEY @ fed", //
			"notes [see @a, p. 3; @|] => CITE_KEY @ ", //
			"notes [-@sha|] => CITE_KEY @ sha", //
			"# Implements arXiv:2401.0| => ARXIV arXiv: 2401.0", //
			"# Implements arXiv:| => ARXIV arXiv: ", //
			"arXiv: 24| => ARXIV arXiv: 24", //
			"\\section{Intro|} => none", //
			"\\cite{a} and | => none", //
			"mail a@b| => none", //
			"[@a] then @b| => none", //
			"\\citestyle{auth|} => none", //
			"x = foo:| => none", //
			"| => none"})
	void contextAtTheCaret(String marked, String expected) {
		int caret = marked.indexOf('|');
		String text = marked.substring(0, caret) + marked.substring(caret + 1);
		Optional<CompletionContext> c = References.completionAt(text, caret);
		String actual = c.map(x -> x.kind() + " " + x.command() + " " + x.prefix()).orElse("none");
		assertEquals(expected.strip(), actual.strip(), marked);
		c.ifPresent(x -> assertEquals(x.prefix(), text.substring(x.prefixOffset(), caret)));
	}

	@Test
	void aKeyListOverSeveralLinesIsStillBeingTyped() {
		String text = "\\parencite*{x,\n  sha";
		CompletionContext c = References.completionAt(text, text.length()).orElseThrow();
		assertEquals("\\parencite*", c.command());
		assertEquals("sha", c.prefix());
		String blank = "\\cite{x,\n\n  sha";
		assertFalse(References.completionAt(blank, blank.length()).isPresent()); // a blank line ends it
	}

	@ParameterizedTest
	@CsvSource({"-1", "100"})
	void anOffsetOutsideTheTextHasNoContext(int offset) {
		assertFalse(References.completionAt("\\cite{a", offset).isPresent());
	}
}
