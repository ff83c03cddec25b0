package org.scriptorium.search.tests.dense;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.scriptorium.search.ProgressMonitor;
import org.scriptorium.tests.common.search.HashEncoder;

/** The tests' shared embedding model behaves as the search and UI tests rely on. */
class HashEncoderTest {

	@Test
	void vectorsAreDeterministicUnitVectorsOfTheWords() {
		HashEncoder words = new HashEncoder("w", 64);
		float[] v = words.vector("Expert routing, expert choice");
		assertArrayEquals(v, new HashEncoder("other", 64).vector("expert CHOICE routing expert"),
				"same words in any order and case, same vector");
		double norm = 0;
		for (float x : v) {
			norm += x * x;
		}
		assertEquals(1, norm, 1e-6);
		assertEquals(1, words.vector("!!")[0], "a text without words has a fixed unit vector");
		assertEquals(1, words.cosine("sparse experts", "experts sparse"), 1e-6);
	}

	@Test
	void trigramsMakeWordsThatShareLettersClose() {
		HashEncoder words = new HashEncoder("w", 256);
		HashEncoder trigrams = HashEncoder.trigrams("t", 256);
		assertTrue(trigrams.cosine("routing", "router") > 0.3, "trigrams: rou, out share");
		assertTrue(words.cosine("routing", "router") < trigrams.cosine("routing", "router"));
		assertEquals(128, HashEncoder.trigrams("t", 128).dimension());
	}

	@Test
	void documentsAreRecordedAndACancelStopsBeforeTheNextText() {
		HashEncoder enc = new HashEncoder("w", 16);
		assertEquals(2, enc.encodeDocuments(List.of("a", "b"), ProgressMonitor.NONE).size());
		assertEquals(2, enc.embeddedCount());
		assertThrows(CancellationException.class,
				() -> enc.encodeDocuments(List.of("c", "d", "e"), new ProgressMonitor() {
					@Override
					public boolean isCanceled() {
						return enc.embeddedCount() >= 3;
					}
				}));
		assertEquals(3, enc.embeddedCount());
	}
}
