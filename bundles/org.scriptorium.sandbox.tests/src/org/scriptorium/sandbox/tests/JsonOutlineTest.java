package org.scriptorium.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.scriptorium.sandbox.JsonOutline;
import org.scriptorium.sandbox.JsonOutline.Node;
import org.scriptorium.sandbox.SandboxRunner;

/** The experiment editor's outline: the structure of an experiment file with the text range of each node. */
class JsonOutlineTest {

	private static String e4() throws IOException {
		try (InputStream in = SandboxRunner.class.getResourceAsStream("/experiments/e4-thor.moe.json")) { //$NON-NLS-1$
			if (in != null) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		return Files.readString(TestSupport.experimentsDir().resolve("e4-thor.moe.json")); //$NON-NLS-1$
	}

	@Test
	void e4sOutlineNamesItsMembersVariantsAndSeeds() throws IOException {
		String text = e4();
		List<Node> top = JsonOutline.of(text);
		List<String> labels = top.stream().map(Node::label).toList();
		assertEquals("name: e4-thor", labels.get(0)); //$NON-NLS-1$
		assertEquals("reproduces (2)", labels.get(3)); //$NON-NLS-1$
		assertEquals(List.of("data", "model", "strategy", "losses (1)", "training", "evaluation", "metrics (4)", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$
				"seeds (5)", "variants (7)"), labels.subList(4, labels.size())); //$NON-NLS-1$ //$NON-NLS-2$
		Node variants = top.get(top.size() - 1);
		assertEquals(List.of("learned-top1", "random-a0", "thor-a1", "thor-a5", "thor-a5-per-example", "thor-a5-avg", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
				"dense"), variants.children().stream().map(Node::label).toList()); //$NON-NLS-1$
		assertEquals(List.of("1", "2", "3", "4", "5"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
				top.get(top.size() - 2).children().stream().map(Node::label).toList());
		// each node's range is its text: a member from its key through its value
		assertEquals(text.substring(variants.offset(), variants.offset() + 10), "\"variants\""); //$NON-NLS-1$
		assertEquals(']', text.charAt(variants.offset() + variants.length() - 1));
		Node thorA5 = variants.children().get(3);
		assertEquals("{ \"name\": \"thor-a5\", \"set\": { \"losses[0].weight\": 5.0 } }", //$NON-NLS-1$
				text.substring(thorA5.offset(), thorA5.offset() + thorA5.length()));
		assertEquals(List.of("losses[0].weight: 5.0"), //$NON-NLS-1$
				thorA5.children().get(1).children().stream().map(Node::label).toList());
		// a long value is cut in the label
		String description = top.get(1).label();
		assertEquals("description: ".length() + 40, description.length(), description); //$NON-NLS-1$
		assertEquals('\u2026', description.charAt(description.length() - 1));
	}

	@Test
	void anIncompleteTextKeepsWhatWasRead() {
		List<Node> top = JsonOutline.of("{ \"name\": \"x\", \"seeds\": [1, 2], \"model\": { \"hidden\": 6"); //$NON-NLS-1$
		assertEquals(List.of("name: x", "seeds (2)"), top.stream().map(Node::label).toList()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(List.of(), JsonOutline.of("")); //$NON-NLS-1$
		assertEquals(List.of(), JsonOutline.of("[1, 2]")); //$NON-NLS-1$
	}
}
