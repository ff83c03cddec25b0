package org.scriptorium.ui.tests.dense;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

import org.scriptorium.search.ProgressMonitor;
import org.scriptorium.search.TextEncoder;

/**
 * A small deterministic embedding model for UI tests (the bundled ONNX models are large and slow): the hashed bag of a
 * text's lower-case words, or of its character trigrams, as a unit vector, so texts sharing words are close.
 */
public final class HashedEncoder implements TextEncoder {

	/** The id of the word model. */
	public static final String WORDS = "test-words"; //$NON-NLS-1$
	/** The id of the trigram model. */
	public static final String TRIGRAMS = "test-trigrams"; //$NON-NLS-1$

	private final String id;
	private final int dimension;
	private final boolean trigrams;

	HashedEncoder(String id, int dimension, boolean trigrams) {
		this.id = id;
		this.dimension = dimension;
		this.trigrams = trigrams;
	}

	/** The word model, as contributed through the extension point. */
	public static HashedEncoder words() {
		return new HashedEncoder(WORDS, 256, false);
	}

	@Override
	public String id() {
		return id;
	}

	@Override
	public String label() {
		return trigrams ? "hashed character trigrams (UI tests)" : "hashed words (UI tests)"; //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Override
	public int dimension() {
		return dimension;
	}

	/** The unit vector of {@code text}. */
	public float[] vector(String text) {
		float[] v = new float[dimension];
		for (String w : text.toLowerCase(Locale.ROOT).split("\\W+")) { //$NON-NLS-1$
			if (w.isEmpty()) {
				continue;
			}
			if (!trigrams) {
				add(v, w);
			} else {
				String padded = ' ' + w + ' ';
				for (int i = 0; i + 3 <= padded.length(); i++) {
					add(v, padded.substring(i, i + 3));
				}
			}
		}
		double n = 0;
		for (float x : v) {
			n += x * x;
		}
		if (n == 0) {
			v[0] = 1;
			return v;
		}
		for (int i = 0; i < dimension; i++) {
			v[i] /= (float) Math.sqrt(n);
		}
		return v;
	}

	private void add(float[] v, String token) {
		v[Math.floorMod(Arrays.hashCode(token.getBytes(StandardCharsets.UTF_8)), dimension)] += 1;
	}

	/** The cosine of two texts' vectors. */
	public double cosine(String a, String b) {
		float[] x = vector(a), y = vector(b);
		double dot = 0;
		for (int i = 0; i < dimension; i++) {
			dot += x[i] * y[i];
		}
		return dot;
	}

	@Override
	public float[] encodeQuery(String query) {
		return vector(query);
	}

	@Override
	public List<float[]> encodeDocuments(List<String> texts, ProgressMonitor monitor) {
		List<float[]> out = new ArrayList<>(texts.size());
		for (String t : texts) {
			if (monitor.isCanceled()) {
				throw new CancellationException();
			}
			out.add(vector(t));
			monitor.worked(1);
		}
		return out;
	}
}
