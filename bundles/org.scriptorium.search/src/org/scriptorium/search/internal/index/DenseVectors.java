package org.scriptorium.search.internal.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.scriptorium.core.model.Paper;
import org.scriptorium.search.IndexMessages;
import org.scriptorium.search.ProgressMonitor;
import org.scriptorium.search.TextEncoder;
import org.scriptorium.search.VectorCache;

/**
 * The dense side of the index: the encoders whose vectors each document carries (one KNN field per encoder, unit
 * vectors compared by dot product) and their on-disk {@link VectorCache}s, so that a rebuild embeds only texts never
 * embedded before.
 */
public final class DenseVectors {

	private static final DenseVectors NONE = new DenseVectors(List.of(), null, null);

	private final List<TextEncoder> encoders;
	private final Path cacheDir;
	private final IndexMessages messages;

	private DenseVectors(List<TextEncoder> encoders, Path cacheDir, IndexMessages messages) {
		this.encoders = encoders.stream().sorted(Comparator.comparing(TextEncoder::id)).toList();
		this.cacheDir = cacheDir;
		this.messages = messages;
	}

	/** No vectors: a lexical index. */
	public static DenseVectors none() {
		return NONE;
	}

	/** Vectors of these encoders, cached in {@code cacheDir}; warnings about the caches go to {@code messages}. */
	public static DenseVectors of(List<TextEncoder> encoders, Path cacheDir, IndexMessages messages) {
		return encoders.isEmpty() ? NONE : new DenseVectors(encoders, cacheDir, messages);
	}

	/** The encoders, sorted by id. */
	public List<TextEncoder> encoders() {
		return encoders;
	}

	/** The encoder with this id, if the index holds its vectors. */
	public Optional<TextEncoder> encoder(String id) {
		return encoders.stream().filter(e -> e.id().equals(id)).findFirst();
	}

	/** The KNN field of an encoder. */
	public static String field(String encoderId) {
		return PaperFields.VECTOR_PREFIX + encoderId;
	}

	/** What the index commit records: {@code id/dimension} of each encoder, comma-separated (empty when none). */
	public String signature() {
		StringBuilder b = new StringBuilder();
		for (TextEncoder e : encoders) {
			b.append(b.isEmpty() ? "" : ",").append(e.id()).append('/').append(e.dimension()); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return b.toString();
	}

	/** The vectors of the papers a pass will index, by corpus position. */
	public static final class Prepared {
		private final List<TextEncoder> encoders;
		private final float[][][] vectors; // [encoder][paper]

		Prepared(List<TextEncoder> encoders, float[][][] vectors) {
			this.encoders = encoders;
			this.vectors = vectors;
		}

		/** Adds the KNN fields of paper {@code i} to its document. */
		public void addTo(Document d, int i) {
			for (int e = 0; e < encoders.size(); e++) {
				float[] v = vectors[e][i];
				if (v != null) {
					d.add(new KnnFloatVectorField(field(encoders.get(e).id()), v,
							VectorSimilarityFunction.DOT_PRODUCT));
				}
			}
		}
	}

	/**
	 * Looks up or embeds the vectors of the selected papers with every encoder, reporting one unit per paper and
	 * encoder; cancellation keeps what was embedded in the caches.
	 */
	public Prepared prepare(List<Paper> papers, IntPredicate selected, ProgressMonitor monitor) throws IOException {
		float[][][] out = new float[encoders.size()][][];
		if (encoders.isEmpty()) {
			return new Prepared(encoders, out);
		}
		List<Integer> which = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < papers.size(); i++) {
			if (selected.test(i)) {
				which.add(i);
				Paper p = papers.get(i);
				texts.add(VectorCache.documentText(p.title(), p.abstractText().orElse(null)));
			}
		}
		for (int e = 0; e < encoders.size(); e++) {
			TextEncoder enc = encoders.get(e);
			out[e] = new float[papers.size()][];
			monitor.begin("Embedding " + texts.size() + " papers with " + enc.label(), texts.size()); //$NON-NLS-1$ //$NON-NLS-2$
			try (VectorCache cache = VectorCache.open(cacheDir, enc.id(), enc.dimension(), messages::message)) {
				List<float[]> v = cache.encode(enc, texts, monitor).vectors();
				for (int k = 0; k < which.size(); k++) {
					out[e][which.get(k)] = v.get(k);
				}
			}
		}
		return new Prepared(encoders, out);
	}
}
