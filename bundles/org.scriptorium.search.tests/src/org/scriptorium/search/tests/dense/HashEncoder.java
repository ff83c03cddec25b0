package org.scriptorium.search.tests.dense;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.scriptorium.search.ProgressMonitor;
import org.scriptorium.search.TextEncoder;

/**
 * A deterministic test encoder: hashed bag of lower-case words, unit length, so texts sharing words are close. It
 * records what it embedded.
 */
public final class HashEncoder implements TextEncoder {

	final List<String> embedded = Collections.synchronizedList(new ArrayList<>());
	private final String id;
	private final int dim;

	public HashEncoder(String id, int dim) {
		this.id = id;
		this.dim = dim;
	}

	/** How many texts this encoder embedded so far. */
	public int embeddedCount() {
		return embedded.size();
	}

	@Override
	public String id() {
		return id;
	}

	@Override
	public String label() {
		return "hashed words (" + dim + ")";
	}

	@Override
	public int dimension() {
		return dim;
	}

	public float[] vector(String text) {
		float[] v = new float[dim];
		for (String w : text.toLowerCase(java.util.Locale.ROOT).split("\\W+")) {
			if (!w.isEmpty()) {
				int h = java.util.Arrays.hashCode(w.getBytes(StandardCharsets.UTF_8));
				v[Math.floorMod(h, dim)] += 1;
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
		for (int i = 0; i < dim; i++) {
			v[i] /= (float) Math.sqrt(n);
		}
		return v;
	}

	@Override
	public float[] encodeQuery(String query) {
		return vector(query);
	}

	@Override
	public List<float[]> encodeDocuments(List<String> texts, ProgressMonitor monitor) {
		List<float[]> out = new ArrayList<>();
		for (String t : texts) {
			embedded.add(t);
			out.add(vector(t));
			monitor.worked(1);
		}
		return out;
	}
}
