package org.scriptorium.tests.common.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.scriptorium.search.ProgressMonitor;
import org.scriptorium.search.TextEncoder;

/**
 * The deterministic test embedding model of every test bundle (the bundled ONNX models are large and slow): the hashed
 * bag of a text's lower-case words, or of its character trigrams, as a unit vector, so texts sharing words are close.
 * It records what it embedded (documents and queries apart). The search tests use it directly; the UI tests contribute
 * two of them through the extension point {@code org.scriptorium.search.textEncoders}.
 */
public final class HashEncoder implements TextEncoder {

	private final List<String> embedded = Collections.synchronizedList(new ArrayList<>());
	private final List<String> queried = Collections.synchronizedList(new ArrayList<>());
	private final AtomicInteger waiting = new AtomicInteger();
	private volatile CountDownLatch held;
	private final String id;
	private final int dim;
	private final boolean trigrams;

	/** A model of hashed words. */
	public HashEncoder(String id, int dim) {
		this(id, dim, false);
	}

	private HashEncoder(String id, int dim, boolean trigrams) {
		this.id = id;
		this.dim = dim;
		this.trigrams = trigrams;
	}

	/** A model of hashed character trigrams of the words (each padded with a space on both sides). */
	public static HashEncoder trigrams(String id, int dim) {
		return new HashEncoder(id, dim, true);
	}

	/** The texts this encoder embedded so far, in order. */
	public List<String> embedded() {
		synchronized (embedded) {
			return List.copyOf(embedded);
		}
	}

	/**
	 * Makes the embedding of documents wait until {@link #release()}: a model as slow as a test needs, without any
	 * timing (a canceled monitor still stops the wait).
	 */
	public synchronized void hold() {
		if (held == null) {
			held = new CountDownLatch(1);
		}
	}

	/** Lets held embeddings go on, and later ones run at once. */
	public synchronized void release() {
		CountDownLatch h = held;
		held = null;
		if (h != null) {
			h.countDown();
		}
	}

	/** Whether an embedding of documents is waiting at {@link #hold()}. */
	public boolean isWaiting() {
		return waiting.get() > 0;
	}

	/** The queries this encoder embedded so far, in order. */
	public List<String> queried() {
		synchronized (queried) {
			return List.copyOf(queried);
		}
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
		return (trigrams ? "hashed character trigrams (" : "hashed words (") + dim + ")"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	@Override
	public int dimension() {
		return dim;
	}

	/** The unit vector of {@code text}. */
	public float[] vector(String text) {
		float[] v = new float[dim];
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
		for (int i = 0; i < dim; i++) {
			v[i] /= (float) Math.sqrt(n);
		}
		return v;
	}

	private void add(float[] v, String token) {
		v[Math.floorMod(Arrays.hashCode(token.getBytes(StandardCharsets.UTF_8)), dim)] += 1;
	}

	/** The cosine of two texts' vectors. */
	public double cosine(String a, String b) {
		float[] x = vector(a), y = vector(b);
		double dot = 0;
		for (int i = 0; i < dim; i++) {
			dot += x[i] * y[i];
		}
		return dot;
	}

	@Override
	public float[] encodeQuery(String query) {
		queried.add(query);
		return vector(query);
	}

	@Override
	public List<float[]> encodeDocuments(List<String> texts, ProgressMonitor monitor) {
		CountDownLatch h = held;
		if (h != null && !texts.isEmpty()) {
			waiting.incrementAndGet();
			try {
				while (!h.await(20, TimeUnit.MILLISECONDS)) {
					if (monitor.isCanceled()) {
						throw new CancellationException();
					}
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new CancellationException();
			} finally {
				waiting.decrementAndGet();
			}
		}
		List<float[]> out = new ArrayList<>(texts.size());
		for (String t : texts) {
			if (monitor.isCanceled()) {
				throw new CancellationException();
			}
			embedded.add(t);
			out.add(vector(t));
			monitor.worked(1);
		}
		return out;
	}
}
