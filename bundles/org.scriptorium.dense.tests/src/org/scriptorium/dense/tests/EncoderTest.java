package org.scriptorium.dense.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scriptorium.dense.DenseModels;
import org.scriptorium.dense.internal.OnnxEncoder;
import org.scriptorium.dense.internal.RawOnnx;
import org.scriptorium.search.ProgressMonitor;
import org.scriptorium.search.TextEncoder;

/** The bundled models load inside OSGi (native ONNX Runtime and tokenizer) and embed text sensibly. */
class EncoderTest {

	private static final String SWITCH = "Switch Transformers: scaling to trillion parameter models with simple and efficient sparsity";
	private static final String ROUTING = "A mixture-of-experts layer routes each token to one expert, keeping compute constant while parameters grow.";
	private static final String KIDNEY = "Folic acid and vitamin B12 do not affect chronic kidney disease progression.";

	@ParameterizedTest
	@ValueSource(strings = {DenseModels.BGE_SMALL, DenseModels.MINILM})
	void embedsUnitVectorsThatPutRelatedTextCloser(String id) throws IOException {
		TextEncoder e = DenseModels.get(id).orElseThrow();
		List<float[]> v = e.encodeDocuments(List.of(SWITCH, ROUTING, KIDNEY), ProgressMonitor.NONE);
		assertEquals(3, v.size());
		for (float[] x : v) {
			assertEquals(e.dimension(), x.length);
			assertEquals(1.0, dot(x, x), 1e-3, "unit length");
		}
		assertTrue(dot(v.get(0), v.get(1)) > dot(v.get(0), v.get(2)) + 0.1,
				"sparse MoE title closer to the routing sentence than to a kidney claim: " + dot(v.get(0), v.get(1))
						+ " vs " + dot(v.get(0), v.get(2)));
		float[] q = e.encodeQuery("which papers route tokens to experts?");
		assertTrue(dot(q, v.get(1)) > dot(q, v.get(2)));
		// deterministic: the same text gives the same vector alone and in a batch
		assertArrayEquals(v.get(2), e.encodeDocuments(List.of(KIDNEY), ProgressMonitor.NONE).get(0), 1e-5f);
	}

	@ParameterizedTest
	@ValueSource(strings = {DenseModels.BGE_SMALL})
	void reportsProgressPerDocumentAndStopsWhenCanceled(String id) throws IOException {
		TextEncoder e = DenseModels.get(id).orElseThrow();
		List<String> texts = new ArrayList<>(Collections.nCopies(70, ROUTING));
		AtomicInteger done = new AtomicInteger();
		assertEquals(70, e.encodeDocuments(texts, new ProgressMonitor() {
			@Override
			public void worked(int units) {
				done.addAndGet(units);
			}
		}).size());
		assertEquals(70, done.get());
		AtomicInteger batches = new AtomicInteger();
		assertThrows(CancellationException.class, () -> e.encodeDocuments(texts, new ProgressMonitor() {
			@Override
			public void worked(int units) {
				batches.incrementAndGet();
			}

			@Override
			public boolean isCanceled() {
				return batches.get() >= 1;
			}
		}));
		assertEquals(1, batches.get(), "stops after the batch in flight");
	}

	@ParameterizedTest
	@ValueSource(strings = {DenseModels.BGE_SMALL, DenseModels.MINILM})
	void theBundledPathAgreesWithRawOnnxRuntimeOnShortTexts(String id) throws IOException {
		OnnxEncoder e = (OnnxEncoder) DenseModels.get(id).orElseThrow();
		List<String> texts = List.of(SWITCH, ROUTING, KIDNEY);
		try (RawOnnx raw = new RawOnnx(e.spec())) {
			List<float[]> m = e.encodeDocuments(texts, ProgressMonitor.NONE);
			for (int i = 0; i < texts.size(); i++) {
				// one text per run: the int8 models quantize activations with ranges of the whole input tensor, so
				// a padded batch moves vectors slightly (cosine about 0.99) and is compared in the benchmark only
				float[] r = raw.embed(List.of(texts.get(i)))[0];
				assertEquals(1.0, dot(r, m.get(i)), 1e-4, "same tokens, pooling and normalisation for text " + i);
			}
		}
	}

	static double dot(float[] a, float[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++) {
			s += a[i] * b[i];
		}
		return s;
	}
}
